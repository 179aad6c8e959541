import type { MetaPublicationIssue, MetaPublicationKind } from "../../types/http/publishing"
import { captionLength, countHashtags, countMentions } from "./caption"
import { kindSpec, type KindSpec, type MediaType } from "./kinds"
import {
  FB_MESSAGE_MAX_CHARS,
  FB_PHOTO_MAX_BYTES,
  FB_PHOTO_MIMES,
  FB_REEL_MAX_SECONDS,
  FB_REEL_MIN_SECONDS,
  FIRST_COMMENT_MAX_CHARS,
  FIRST_COMMENT_MAX_HASHTAGS,
  IG_ALT_TEXT_MAX_CHARS,
  IG_CAPTION_ADVISED_HASHTAGS,
  IG_CAPTION_MAX_CHARS,
  IG_CAPTION_MAX_HASHTAGS,
  IG_CAPTION_MAX_MENTIONS,
  IG_FEED_ASPECT_MAX,
  IG_FEED_ASPECT_MIN,
  IG_IMAGE_MAX_BYTES,
  IG_IMAGE_MIMES,
  IG_IMAGE_MIN_WIDTH,
  IG_REEL_MAX_BYTES,
  IG_REEL_MAX_SECONDS,
  IG_REEL_MIN_SECONDS,
  IG_STORY_MAX_BYTES,
  IG_STORY_MAX_SECONDS,
  IG_STORY_MIN_SECONDS,
  IG_VIDEO_MIMES,
  SCHEDULE_MAX_AHEAD_MS,
  SCHEDULE_PAST_TOLERANCE_MS,
} from "./limits"
import { formatBytes, formatDuration, formatName, formatRatio, mediaTypeOfMime, mimeFromUrl, normalizeMime } from "./media-format"
import { mediaUrlIssues } from "./media-url"
import { productTagIssues } from "./product-tags"

/**
 * Everything we can check before Meta sees a post, as Meta states the rules:
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
 * https://developers.facebook.com/docs/instagram-platform/content-publishing
 * https://developers.facebook.com/docs/pages-api/posts
 * An "error" blocks publishing (Meta would refuse it); a "warning" does not (it may still work, or works
 * differently than the merchant expects). Fields: "caption", "media", "media.2", "media.0.alt_text",
 * "first_comment", "scheduled_at", "kind". Messages are for merchants: what is wrong, then what to do.
 */

/** What reading the file told us (image headers via probe-image-size; video response headers). */
export type MediaProbe = {
  type: "image" | "video"
  mime: string | null
  width: number | null
  height: number | null
  bytes: number | null
  /** From the movie header (moov/mvhd); null or absent when it could not be read. */
  duration_seconds?: number | null
  /** Why the length could not be read ("its movie header is at the end of the file and …"). */
  duration_error?: string | null
}

export type PublicationMediaDraft = {
  url: string
  alt_text?: string | null
  probe?: MediaProbe | null
  /** Why the file could not be read ("Could not read <url>: the server answered 404"). */
  probe_error?: string | null
}

export type PublicationDraft = {
  kind: MetaPublicationKind
  caption?: string | null
  media: PublicationMediaDraft[]
  first_comment?: string | null
  scheduled_at?: Date | string | null
  /** The link of a Facebook link post (a text post needs a message or a link). */
  link?: string | null
  /** Products shown, and the Instagram product tags placed on them (see product-tags.ts). */
  product_ids?: readonly string[] | null
  product_tags?: readonly unknown[] | null
}

type Issues = MetaPublicationIssue[]

const error = (field: string, message: string): MetaPublicationIssue => ({ field, message, severity: "error" })
const warning = (field: string, message: string): MetaPublicationIssue => ({ field, message, severity: "warning" })

function text(value: unknown): string {
  return typeof value === "string" ? value : ""
}

