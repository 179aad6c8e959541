/** Text clean-up for catalog fields: Meta wants plain text of bounded length in title and description. */

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", hellip: "…",
  rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", copy: "©", reg: "®", trade: "™", euro: "€", pound: "£",
  yen: "¥", cent: "¢", deg: "°", times: "×", middot: "·", bull: "•",
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      // Lone surrogates and out-of-range code points would make invalid UTF-8 on the wire.
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ""
      return String.fromCodePoint(code)
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole
  })
}

/** Control characters (except tab/newline) break Meta's feed parser; drop them. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/**
 * HTML (as merchants paste it into Medusa's description) → plain text: scripts, styles and comments
 * removed, block ends become line breaks, tags stripped, entities decoded, whitespace collapsed.
 */
export function htmlToPlainText(html: unknown): string {
  if (typeof html !== "string" || html === "") return ""
  const text = html
    .replace(/<!--[\s\S]*?(-->|$)/g, " ")
    .replace(/<(script|style|noscript|template)\b[\s\S]*?(<\/\1\s*>|$)/gi, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|h[1-6]|tr|blockquote|section|article|ul|ol)\s*>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "\n- ")
    .replace(/<\/?[a-zA-Z!?][^>]*>?/g, " ")
  return decodeEntities(text)
    .replace(CONTROL, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
}

/** One line: whitespace (including line breaks) collapsed, control characters removed. */
export function singleLine(value: unknown): string {
  if (typeof value !== "string") return ""
  return value.replace(CONTROL, "").replace(/\s+/g, " ").trim()
}

/**
 * Cuts to at most `max` characters counted as Meta counts them (code points, so an emoji is never split
 * into half a surrogate pair), preferring a word boundary and marking the cut with "…".
 */
export function truncateText(value: string, max: number): string {
  // UTF-16 length ≥ code points: a string this short is within the limit however Meta counts (no array of characters).
  if (value.length <= max) return value
  const chars = Array.from(value)
  if (chars.length <= max) return value
  const room = chars.slice(0, max - 1).join("")
  const endsAtWord = /\s/.test(chars[max - 1])
  const lastSpace = room.lastIndexOf(" ")
  const cut = endsAtWord || lastSpace < room.length * 0.6 ? room : room.slice(0, lastSpace)
  return `${cut.replace(/[\s,;:.-]+$/, "")}…`
}
