import { parseDecimal, roundDecimal, type Decimal } from "../catalog/money"

/**
 * Caption arithmetic as Instagram applies it (2,200 characters, 30 hashtags, 20 @-tags:
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media),
 * and the product caption the publishing form starts from.
 */

/** Characters as Meta counts them: Unicode code points, so an emoji is one character, never half a pair. */
export function captionLength(text: string | null | undefined): number {
  if (typeof text !== "string") return 0
  let count = 0
  // for…of walks code points; no array of characters for a 60,000-character Facebook post.
  for (const _ of text) count++
  return count
}

/**
 * Links are not hashtags or mentions: "https://shop.example/#size" and "medium.com/@brand" are removed before
 * counting, from where the link starts to the end of its word. Scheme URLs, www. hosts and bare host/path
 * forms ("shop.example/p/x") are recognised. Word by word and without backtracking regexes, so a
 * 100,000-character "a.a.a.…" paste costs milliseconds, not seconds.
 */
const SCHEME_CHAR = /[a-z0-9+.-]/i
const BARE_HOST_PATH = /^[^\w#@-]*[\w-]+(?:\.[\w-]+)+\//

function linkStart(word: string): number {
  let start = -1
  const scheme = word.indexOf("://")
  if (scheme > 0) {
    let i = scheme
    while (i > 0 && SCHEME_CHAR.test(word[i - 1])) i--
    if (i < scheme && /[a-z]/i.test(word[i])) start = i
  }
  const www = word.toLowerCase().indexOf("www.")
  if (www >= 0 && (www === 0 || !/\w/.test(word[www - 1])) && (start < 0 || www < start)) start = www
  const bare = BARE_HOST_PATH.exec(word)
  if (bare) {
    const lead = /^[^\w#@-]*/.exec(word)?.[0].length ?? 0
    if (start < 0 || lead < start) start = lead
  }
  return start
}

function withoutUrls(text: string): string {
  return text.replace(/\S+/g, (word) => {
    const start = linkStart(word)
    return start < 0 ? word : `${word.slice(0, start)} `
  })
}

/** Letters (any script), combining marks, digits and "_": what Instagram keeps in a hashtag. */
const HASHTAG = /#([\p{L}\p{M}\p{N}_]+)/gu
const WORD_CHAR = /[\p{L}\p{M}\p{N}_&]/u

/**
 * The hashtags of a caption, in order, repeats included (each one counts toward Meta's 30).
 * A hashtag starts at the beginning or after a character that is not part of a word ("C#", "&#39;" and
 * "page#2" are not hashtags), or right after another hashtag ("#summer#sale" is two). Tags of digits only
 * ("#1") are not hashtags on Instagram and are not counted.
 */
export function hashtagsIn(text: string | null | undefined): string[] {
  if (typeof text !== "string" || !text.includes("#")) return []
  const source = withoutUrls(text)
  const tags: string[] = []
  let previousEnd = -1
  for (const match of source.matchAll(HASHTAG)) {
    const start = match.index ?? 0
    const before = start > 0 ? source[start - 1] : ""
    const startsTag = start === 0 || start === previousEnd || !WORD_CHAR.test(before)
    if (!startsTag) continue
    previousEnd = start + match[0].length
    if (/^\p{N}+$/u.test(match[1])) continue
    tags.push(match[1])
  }
  return tags
}

export function countHashtags(text: string | null | undefined): number {
  return hashtagsIn(text).length
}

/**
 * Instagram usernames: ASCII letters, digits, "." and "_", at most 30 characters, not ending in a period.
 * A mention follows a non-username character, so "orders@shop.com" is an email, not a mention.
 */
const MENTION = /@([A-Za-z0-9._]+)/g
const USERNAME_CHAR = /[A-Za-z0-9._@]/
const MAX_USERNAME = 30

/** The @-mentions of a caption, in order, repeats included (each counts toward Meta's 20 @-tags). */
export function mentionsIn(text: string | null | undefined): string[] {
  if (typeof text !== "string" || !text.includes("@")) return []
  const source = withoutUrls(text)
  const names: string[] = []
  for (const match of source.matchAll(MENTION)) {
    const start = match.index ?? 0
    if (start > 0 && USERNAME_CHAR.test(source[start - 1])) continue
    // A sentence's full stop is not part of the name ("thanks @shop.").
    const name = match[1].replace(/\.+$/, "")
    if (name === "" || name.length > MAX_USERNAME || /^\.+$/.test(name)) continue
    names.push(name)
  }
  return names
}

export function countMentions(text: string | null | undefined): number {
  return mentionsIn(text).length
}

// ── Product caption ──────────────────────────────────────────────────────────────────────────────────

/** Links in Instagram captions are not clickable, but merchants paste them anyway; Facebook links them. */
export const DEFAULT_PRODUCT_CAPTION_TEMPLATE = "{title}\n{price}\n\n{link}"

export type ProductCaptionInput = {
  template?: string | null
  title?: string | null
  /** Already formatted (see formatPrice), e.g. "$19.99". */
  price?: string | null
  link?: string | null
  handle?: string | null
}

const PLACEHOLDER = /\{([a-z_]+)\}/gi

/**
 * Fills the template's {title}, {price}, {link} and {handle}. Unknown placeholders ("{colour}") stay as
 * written so the merchant sees them; values are inserted literally (a title with "{price}" or "$&" is not
 * expanded). A line whose placeholders are all empty is dropped, so a missing price leaves no blank
 * "Price: " line; runs of blank lines shrink to one.
 */
export function composeProductCaption(input: ProductCaptionInput): string {
  const template = typeof input.template === "string" && input.template.trim() !== "" ? input.template : DEFAULT_PRODUCT_CAPTION_TEMPLATE
  const values: Record<string, string> = {
    title: clean(input.title),
    price: clean(input.price),
    link: clean(input.link),
    handle: clean(input.handle),
  }
  const lines = template.replace(/\r\n?/g, "\n").split("\n")
  const out: string[] = []
  for (const line of lines) {
    let known = 0
    let filled = 0
    const text = line.replace(PLACEHOLDER, (whole, name: string) => {
      const key = name.toLowerCase()
      if (!Object.prototype.hasOwnProperty.call(values, key)) return whole
      known++
      if (values[key] !== "") filled++
      return values[key]
    })
    if (known > 0 && filled === 0) continue
    out.push(text.replace(/[ \t]+$/, ""))
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim()
}

function clean(value: unknown): string {
  return typeof value === "string" ? value.replace(/\s+/g, " ").trim() : ""
}

// ── Prices ───────────────────────────────────────────────────────────────────────────────────────────

function decimalString(value: Decimal): string {
  const negative = value.units < 0n
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, "0")
  const whole = digits.slice(0, digits.length - value.scale)
  const fraction = digits.slice(digits.length - value.scale)
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`
}

function numberFormat(locale: string, currency: string): Intl.NumberFormat | undefined {
  for (const candidate of [locale, "en-US"]) {
    try {
      return new Intl.NumberFormat(candidate, { style: "currency", currency })
    } catch {
      // A malformed locale falls back to en-US; a malformed currency fails both.
    }
  }
  return undefined
}

/**
 * A price for people: "$19.99", "¥1,000", "KWD 1.235", "1.234,50 €" (de-DE). Medusa amounts are decimals
 * in the currency's main unit; they are rounded exactly (half away from zero, on BigInt digits, never through
 * float arithmetic) to the currency's display digits, then handed to Intl.NumberFormat as a decimal string.
 * Returns "" when the amount or the currency code is unusable (a caption shows no price rather than a wrong one).
 */
export function formatPrice(amount: number | string, currencyCode: string, locale = "en-US"): string {
  const code = typeof currencyCode === "string" ? currencyCode.trim().toUpperCase() : ""
  if (!/^[A-Z]{3}$/.test(code)) return ""
  const value = parseDecimal(amount)
  if (!value) return ""
  const format = numberFormat(typeof locale === "string" && locale.trim() !== "" ? locale : "en-US", code)
  if (!format) return ""
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  const rounded = decimalString(roundDecimal(value, digits))
  // Intl.NumberFormat reads a string as an exact decimal (ES2023); the digits already fit, so it only lays them out.
  return format.format(rounded as unknown as number)
}
