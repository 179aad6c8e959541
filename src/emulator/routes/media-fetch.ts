import probe from "probe-image-size"

/**
 * Meta downloads published media from the URL it is given, at the time of the call: the URL must be
 * public, and non-ASCII URLs fail (https://developers.facebook.com/docs/instagram-platform/content-publishing).
 * The emulator does the same with fetch, and reads the bytes' real format with probe-image-size.
 */

export const FETCH_TIMEOUT_MS = 10_000

export type FetchOutcome =
  | { kind: "timeout" }
  | { kind: "unreachable"; status?: number }
  | { kind: "too_large"; bytes: number }
  | { kind: "fetched"; contentType: string; bytes: Buffer }

function isFetchableUrl(url: string): boolean {
  if (/[^\x21-\x7e]/.test(url)) return false
  try {
    const parsed = new URL(url)
    return parsed.protocol === "http:" || parsed.protocol === "https:"
  } catch {
    return false
  }
}

async function readAtMost(response: Response, maxBytes: number): Promise<Buffer | undefined> {
  const reader = response.body?.getReader()
  if (!reader) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/**
 * GETs the media. With `headersOnly` the body is not read (videos: only the served type is checked).
 * Sizes above maxBytes are refused from Content-Length, or once that many bytes were read.
 */
export async function fetchMedia(url: string, maxBytes: number, options: { headersOnly?: boolean } = {}): Promise<FetchOutcome> {
  if (!isFetchableUrl(url)) return { kind: "unreachable" }
  let response: Response
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "follow" })
  } catch (error) {
    return (error as Error).name === "TimeoutError" ? { kind: "timeout" } : { kind: "unreachable" }
  }
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase()
  const cancel = () => response.body?.cancel().catch(() => undefined)
  if (!response.ok) {
    await cancel()
    return { kind: "unreachable", status: response.status }
  }
  const declared = Number(response.headers.get("content-length") ?? NaN)
  if (Number.isFinite(declared) && declared > maxBytes) {
    await cancel()
    return { kind: "too_large", bytes: declared }
  }
  if (options.headersOnly) {
    await cancel()
    return { kind: "fetched", contentType, bytes: Buffer.alloc(0) }
  }
  try {
    const bytes = await readAtMost(response, maxBytes)
    return bytes ? { kind: "fetched", contentType, bytes } : { kind: "too_large", bytes: maxBytes + 1 }
  } catch (error) {
    return (error as Error).name === "TimeoutError" ? { kind: "timeout" } : { kind: "unreachable" }
  }
}

export type ImageInfo = { type: string; width: number; height: number }

/** The image's format ("jpg", "png", …) and displayed size (EXIF orientations 5–8 swap width and height). */
export function imageInfo(bytes: Buffer): ImageInfo | undefined {
  const result = probe.sync(bytes)
  if (!result) return undefined
  const rotated = result.orientation !== undefined && result.orientation >= 5
  return { type: result.type, width: rotated ? result.height : result.width, height: rotated ? result.width : result.height }
}

/** MP4 or MOV, as served (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media). */
export function isSupportedVideoType(contentType: string): boolean {
  return contentType === "video/mp4" || contentType === "video/quicktime"
}
