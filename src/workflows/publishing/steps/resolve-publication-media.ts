import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import probeImageSize from "probe-image-size"
import { readVideoDuration, type ReadBytes } from "../../../lib/publishing"
import type { MetaPublicationMedia, MetaPublicationMediaInput } from "../../../types/http/publishing"

/** Reading a header should take a moment; a URL that hangs is reported, not waited on. */
const PROBE_TIMEOUT_MS = 8_000

export type ResolvedMedia = MetaPublicationMedia & { probe_error: string | null; duration_error?: string | null }

const VIDEO_EXTENSION = /\.(mp4|mov|m4v)(\?|#|$)/i

/**
 * Byte ranges of the file (HTTP Range): the whole answer of a 206, or the first bytes of a 200 from a
 * server without ranges (only usable for the start of the file). Never more than asked for is read.
 */
function rangeReader(url: string, signal: AbortSignal): ReadBytes {
  return async (start, length) => {
    const response = await fetch(url, { headers: { range: `bytes=${start}-${start + length - 1}` }, signal }).catch(() => null)
    if (!response) return null
    if (response.status !== 206 && !(response.status === 200 && start === 0)) {
      await response.body?.cancel().catch(() => undefined)
      return null
    }
    const reader = response.body?.getReader()
    if (!reader) return new Uint8Array(0)
    const chunks: Uint8Array[] = []
    let size = 0
    while (size < length) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.byteLength
    }
    await reader.cancel().catch(() => undefined)
    return new Uint8Array(Buffer.concat(chunks).subarray(0, length))
  }
}

/**
 * A video's type and size from its response headers, and its length from its movie header (mp4box reads
 * only the ranges it needs). A length that cannot be read in time is reported, never waited on.
 */
async function probeVideo(url: string): Promise<Partial<ResolvedMedia>> {
  const response = await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
  if (!response.ok) throw new Error(`the server answered ${response.status}`)
  const length = Number(response.headers.get("content-length"))
  const mime = response.headers.get("content-type")?.split(";")[0].trim() ?? null
  const duration = await readVideoDuration(rangeReader(url, AbortSignal.timeout(PROBE_TIMEOUT_MS))).catch((error: Error) => ({
    seconds: null,
    reason: error.name === "TimeoutError" ? "reading it took too long" : "the file could not be read",
  }))
  return {
    type: "video",
    mime,
    bytes: Number.isFinite(length) && length > 0 ? length : null,
    duration_seconds: duration.seconds,
    duration_error: duration.seconds === null ? duration.reason : null,
  }
}

/** An image's format and size from its first bytes (probe-image-size stops reading after the header). */
async function probeImage(url: string): Promise<Partial<MetaPublicationMedia>> {
  const result = await probeImageSize(url, { timeout: PROBE_TIMEOUT_MS, response_timeout: PROBE_TIMEOUT_MS })
  return {
    type: "image",
    mime: result.mime ?? null,
    width: result.width ?? null,
    height: result.height ?? null,
    bytes: typeof result.length === "number" && result.length > 0 ? result.length : null,
  }
}

export async function resolveMedia(url: string, altText: string | null): Promise<ResolvedMedia> {
  const media: ResolvedMedia = { url, alt_text: altText, type: null, mime: null, width: null, height: null, bytes: null, duration_seconds: null, probe_error: null, duration_error: null }
  try {
    Object.assign(media, VIDEO_EXTENSION.test(new URL(url).pathname) ? await probeVideo(url) : await probeImage(url))
  } catch (error) {
    media.probe_error = `Could not read ${url}: ${(error as Error).message}`
  }
  return media
}

/**
 * Turns each media entry into a URL Meta can fetch (files uploaded through Medusa's file module are
 * looked up by id) and reads its headers, so validation can say what is wrong before any Meta call.
 */
export const resolvePublicationMediaStep = createStep(
  "resolve-meta-publication-media",
  async (input: { media: MetaPublicationMediaInput[] }, { container }) => {
    const resolved: ResolvedMedia[] = []
    for (const [index, entry] of input.media.entries()) {
      let url = entry.url
      if (!url && entry.file_id) {
        const file = await container.resolve(Modules.FILE).retrieveFile(entry.file_id).catch(() => null)
        if (!file?.url) throw new MedusaError(MedusaError.Types.INVALID_DATA, `media.${index}.file_id: no uploaded file ${entry.file_id}`)
        url = file.url
      }
      if (!url) throw new MedusaError(MedusaError.Types.INVALID_DATA, `media.${index}: give a url or a file_id`)
      resolved.push(await resolveMedia(url, entry.alt_text ?? null))
    }
    return new StepResponse(resolved)
  }
)
