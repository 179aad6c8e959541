/**
 * What to do when Meta refuses a publishing call, after Meta's Instagram error table
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes:
 * code, subcode, user message, recommended solution) and the Graph error codes every Meta API shares.
 * Facebook Page subcodes (13xxxxx, 14xxxxx, 16xxxxx, 48xxxxx) are the ones Pages publishing answers in production.
 *
 * - retry           the same call later (with backoff)
 * - wait_not_ready  the container is still being processed: ask again shortly, it is not a failure
 * - new_container   the container is gone or broken: create a new one, then publish
 * - wait_quota      the account's publishing limit is used: wait for the moving 24-hour window
 * - reconnect       the token or a permission is missing: nothing works until the merchant reconnects
 * - fail            Meta refused the content; the hint says what to change
 */
export type PublishErrorAction = "retry" | "wait_not_ready" | "new_container" | "wait_quota" | "reconnect" | "fail"

export type PublishErrorVerdict = { action: PublishErrorAction; hint: string }

export type PublishErrorInput = {
  code?: number | null
  subcode?: number | null
  httpStatus?: number | null
  message?: string | null
  category?: "auth" | "permission" | "throttled" | "transient" | "invalid" | string | null
}

const PUBLIC_URL_HINT =
  "Meta could not download the media. The file URL must be publicly reachable from the internet (no login, not localhost or a private network); configure a public file provider such as S3 and publish again."
const RESTRICTED_HINT =
  "Instagram has restricted this account. Open the Instagram app, follow what it asks (confirm your identity, accept its terms or review a warning), then publish again."
const NOT_READY_HINT = "Meta is still processing the media; the post is published as soon as it is ready."
const QUOTA_HINT = "The account has used its limit of posts published through the API in 24 hours; the post goes out automatically when the limit frees up."
const RETRY_HINT = "Meta had a temporary problem; the post is retried automatically."
const NEW_CONTAINER_HINT = "Meta discarded the prepared media; it is uploaded again and the post retried automatically."
const THROTTLED_HINT = "Meta is limiting how fast this app or account can call it; the post is retried automatically after a pause."
const RECONNECT_HINT = "The connection to Meta has expired or lacks a permission. Reconnect Meta in Settings → Meta (grant every permission it asks for); the post goes out once the connection works again."
const FAIL_HINT = "Meta refused the post; its message says why. Change what it names and publish again."

/** Instagram (2207xxx) and Facebook Page subcodes: the most specific answer Meta gives, so they are read first. */
const BY_SUBCODE: Record<number, PublishErrorVerdict> = {
  // Instagram, in the table's order.
  2207003: { action: "retry", hint: "Instagram timed out downloading the media; it is tried again automatically. If this repeats, use a smaller file or a faster file host." },
  2207020: { action: "new_container", hint: "The prepared media expired before it was published; it is uploaded again automatically." },
  2207001: { action: "retry", hint: "Instagram had a server error; the post is retried automatically." },
  2207032: { action: "retry", hint: "Instagram could not prepare the media; it is tried again automatically." },
  2207053: { action: "new_container", hint: "Instagram hit an unknown error while uploading the video; it is uploaded again automatically." },
  2207057: { action: "fail", hint: "The reel's cover frame (thumbnail offset) lies outside the video; choose a frame within the video's length." },
  2207051: { action: "fail", hint: "Instagram blocked this publish as suspected spam. Open Instagram to see whether the account is restricted; if you think it is a mistake, tell Instagram there, then publish again later." },
  2207042: { action: "wait_quota", hint: QUOTA_HINT },
  2207006: { action: "new_container", hint: "Meta no longer finds the prepared media; it is uploaded again automatically." },
  2207008: { action: "retry", hint: "Instagram's upload session expired; the post is retried automatically in a minute or two." },
  2207050: { action: "fail", hint: RESTRICTED_HINT },
  2207023: { action: "fail", hint: "Instagram did not recognise the media type; check that the kind matches the file (an image post needs an image, a reel needs a video)." },
  2207028: { action: "fail", hint: "An Instagram carousel takes 2 to 10 images or videos; add or remove slides." },
  2207035: { action: "fail", hint: "Product tags on a video cannot have a position; remove the x/y coordinates from the video's product tags." },
  2207036: { action: "fail", hint: "Product tags on an image need a position; add x/y coordinates (0 to 1) to each product tag." },
  2207037: { action: "fail", hint: "Instagram refused the product tags; check that the products are approved in the Instagram Shop catalog, at most 5 per media, no duplicates." },
  2207040: { action: "fail", hint: "Instagram allows at most 20 @mentions in a caption; remove some." },
  2207026: { action: "fail", hint: "Instagram accepts MP4 or MOV videos only (H.264 or HEVC video, AAC audio); export the video as MP4 and publish again." },
  2207052: { action: "fail", hint: PUBLIC_URL_HINT },
  2207027: { action: "wait_not_ready", hint: NOT_READY_HINT },
  2207004: { action: "fail", hint: "The image is larger than Instagram's 8 MiB limit; export it smaller (for example 1080 px wide at 85 % JPEG quality)." },
  2207005: { action: "fail", hint: "Instagram accepts JPEG images only; export the image as JPEG and publish again." },
  2207009: { action: "fail", hint: "Instagram feed images must be between 4:5 (portrait) and 1.91:1 (landscape); crop the image, for example to 1080×1350 or 1080×1080." },
  2207010: { action: "fail", hint: "The caption is too long for Instagram: at most 2,200 characters and 30 hashtags. Shorten it." },
  // Facebook Pages.
  1366046: { action: "fail", hint: "Facebook accepts photos up to 4 MB in JPEG or PNG; export the photo smaller or as JPEG." },
  1390008: { action: "retry", hint: "Facebook says the Page is posting too fast; the post is retried automatically after a pause." },
  1346003: { action: "fail", hint: "Facebook flagged this post as abusive or against its Community Standards; change the text or media." },
  1404078: { action: "fail", hint: "This Page requires Page Publishing Authorization: a Page admin must complete it in the Page's settings (Meta Business Suite), then publish again." },
  1366051: { action: "fail", hint: "Facebook says these photos were already posted; upload the photos again as a new post." },
  1609008: { action: "fail", hint: "Facebook does not allow posting facebook.com links this way; remove the link or use a storefront link." },
  1363047: { action: "retry", hint: "Facebook is temporarily unavailable; the post is retried automatically." },
  1609010: { action: "retry", hint: "Facebook is temporarily unavailable; the post is retried automatically." },
  4854002: { action: "fail", hint: "Facebook refused the post under its policies; change the text or media." },
  1404102: { action: "fail", hint: "Facebook refused the post under its policies; change the text or media." },
}

