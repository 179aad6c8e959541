import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import probeImageSize from "probe-image-size"
import type { MetaPublicationMedia, MetaPublicationMediaInput } from "../../../types/http/publishing"

/** Reading a header should take a moment; a URL that hangs is reported, not waited on. */
const PROBE_TIMEOUT_MS = 8_000

export type ResolvedMedia = MetaPublicationMedia & { probe_error: string | null }

const VIDEO_EXTENSION = /\.(mp4|mov|m4v)(\?|#|$)/i

/** A video's type and size from its response headers (Meta reads the file itself when it publishes). */
async function probeVideo(url: string): Promise<Partial<MetaPublicationMedia>> {
  const response = await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
  if (!response.ok) throw new Error(`the server answered ${response.status}`)
  const length = Number(response.headers.get("content-length"))
  return {
    type: "video",
    mime: response.headers.get("content-type")?.split(";")[0].trim() ?? null,
    bytes: Number.isFinite(length) && length > 0 ? length : null,
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
  const media: ResolvedMedia = { url, alt_text: altText, type: null, mime: null, width: null, height: null, bytes: null, probe_error: null }
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
