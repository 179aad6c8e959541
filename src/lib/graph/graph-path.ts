/**
 * Graph URLs are `${graphApiUrl}/${apiVersion}/${path}` (https://developers.facebook.com/docs/graph-api/guides/versioning). Callers pass paths such as
 * "me/accounts" or "/123/items_batch"; a path that names the client's own version is normalised, one
 * that names another version is refused so a stale hard-coded "v21.0/…" cannot slip past the
 * configured version.
 */

const VERSION_PATTERN = /^v\d+\.\d+$/

export function isGraphApiVersion(value: string): boolean {
  return VERSION_PATTERN.test(value)
}

export type NormalizedGraphPath = {
  /** Without leading slash, version or query string. */
  path: string
  /** Parameters that were written into the path's own query string. */
  query: URLSearchParams
}

export function normalizeGraphPath(rawPath: string, apiVersion: string): NormalizedGraphPath {
  const trimmed = rawPath.trim()
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("//")) {
    throw new Error(`Graph path must be relative to the Graph API URL, got an absolute URL`)
  }
  const queryStart = trimmed.indexOf("?")
  const pathPart = queryStart === -1 ? trimmed : trimmed.slice(0, queryStart)
  const query = new URLSearchParams(queryStart === -1 ? "" : trimmed.slice(queryStart + 1))
  const segments = pathPart.split("/").filter((s) => s !== "")
  if (segments.some((s) => s === "." || s === "..")) {
    throw new Error(`Graph path "${pathPart}" must not contain "." or ".." segments`)
  }
  if (segments.length > 0 && isGraphApiVersion(segments[0])) {
    if (segments[0] !== apiVersion) {
      throw new Error(
        `Graph path "${pathPart}" names API version ${segments[0]} but the client targets ${apiVersion}; pass the path without a version`
      )
    }
    segments.shift()
  }
  return { path: segments.join("/"), query }
}

/**
 * Graph query/body values: strings as-is, scalars stringified, arrays and objects JSON-encoded, dates as
 * unix seconds (the form Meta's `since`/`until` and timestamp fields take).
 */
export function encodeGraphValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === "string") return value
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value)
  if (value instanceof Date) return String(Math.floor(value.getTime() / 1000))
  return JSON.stringify(value)
}

export function appendGraphParams(target: URLSearchParams, params: Record<string, unknown> | undefined): void {
  if (!params) return
  for (const [key, value] of Object.entries(params)) {
    const encoded = encodeGraphValue(value)
    if (encoded !== undefined) target.set(key, encoded)
  }
}

/**
 * Turns a `paging.next` URL back into a path and parameters for the same client, so the next page is
 * requested with fresh credentials. A `next` URL on another host is refused: following it would send
 * our token and appsecret_proof to whoever wrote it.
 */
export function parsePagingNextUrl(
  next: string,
  graphApiUrl: string,
  apiVersion: string
): { path: string; params: Record<string, string> } {
  let url: URL
  try {
    url = new URL(next)
  } catch {
    throw new Error("Graph paging.next is not a valid URL")
  }
  const base = new URL(graphApiUrl)
  if (url.origin !== base.origin) {
    throw new Error(`Graph paging.next points to ${url.origin}, not ${base.origin}; refusing to follow it`)
  }
  const basePath = base.pathname.replace(/\/+$/, "")
  const relative = url.pathname.startsWith(basePath + "/") ? url.pathname.slice(basePath.length) : url.pathname
  const segments = relative.split("/").filter((s) => s !== "")
  if (segments.length > 0 && isGraphApiVersion(segments[0])) segments.shift()
  const params: Record<string, string> = {}
  url.searchParams.forEach((value, key) => {
    if (key !== "access_token" && key !== "appsecret_proof") params[key] = value
  })
  return { path: normalizeGraphPath(segments.join("/"), apiVersion).path, params }
}