/** Top-level codes, for answers without a subcode we know. */
const BY_CODE: Record<number, PublishErrorVerdict> = {
  9007: { action: "wait_not_ready", hint: NOT_READY_HINT },
  9: { action: "wait_quota", hint: QUOTA_HINT },
  9004: { action: "fail", hint: PUBLIC_URL_HINT },
  352: BY_SUBCODE[2207026],
  36000: BY_SUBCODE[2207004],
  36001: BY_SUBCODE[2207005],
  36003: BY_SUBCODE[2207009],
  36004: BY_SUBCODE[2207010],
  25: { action: "fail", hint: RESTRICTED_HINT },
  // -1/-2: Instagram's own server and download errors; 1/2: Graph "unknown, possibly temporary" / "service".
  [-1]: { action: "retry", hint: RETRY_HINT },
  [-2]: { action: "retry", hint: RETRY_HINT },
  1: { action: "retry", hint: RETRY_HINT },
  2: { action: "retry", hint: RETRY_HINT },
  // 24: the container cannot be found (expired, or made with another token).
  24: { action: "new_container", hint: NEW_CONTAINER_HINT },
  190: { action: "reconnect", hint: RECONNECT_HINT },
  102: { action: "reconnect", hint: RECONNECT_HINT },
  10: { action: "reconnect", hint: RECONNECT_HINT },
  368: { action: "fail", hint: "Meta has temporarily blocked posting from this account for a policy reason; open the Page or Instagram account to see why, then try later." },
  506: { action: "fail", hint: "Facebook refuses a post identical to a recent one; change the text." },
}

/** 4 app, 17 user, 32 Page, 341 application limit, 613 custom rate limit, 80000–80014 business-use-case limits. */
function isThrottleCode(code: number): boolean {
  return code === 4 || code === 17 || code === 32 || code === 341 || code === 613 || (code >= 80000 && code <= 80014)
}

/** 200–299: the permission family (200 "permissions error", 210 "a Page token is needed", …). */
function isPermissionCode(code: number): boolean {
  return code >= 200 && code <= 299
}

function integer(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim())
  return undefined
}

/** Graph messages start "(#9007) Media ID is not available"; a 7-digit 2207xxx number is a subcode. */
function codesFromMessage(message: string | null | undefined): { code?: number; subcode?: number } {
  if (typeof message !== "string") return {}
  const code = /\(#(-?\d{1,6})\)/.exec(message)?.[1]
  const subcode = /(?<!\d)(2207\d{3})(?!\d)/.exec(message)?.[1]
  return { code: code === undefined ? undefined : Number(code), subcode: subcode === undefined ? undefined : Number(subcode) }
}

/**
 * Sorts one Meta error into the action the publisher takes and a hint for the merchant. Order: a known
 * subcode, then a known code (also read from "(#code)" in the message when the code is missing), then the
 * code families (throttling, permissions), then the HTTP status and the Graph client's category.
 * Unknown: a 5xx, a throttle or a transient error is retried; any other refusal fails with the generic hint.
 */
export function classifyPublishError(input: PublishErrorInput): PublishErrorVerdict {
  const parsed = codesFromMessage(input?.message)
  const code = integer(input?.code) ?? parsed.code
  const subcode = integer(input?.subcode) ?? parsed.subcode
  if (subcode !== undefined && BY_SUBCODE[subcode]) return BY_SUBCODE[subcode]
  if (code !== undefined) {
    if (BY_CODE[code]) return BY_CODE[code]
    if (isThrottleCode(code)) return { action: "retry", hint: THROTTLED_HINT }
    if (isPermissionCode(code)) return { action: "reconnect", hint: RECONNECT_HINT }
  }
  const status = integer(input?.httpStatus)
  const category = typeof input?.category === "string" ? input.category : undefined
  if (category === "auth" || category === "permission") return { action: "reconnect", hint: RECONNECT_HINT }
  if (category === "throttled" || status === 429) return { action: "retry", hint: THROTTLED_HINT }
  if (status === 401 || status === 403) return { action: "reconnect", hint: RECONNECT_HINT }
  // Meta pairs a 5xx with code 100 for an invalid parameter: a refusal, not an outage.
  if (category === "transient" || (status !== undefined && status >= 500 && code !== 100)) return { action: "retry", hint: RETRY_HINT }
  if (category === "invalid" || (status !== undefined && status >= 400 && status < 500) || code !== undefined) {
    return { action: "fail", hint: FAIL_HINT }
  }
  // Nothing to go on (no code, status or category): a lost answer is more likely than a refusal.
  return { action: "retry", hint: RETRY_HINT }
}
