/**
 * Which Meta ad a storefront landing came from, read from the landing URL's query string.
 *
 * Ads created by the plugin carry `url_tags` (https://developers.facebook.com/docs/marketing-api/reference/ad-creative/
 * — `url_tags`: "query string parameters which will replace or be appended to urls clicked from page post ads")
 * built from Meta's dynamic URL parameters {{campaign.id}}, {{adset.id}}, {{ad.id}}, which Meta fills in at
 * click time (https://www.facebook.com/business/help/1016122818401732):
 *
 *   utm_source=facebook&utm_medium=paid&utm_campaign={{campaign.id}}&utm_term={{adset.id}}&utm_content={{ad.id}}
 *
 * Read from a landing, in this order:
 * - plain `ad_id`, `adset_id` (or `ad_set_id`), `campaign_id` — what merchants put on ads they make themselves
 *   (`ad_id={{ad.id}}`), whatever the utm_source;
 * - with a utm_source naming Meta (facebook, instagram, messenger, threads, meta, fb, ig, msg, an):
 *   utm_content = ad, utm_term = ad set, utm_campaign (else utm_id, GA4's campaign id) = campaign.
 * Only Meta ids count (digit strings): an unresolved macro left literal ("{{ad.id}}", as in ad previews), a
 * name or a publication id is no id. Keys are matched case-insensitively after percent-decoding; values are
 * percent-decoded once and trimmed. When a parameter appears more than once the LAST occurrence counts: Meta
 * appends the ad's url_tags after the link's own parameters, so the ad's value comes last. The #fragment is
 * never read.
 *
 * A landing with a Meta utm_source and a paid utm_medium but no readable id (every macro unresolved) is still a
 * landing from a Meta ad, with the ad unknown.
 */

/** What the plugin sets as `url_tags` on every ad creative it creates. */
export const AD_URL_TAGS = "utm_source=facebook&utm_medium=paid&utm_campaign={{campaign.id}}&utm_term={{adset.id}}&utm_content={{ad.id}}"

/** The ids a landing names; any may be null (a landing from a Meta ad with the ad unknown has all three null). */
export type AdLanding = { ad_id: string | null; ad_set_id: string | null; campaign_id: string | null }

/** Graph node ids are positive integers written in decimal digits (Meta ids run to about 20 digits). */
const META_ID = /^[1-9][0-9]{0,24}$/
/** utm_source values that name one of Meta's apps or networks (Meta's own {{site_source_name}} values: fb, ig, msg, an). */
const META_SOURCE = /^(fb|ig|msg|an)$|(^|[^a-z])(facebook|instagram|messenger|threads|meta|audience[_ -]?network)([^a-z]|$)/
/** utm_medium values that mean a paid placement. */
const PAID_MEDIUM = /^(paid|cpc|ppc|cpm|cpa|ads?|paid[_ -]?social|social[_ -]?paid|paidsocial|display|paid[_ -]?ads?)$/

const RELATIVE_BASE = "http://relative.invalid"

export function isMetaId(value: unknown): value is string {
  return typeof value === "string" && META_ID.test(value)
}

/** The query of an absolute URL, a path, or a bare query string ("?a=1" / "a=1&b=2"); the fragment cut off. */
function queryOf(input: string): URLSearchParams | null {
  const text = input.trim()
  if (text === "") return null
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith("/")) {
    try {
      return new URL(text, RELATIVE_BASE).searchParams
    } catch {
      return null
    }
  }
  const withoutFragment = text.split("#", 1)[0]
  const question = withoutFragment.indexOf("?")
  return new URLSearchParams(question >= 0 ? withoutFragment.slice(question + 1) : withoutFragment)
}

/** The last value of each key, keys lower-cased (URLSearchParams has already percent-decoded both). */
function lastValues(params: URLSearchParams): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of params) out.set(key.trim().toLowerCase(), value.trim())
  return out
}

function idOf(values: Map<string, string>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = values.get(key)
    if (value !== undefined && isMetaId(value)) return value
  }
  return null
}

