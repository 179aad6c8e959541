/**
 * Meta does not receive our files: it downloads ("cURLs") each media URL itself when the container is
 * created, so the URL must be public, and URLs with non-ASCII characters fail
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
 * `image_url` / `video_url`; https://developers.facebook.com/docs/instagram-platform/content-publishing).
 */

export type MediaUrlIssue = { severity: "error" | "warning"; message: string }

/** Host names that exist only on this machine or a private network. */
const LOCAL_SUFFIXES = [".localhost", ".local", ".internal", ".lan", ".home.arpa", ".localdomain"]

function ipv4Parts(host: string): number[] | undefined {
  const parts = host.split(".")
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined
  const numbers = parts.map(Number)
  return numbers.every((n) => n <= 255) ? numbers : undefined
}

/** Loopback, private (RFC 1918), link-local, carrier-grade NAT and "this network" IPv4 ranges. */
function isPrivateIpv4([a, b]: number[]): boolean {
  return (
    a === 127 ||
    a === 10 ||
    a === 0 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  )
}

/** IPv6 as the URL parser writes it (compressed, lower case, brackets removed). */
function isPrivateIpv6(host: string): boolean {
  if (host === "::1" || host === "::") return true
  // IPv4-mapped (::ffff:7f00:1 is 127.0.0.1).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host)
  if (mapped) {
    const high = parseInt(mapped[1], 16)
    return isPrivateIpv4([high >> 8, high & 0xff])
  }
  const first = parseInt(host.split(":")[0] || "0", 16)
  // fc00::/7 unique local, fe80::/10 link-local.
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80
}

/**
 * True when only this machine or its network can reach the host: localhost, loopback and private
 * addresses, .local/.internal names, and single-label names such as a Docker service ("medusa").
 */
export function isLocalOnlyHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "")
  if (host === "") return true
  if (host.includes(":")) return isPrivateIpv6(host)
  const ipv4 = ipv4Parts(host)
  if (ipv4) return isPrivateIpv4(ipv4)
  if (host === "localhost" || LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return true
  return !host.includes(".")
}

const NON_ASCII = /[^\x00-\x7f]/u
const WHITESPACE_OR_CONTROL = /[\s\x00-\x1f\x7f]/

/** What is wrong with a media URL for Meta, worst first; an empty list when Meta can fetch it. */
export function mediaUrlIssues(raw: unknown): MediaUrlIssue[] {
  if (typeof raw !== "string" || raw.trim() === "") {
    return [{ severity: "error", message: "This media has no URL. Upload the file again or paste its public https URL." }]
  }
  const text = raw.trim()
  let url: URL | undefined
  try {
    url = new URL(text)
  } catch {
    url = undefined
  }
  if (!url) {
    return [{ severity: "error", message: `"${shorten(text)}" is not a full URL. Use the file's public https:// address.` }]
  }
  const issues: MediaUrlIssue[] = []
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return [
      {
        severity: "error",
        message: `Meta downloads media from https:// (or http://) addresses only; this one starts with ${url.protocol}. Upload the file to your file provider and use its https:// URL.`,
      },
    ]
  }
  if (url.username || url.password) {
    issues.push({ severity: "error", message: "This URL carries a user name or password; Meta cannot log in to download it. Use a public URL." })
  }
  const match = NON_ASCII.exec(text)
  if (match) {
    issues.push({
      severity: "error",
      message: `This URL contains "${match[0]}", a character outside plain ASCII; Meta fails to download such URLs. Rename the file without accents or special characters, or use the encoded address ${url.href}.`,
    })
  } else if (WHITESPACE_OR_CONTROL.test(text)) {
    issues.push({
      severity: "error",
      message: `This URL contains a space or control character; Meta fails to download it. Rename the file or use the encoded address ${url.href}.`,
    })
  }
  if (isLocalOnlyHost(url.hostname)) {
    issues.push({
      severity: "warning",
      message: `Meta cannot fetch ${shorten(url.href)} from the internet: Medusa's file provider serves it only from this machine (${url.hostname}); configure a public file provider (e.g. S3) before publishing for real.`,
    })
  } else if (url.protocol === "http:") {
    issues.push({
      severity: "warning",
      message: "This URL uses plain http://. Meta can download it, but use the https:// address if your file host has one: Meta's guides use https.",
    })
  }
  return issues
}

function shorten(text: string, max = 120): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`
}
