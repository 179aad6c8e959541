import type { MetaPublishingPlatform } from "../../types/http/publishing"

/**
 * The storefront link a publication carries, tagged so a visit (and the order after it) can be traced back to
 * the post: utm_source=instagram|facebook, utm_medium=social, utm_campaign=meta_publishing,
 * utm_content=<publication id>. Publication ids are Medusa ids with the "metapub" prefix ("metapub_01J…").
 */

export const PUBLICATION_UTM_CAMPAIGN = "meta_publishing"
export const PUBLICATION_UTM_MEDIUM = "social"
export const PUBLICATION_ID_PREFIX = "metapub_"

const PUBLICATION_ID = /^metapub_[0-9A-Za-z]{1,64}$/

export function isPublicationId(value: unknown): value is string {
  return typeof value === "string" && PUBLICATION_ID.test(value)
}

/** A query key, decoded as a server would read it ("utm%5Fsource" and "UTM_SOURCE" are utm keys too). */
function decodedKey(segment: string): string {
  const key = segment.split("=", 1)[0].replace(/\+/g, " ")
  try {
    return decodeURIComponent(key)
  } catch {
    return key
  }
}

const RELATIVE_BASE = "http://relative.invalid"

/**
 * `productUrl` with our UTM parameters. Other query parameters keep their order and their exact encoding;
 * any utm_* already there is replaced (a template with utm_source=newsletter would otherwise mis-attribute);
 * the #fragment is kept. A relative URL ("/products/tee") stays relative. Text that is no URL at all is
 * returned unchanged.
 */
export function publicationLink(
  productUrl: string,
  options: { publicationId: string; platform: MetaPublishingPlatform }
): string {
  if (typeof productUrl !== "string" || productUrl.trim() === "") return productUrl
  const input = productUrl.trim()
  let url: URL
  let relative = false
  try {
    url = new URL(input)
  } catch {
    try {
      url = new URL(input, RELATIVE_BASE)
      relative = true
    } catch {
      return productUrl
    }
  }
  const kept = url.search
    .replace(/^\?/, "")
    .split("&")
    .filter((segment) => segment !== "" && !decodedKey(segment).toLowerCase().startsWith("utm_"))
  const ours = [
    ["utm_source", options.platform],
    ["utm_medium", PUBLICATION_UTM_MEDIUM],
    ["utm_campaign", PUBLICATION_UTM_CAMPAIGN],
    ["utm_content", options.publicationId],
  ].map(([key, value]) => `${key}=${encodeURIComponent(String(value ?? ""))}`)
  url.search = `?${[...kept, ...ours].join("&")}`
  if (!relative) return url.href
  const path = input.startsWith("/") ? url.pathname : url.pathname.replace(/^\//, "")
  return `${path}${url.search}${url.hash}`
}

type QueryValue = unknown

function firstString(value: QueryValue): string | undefined {
  if (typeof value === "string") return value
  if (Array.isArray(value)) return value.find((v): v is string => typeof v === "string")
  return undefined
}

function paramsOf(input: string): URLSearchParams | undefined {
  const text = input.trim()
  if (text === "") return undefined
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith("/")) {
    try {
      return new URL(text, RELATIVE_BASE).searchParams
    } catch {
      return undefined
    }
  }
  // A bare query string ("?utm_campaign=…" or "utm_campaign=…&…"), possibly followed by a fragment.
  const query = text.replace(/^\?/, "").split("#", 1)[0]
  const questionMark = query.indexOf("?")
  return new URLSearchParams(questionMark >= 0 && !query.slice(0, questionMark).includes("=") ? query.slice(questionMark + 1) : query)
}

/**
 * The publication a landing came from, or null: the landing URL (absolute or a path), its query string, or
 * the query object the HTTP framework parsed (repeated keys as arrays). Only utm_campaign=meta_publishing with
 * a utm_content that is one of our publication ids counts; keys are matched case-insensitively.
 */
export function publicationIdFromLanding(input: string | Record<string, unknown> | null | undefined): string | null {
  let campaign: string | undefined
  let content: string | undefined
  if (typeof input === "string") {
    const params = paramsOf(input)
    if (!params) return null
    for (const [key, value] of params) {
      const name = key.toLowerCase()
      if (name === "utm_campaign" && campaign === undefined) campaign = value
      if (name === "utm_content" && content === undefined) content = value
    }
  } else if (typeof input === "object" && input !== null && !Array.isArray(input)) {
    for (const key of Object.keys(input)) {
      const name = key.toLowerCase()
      if (name === "utm_campaign" && campaign === undefined) campaign = firstString(input[key])
      if (name === "utm_content" && content === undefined) content = firstString(input[key])
    }
  } else {
    return null
  }
  if (campaign?.trim().toLowerCase() !== PUBLICATION_UTM_CAMPAIGN) return null
  const id = content?.trim()
  return isPublicationId(id) ? id : null
}