function positive(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`

export function validatePublication(draft: PublicationDraft, options: { now: Date }): MetaPublicationIssue[] {
  const spec = kindSpec(draft?.kind)
  if (!spec) {
    return [error("kind", `"${String(draft?.kind)}" is not a kind of post we can publish. Choose an Instagram image, carousel, reel or story, or a Facebook post, photo, multi-photo, video or reel.`)]
  }
  const now = options?.now instanceof Date && Number.isFinite(options.now.getTime()) ? options.now : new Date()
  const media = Array.isArray(draft.media) ? draft.media : []
  const issues: Issues = []
  checkSchedule(draft.scheduled_at, now, issues)
  checkCaption(spec, draft, issues)
  checkMediaCount(draft.kind, spec, media.length, issues)
  const firstImage: { ratio?: number; size?: string } = {}
  media.forEach((item, index) => checkMedia(spec, item, index, firstImage, issues))
  checkFirstComment(spec, draft.first_comment, issues)
  const mediaTypes = media.map((item) => {
    const probed = item?.probe?.type
    return probed === "image" || probed === "video" ? probed : mediaTypeOfMime(normalizeMime(item?.probe?.mime) ?? mimeFromUrl(item?.url))
  })
  issues.push(...productTagIssues({ kind: draft.kind, mediaTypes, product_ids: draft.product_ids, product_tags: draft.product_tags }))
  return issues
}

// ── Schedule ─────────────────────────────────────────────────────────────────────────────────────────

function humanSpan(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  if (minutes < 1) return plural(Math.max(1, Math.round(ms / 1000)), "second")
  if (minutes < 120) return plural(minutes, "minute")
  const hours = Math.round(minutes / 60)
  if (hours < 48) return plural(hours, "hour")
  return plural(Math.round(hours / 24), "day")
}

function checkSchedule(value: PublicationDraft["scheduled_at"], now: Date, issues: Issues): void {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return
  const at = value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : Number.NaN
  if (!Number.isFinite(at)) {
    issues.push(error("scheduled_at", "This is not a date and time we can read. Pick one in the date picker, or send an ISO time such as 2026-12-24T09:00:00Z."))
    return
  }
  const ahead = at - now.getTime()
  if (-ahead > SCHEDULE_PAST_TOLERANCE_MS) {
    issues.push(error("scheduled_at", `This time is in the past (${humanSpan(-ahead)} ago). Choose a time in the future, or leave it empty to publish now.`))
  } else if (ahead > SCHEDULE_MAX_AHEAD_MS) {
    issues.push(error("scheduled_at", `Posts can be scheduled at most 75 days ahead; this one is ${plural(Math.ceil(ahead / 86_400_000), "day")} ahead. Choose an earlier date.`))
  }
}

// ── Caption ──────────────────────────────────────────────────────────────────────────────────────────

function checkCaption(spec: KindSpec, draft: PublicationDraft, issues: Issues): void {
  const caption = text(draft.caption)
  const blank = caption.trim() === ""
  if (!spec.caption) {
    if (!blank) issues.push(warning("caption", `${spec.label} is published without a caption, so this text will not appear. Put it on the image or video instead, or leave it empty.`))
    return
  }
  if (spec.platform === "facebook") {
    if (blank && spec.maxMedia === 0 && text(draft.link).trim() === "") {
      issues.push(error("caption", "A Facebook text post needs a message or a link. Write the message."))
    }
    const length = captionLength(caption)
    if (length > FB_MESSAGE_MAX_CHARS) {
      issues.push(error("caption", `Facebook posts take at most ${FB_MESSAGE_MAX_CHARS.toLocaleString("en-US")} characters; this one has ${length.toLocaleString("en-US")}. Shorten it by ${(length - FB_MESSAGE_MAX_CHARS).toLocaleString("en-US")}.`))
    }
    return
  }
  if (blank) return
  const length = captionLength(caption)
  if (length > IG_CAPTION_MAX_CHARS) {
    issues.push(error("caption", `Instagram captions take at most 2,200 characters; this one has ${length.toLocaleString("en-US")}. Shorten it by ${(length - IG_CAPTION_MAX_CHARS).toLocaleString("en-US")}.`))
  }
  const hashtags = countHashtags(caption)
  if (hashtags > IG_CAPTION_MAX_HASHTAGS) {
    issues.push(error("caption", `Instagram allows at most ${IG_CAPTION_MAX_HASHTAGS} hashtags in a caption; this one has ${hashtags}. Remove ${hashtags - IG_CAPTION_MAX_HASHTAGS} (Instagram now advises at most ${IG_CAPTION_ADVISED_HASHTAGS}).`))
  } else if (hashtags > IG_CAPTION_ADVISED_HASHTAGS) {
    issues.push(warning("caption", `This caption has ${hashtags} hashtags. Instagram is limiting posts and reels to ${IG_CAPTION_ADVISED_HASHTAGS} hashtags in its app; the API still accepts ${IG_CAPTION_MAX_HASHTAGS}, but keep to ${IG_CAPTION_ADVISED_HASHTAGS} targeted ones to be safe.`))
  }
  const mentions = countMentions(caption)
  if (mentions > IG_CAPTION_MAX_MENTIONS) {
    issues.push(error("caption", `Instagram allows at most ${IG_CAPTION_MAX_MENTIONS} @mentions in a caption; this one has ${mentions}. Remove ${mentions - IG_CAPTION_MAX_MENTIONS}.`))
  }
}

// ── Media count ──────────────────────────────────────────────────────────────────────────────────────

function acceptsText(spec: KindSpec, count: "one" | "many"): string {
  const both = spec.accepts.length === 2
  if (count === "one") return both ? "an image or a video" : spec.accepts[0] === "video" ? "a video" : spec.platform === "facebook" ? "a photo" : "an image"
  return both ? "images or videos" : spec.accepts[0] === "video" ? "videos" : spec.platform === "facebook" ? "photos" : "images"
}

/** Where the merchant should go instead when the number of files does not fit the kind. */
const TOO_MANY_ALTERNATIVE: Partial<Record<MetaPublicationKind, string>> = {
  instagram_image: "Choose a carousel to publish 2 to 10 images.",
  instagram_reel: "A reel is a single video; publish the others separately or as a carousel.",
  instagram_story: "Each story is one image or video; publish the others as separate stories.",
  facebook_photo: "Choose a multi-photo post to publish 2 to 10 photos.",
  facebook_video: "Publish the other videos as separate posts.",
  facebook_reel: "A reel is a single video; publish the others as separate reels.",
}

function checkMediaCount(kind: MetaPublicationKind, spec: KindSpec, count: number, issues: Issues): void {
  if (spec.maxMedia === 0) {
    if (count > 0) {
      issues.push(error("media", `${spec.label} takes no images or videos; this one has ${count}. Choose a photo, multi-photo or video post to include them, or remove them.`))
    }
    return
  }
  if (spec.minMedia === 1 && spec.maxMedia === 1) {
    if (count === 0) issues.push(error("media", `${spec.label} needs ${acceptsText(spec, "one")}; add one.`))
    if (count > 1) {
      const one = acceptsText(spec, "one").replace(/^an? /, "")
      issues.push(error("media", `${spec.label} takes one ${one}; this one has ${count}. ${TOO_MANY_ALTERNATIVE[kind] ?? ""}`.trim()))
    }
    return
  }
  const range = `${spec.minMedia} to ${spec.maxMedia} ${acceptsText(spec, "many")}`
  const whose = spec.ownLimit ? " here (our own conservative limit; Meta documents none)" : spec.platform === "instagram" ? " (the Instagram app allows more, the API does not)" : ""
  if (count < spec.minMedia) {
    const single = spec.platform === "instagram" ? "publish a single image as an image post" : "publish a single photo as a photo post"
    issues.push(error("media", `${spec.label} needs ${range}; this one has ${count}. Add ${spec.minMedia - count} more, or ${single}.`))
  } else if (count > spec.maxMedia) {
    issues.push(error("media", `${spec.label} takes at most ${spec.maxMedia} ${acceptsText(spec, "many")}${whose}; this one has ${count}. Remove ${count - spec.maxMedia}.`))
  }
}

// ── Each file ────────────────────────────────────────────────────────────────────────────────────────

const MISMATCH_ALTERNATIVE: Record<string, string> = {
  "instagram:video": "Publish a video as a reel or a story.",
  "instagram:image": "Publish an image as an image post, a carousel or a story.",
  "facebook:video": "Publish a video as a Facebook video post or a reel.",
  "facebook:image": "Publish a photo as a Facebook photo or multi-photo post.",
}

function checkMedia(
  spec: KindSpec,
  item: PublicationMediaDraft | null | undefined,
  index: number,
  firstImage: { ratio?: number; size?: string },
  issues: Issues
): void {
  const field = `media.${index}`
  const url = item && typeof item === "object" ? item.url : undefined
  for (const issue of mediaUrlIssues(url)) issues.push({ field, ...issue })
  if (!item || typeof item !== "object") return
  const probe = item.probe && typeof item.probe === "object" ? item.probe : null
  const probeError = text(item.probe_error).trim()
  if (!probe && probeError) {
    issues.push(error(field, `${probeError.replace(/[.\s]+$/, "")}. Meta downloads the file from this URL when it publishes: check that it opens in a browser without logging in, from outside your network.`))
  }
  const mime = normalizeMime(probe?.mime) ?? mimeFromUrl(url)
  const type: MediaType | undefined = probe?.type === "image" || probe?.type === "video" ? probe.type : mediaTypeOfMime(mime)
  checkAltText(spec, item.alt_text, type, field, issues)
  if (!type) {
    if (!probeError && spec.accepts.length > 0) {
      issues.push(warning(field, "We could not tell whether this file is an image or a video, so its format and size were not checked; Meta checks them when it publishes."))
    }
    return
  }
  if (spec.accepts.length > 0 && !spec.accepts.includes(type)) {
    issues.push(error(field, `${spec.label} takes ${acceptsText(spec, spec.maxMedia > 1 ? "many" : "one")}; this file is ${type === "video" ? "a video" : "an image"}. ${MISMATCH_ALTERNATIVE[`${spec.platform}:${type}`]}`))
    return
  }
  if (type === "image") checkImage(spec, probe, mime, field, firstImage, issues)
  else checkVideo(spec, probe, mime, field, Boolean(probeError), issues)
}

function checkAltText(spec: KindSpec, value: unknown, type: MediaType | undefined, field: string, issues: Issues): void {
  const alt = text(value)
  if (alt.trim() === "") return
  if (spec.platform === "facebook") {
    issues.push(warning(`${field}.alt_text`, "Alt text is not sent with Facebook posts (Facebook writes its own); it is ignored here."))
    return
  }
  if (!spec.altText || type === "video") {
    issues.push(error(`${field}.alt_text`, "Instagram takes alt text on images of image posts and carousels only, not on reels, stories or videos. Remove it."))
    return
  }
  const length = captionLength(alt)
  if (length > IG_ALT_TEXT_MAX_CHARS) {
    issues.push(error(`${field}.alt_text`, `Instagram alt text takes at most 1,000 characters; this one has ${length.toLocaleString("en-US")}. Shorten it by ${(length - IG_ALT_TEXT_MAX_CHARS).toLocaleString("en-US")}.`))
  }
}

function checkImage(
  spec: KindSpec,
  probe: MediaProbe | null,
  mime: string | undefined,
  field: string,
  firstImage: { ratio?: number; size?: string },
  issues: Issues
): void {
  const bytes = positive(probe?.bytes)
  const width = positive(probe?.width)
  const height = positive(probe?.height)
  if (spec.images === "facebook") {
    if (mime && !(FB_PHOTO_MIMES as readonly string[]).includes(mime)) {
      issues.push(error(field, `Facebook photos must be JPEG or PNG; this one is ${formatName(mime)}. Export it as JPEG.`))
    }
    if (bytes !== undefined && bytes > FB_PHOTO_MAX_BYTES) {
      issues.push(error(field, `Facebook accepts photos up to 4 MB; this one is ${formatBytes(bytes, "MB", FB_PHOTO_MAX_BYTES)}. Export it smaller (for example 2048 px wide at 85 % JPEG quality).`))
    }
    return
  }
  if (mime && !(IG_IMAGE_MIMES as readonly string[]).includes(mime)) {
    issues.push(error(field, `Instagram accepts JPEG images only; this one is ${formatName(mime)}. Export it as JPEG.`))
  }
  if (bytes !== undefined && bytes > IG_IMAGE_MAX_BYTES) {
    issues.push(error(field, `Instagram accepts images up to 8 MiB; this one is ${formatBytes(bytes, "MiB", IG_IMAGE_MAX_BYTES)}. Export it smaller (for example 1080 px wide at 85 % JPEG quality).`))
  }
  if (width === undefined || height === undefined) return
  if (width < IG_IMAGE_MIN_WIDTH) {
    issues.push(warning(field, `This image is ${width} px wide; Instagram scales images narrower than ${IG_IMAGE_MIN_WIDTH} px up, so it may look blurry. Use one at least 1080 px wide.`))
  }
  if (spec.images !== "instagram_feed") return
  const size = `${width}×${height}`
  // Exact on pixel sizes: 4/5 ≤ width/height ≤ 191/100, cross-multiplied.
  const tooTall = width * IG_FEED_ASPECT_MIN.denominator < height * IG_FEED_ASPECT_MIN.numerator
  const tooWide = width * IG_FEED_ASPECT_MAX.denominator > height * IG_FEED_ASPECT_MAX.numerator
  if (tooTall || tooWide) {
    const example = tooTall ? "1080×1350 (4:5) or 1080×1080" : "1080×566 (1.91:1) or 1080×1080"
    issues.push(error(field, `Instagram feed images must be between 4:5 (portrait) and 1.91:1 (landscape); this one is ${size} (${formatRatio(width, height)}). Crop it, for example to ${example}${spec.maxMedia === 1 && tooTall ? ", or publish it as a story" : ""}.`))
    return
  }
  const ratio = width / height
  if (spec.maxMedia > 1) {
    if (firstImage.ratio === undefined) {
      firstImage.ratio = ratio
      firstImage.size = size
    } else if (Math.abs(ratio - firstImage.ratio) / firstImage.ratio > 0.01) {
      issues.push(warning(field, `Instagram crops every carousel slide to the shape of the first one (${firstImage.size}); this one is ${size} and will be cropped. Crop the images to one shape to control what is cut.`))
    }
  }
}

/**
 * How long a video may be, per kind: IG_MEDIA (reels 3 s–15 min, story videos 3–60 s) and the Facebook
 * Reels guide (https://developers.facebook.com/docs/video-api/guides/reels-publishing, 3–90 s).
 */
const DURATION_RULES: Partial<Record<NonNullable<KindSpec["videos"]>, { min: number; max: number; range: string; what: string; tooLong: string }>> = {
  instagram_reel: { min: IG_REEL_MIN_SECONDS, max: IG_REEL_MAX_SECONDS, range: "3 seconds to 15 minutes", what: "An Instagram reel", tooLong: "Trim it." },
  instagram_story: { min: IG_STORY_MIN_SECONDS, max: IG_STORY_MAX_SECONDS, range: "3 to 60 seconds", what: "An Instagram story video", tooLong: "Trim it, or publish it as a reel (up to 15 minutes)." },
  facebook_reel: { min: FB_REEL_MIN_SECONDS, max: FB_REEL_MAX_SECONDS, range: "3 to 90 seconds", what: "A Facebook reel", tooLong: "Trim it, or publish it as a Facebook video post (no length limit)." },
}

/** A stated length, to the millisecond (a 3 s clip stored as 2.99997 s at timescale 30000 is 3 s); undefined when unknown. */
function knownDuration(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) / 1000 : undefined
}

function checkDuration(spec: KindSpec, probe: MediaProbe | null, field: string, probeFailed: boolean, issues: Issues): void {
  const rule = spec.videos ? DURATION_RULES[spec.videos] : undefined
  if (!rule) return
  const duration = knownDuration(probe?.duration_seconds)
  if (duration === undefined) {
    // The file could not be read at all: that is an error of its own already.
    if (probeFailed) return
    const why = text(probe?.duration_error).trim().replace(/[.\s]+$/, "")
    issues.push(warning(field, `We could not read this video's length${why ? ` (${why})` : ""}, so it was not checked. ${rule.what} must be ${rule.range} long; Meta refuses it otherwise when it publishes.`))
    return
  }
  if (duration < rule.min) {
    issues.push(error(field, `${rule.what} must be ${rule.range} long; this one is ${formatDuration(duration, rule.min)}. Use a longer clip.`))
  } else if (duration > rule.max) {
    issues.push(error(field, `${rule.what} must be ${rule.range} long; this one is ${formatDuration(duration, rule.max)}. ${rule.tooLong}`))
  }
}