/** Whether utm_source names a Meta app or network. */
export function isMetaSource(value: string | null | undefined): boolean {
  return typeof value === "string" && META_SOURCE.test(value.trim().toLowerCase())
}

/** The ad (ad set, campaign) a landing URL came from, or null when it is not a landing from a Meta ad. */
export function adFromLanding(input: string | null | undefined): AdLanding | null {
  if (typeof input !== "string") return null
  const params = queryOf(input)
  if (!params) return null
  const values = lastValues(params)
  const fromMeta = isMetaSource(values.get("utm_source"))
  const landing: AdLanding = {
    ad_id: idOf(values, "ad_id") ?? (fromMeta ? idOf(values, "utm_content") : null),
    ad_set_id: idOf(values, "adset_id", "ad_set_id") ?? (fromMeta ? idOf(values, "utm_term") : null),
    campaign_id: idOf(values, "campaign_id") ?? (fromMeta ? idOf(values, "utm_campaign", "utm_id") : null),
  }
  if (landing.ad_id || landing.ad_set_id || landing.campaign_id) return landing
  const paid = PAID_MEDIUM.test((values.get("utm_medium") ?? "").toLowerCase())
  return fromMeta && paid ? landing : null
}

/** True when the URL is a landing from a Meta ad (the ad may be unknown). */
export function isAdLanding(input: string | null | undefined): boolean {
  return adFromLanding(input) !== null
}

/**
 * The click time in ms of an `_fbc` cookie value (fb.{subdomainIndex}.{creationTime}.{fbclid}, creation time in
 * milliseconds: https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc/), or
 * null. A 10-digit time is read as seconds (a common mistake of hand-made cookies).
 */
export function fbcClickTime(fbc: string | null | undefined): number | null {
  if (typeof fbc !== "string") return null
  const match = /^fb\.[0-2]\.(\d{10,13})\.[^\s.]+(\.[A-Za-z0-9_-]{1,16})?$/.exec(fbc)
  if (!match) return null
  const time = Number(match[1])
  return match[1].length <= 10 ? time * 1000 : time
}

/** Orders are credited to the ad clicked within 7 days before (the same click window as publications). */
export const AD_ATTRIBUTION_WINDOW_MS = 7 * 24 * 60 * 60 * 1000
/** A click stamped up to an hour after the order still counts (the browser's clock stamps fbc). */
const CLOCK_SKEW_MS = 60 * 60 * 1000

export type OrderAdAttribution =
  | { source: "landing"; ad_id: string | null; ad_set_id: string | null; campaign_id: string | null }
  | { source: "fbclid"; ad_id: null; ad_set_id: null; campaign_id: null }

/**
 * What an order placed from a cart is credited to, from the cart's browser context (kept only with consent;
 * without it, nothing): the landing from a Meta ad first (the storefront keeps the last one for 7 days); else a
 * Meta click id (`_fbc`, from the fbclid Meta adds to links) from the last 7 days marks the order as from Meta
 * ads with the ad unknown — unless the landing came from one of our organic publications, whose link Meta also
 * gives an fbclid. `isPublicationLanding` tells those apart (src/lib/publishing/publication-link.ts).
 */
export function orderAdAttribution(input: {
  consent: boolean | null | undefined
  landing_url: string | null | undefined
  fbc: string | null | undefined
  placed_at: Date | number
  isPublicationLanding: (url: string) => boolean
}): OrderAdAttribution | null {
  if (input.consent !== true) return null
  const landing = adFromLanding(input.landing_url)
  if (landing) return { source: "landing", ...landing }
  if (input.landing_url && input.isPublicationLanding(input.landing_url)) return null
  const clicked = fbcClickTime(input.fbc)
  const placed = input.placed_at instanceof Date ? input.placed_at.getTime() : input.placed_at
  if (clicked === null || !Number.isFinite(placed)) return null
  const age = placed - clicked
  if (age > AD_ATTRIBUTION_WINDOW_MS || age < -CLOCK_SKEW_MS) return null
  return { source: "fbclid", ad_id: null, ad_set_id: null, campaign_id: null }
}