function checkVideo(spec: KindSpec, probe: MediaProbe | null, mime: string | undefined, field: string, probeFailed: boolean, issues: Issues): void {
  if (spec.videos === "facebook" || spec.videos === null) return
  if (spec.videos === "facebook_reel") {
    if (mime && !(IG_VIDEO_MIMES as readonly string[]).includes(mime)) {
      issues.push(warning(field, `Facebook recommends MP4 for reels; this one is ${formatName(mime)}. Export it as MP4 (H.264 video, AAC audio) if Facebook refuses it.`))
    }
    checkDuration(spec, probe, field, probeFailed, issues)
    return
  }
  if (mime && !(IG_VIDEO_MIMES as readonly string[]).includes(mime)) {
    issues.push(error(field, `Instagram accepts MP4 or MOV videos only; this one is ${formatName(mime)}. Export it as MP4 (H.264 video, AAC audio).`))
  }
  if (spec.videos === "instagram_carousel") return
  const reel = spec.videos === "instagram_reel"
  checkDuration(spec, probe, field, probeFailed, issues)
  const [maxBytes, what] = reel ? [IG_REEL_MAX_BYTES, "An Instagram reel"] : [IG_STORY_MAX_BYTES, "An Instagram story video"]
  const bytes = positive(probe?.bytes)
  if (bytes !== undefined && bytes > maxBytes) {
    issues.push(error(field, `${what} can be at most ${reel ? "300" : "100"} MB; this one is ${formatBytes(bytes, "MB", maxBytes)}. Export it at a lower bitrate (Instagram recommends at most 25 Mbps).`))
  }
}

// ── First comment ────────────────────────────────────────────────────────────────────────────────────

function checkFirstComment(spec: KindSpec, value: unknown, issues: Issues): void {
  const comment = text(value)
  if (comment.trim() === "") return
  if (!spec.comments) {
    issues.push(error("first_comment", `${spec.label} cannot have comments posted to it. Remove the first comment.`))
    return
  }
  const length = captionLength(comment)
  if (length > FIRST_COMMENT_MAX_CHARS) {
    issues.push(error("first_comment", `The first comment can have at most 2,200 characters; this one has ${length.toLocaleString("en-US")}. Shorten it by ${(length - FIRST_COMMENT_MAX_CHARS).toLocaleString("en-US")}.`))
  }
  if (spec.platform === "instagram") {
    const hashtags = countHashtags(comment)
    if (hashtags > FIRST_COMMENT_MAX_HASHTAGS) {
      issues.push(error("first_comment", `Instagram allows at most ${FIRST_COMMENT_MAX_HASHTAGS} hashtags in a comment; this one has ${hashtags}. Remove ${hashtags - FIRST_COMMENT_MAX_HASHTAGS}.`))
    }
  }
}
