/** Names and units for messages: "PNG", "9.4 MiB", "2 min 5 s". */

import type { MediaType } from "./kinds"

const FORMAT_NAMES: Record<string, string> = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "image/gif": "GIF",
  "image/heic": "HEIC",
  "image/heif": "HEIF",
  "image/avif": "AVIF",
  "image/tiff": "TIFF",
  "image/bmp": "BMP",
  "image/svg+xml": "SVG",
  "image/x-icon": "ICO",
  "image/vnd.microsoft.icon": "ICO",
  "video/mp4": "MP4",
  "video/quicktime": "MOV",
  "video/webm": "WebM",
  "video/x-matroska": "MKV",
  "video/x-msvideo": "AVI",
  "video/x-m4v": "M4V",
  "video/mpeg": "MPEG",
  "video/3gpp": "3GP",
  "video/x-flv": "FLV",
}

/** Aliases servers send for the same format. */
const MIME_ALIASES: Record<string, string> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/x-png": "image/png",
  "video/mov": "video/quicktime",
}

const EXTENSION_MIMES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  jpe: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  heic: "image/heic",
  heif: "image/heif",
  avif: "image/avif",
  tif: "image/tiff",
  tiff: "image/tiff",
  bmp: "image/bmp",
  svg: "image/svg+xml",
  mp4: "video/mp4",
  mov: "video/quicktime",
  m4v: "video/x-m4v",
  webm: "video/webm",
  mkv: "video/x-matroska",
  avi: "video/x-msvideo",
}

/** "image/JPEG; charset=binary" → "image/jpeg"; aliases folded. Undefined for anything without a slash. */
export function normalizeMime(mime: unknown): string | undefined {
  if (typeof mime !== "string") return undefined
  const bare = mime.split(";", 1)[0].trim().toLowerCase()
  if (!/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(bare)) return undefined
  return MIME_ALIASES[bare] ?? bare
}

/** The MIME type a URL's file name suggests (its path only, query and fragment ignored). */
export function mimeFromUrl(url: unknown): string | undefined {
  if (typeof url !== "string") return undefined
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    path = url.split(/[?#]/, 1)[0]
  }
  const extension = /\.([a-z0-9]{2,5})$/i.exec(path)?.[1]?.toLowerCase()
  return extension ? EXTENSION_MIMES[extension] : undefined
}

export function mediaTypeOfMime(mime: string | undefined): MediaType | undefined {
  if (!mime) return undefined
  if (mime.startsWith("image/")) return "image"
  if (mime.startsWith("video/")) return "video"
  return undefined
}

export function formatName(mime: string): string {
  return FORMAT_NAMES[mime] ?? mime.split("/")[1].replace(/^x-/, "").toUpperCase()
}

/** "9.4 MiB" (binary) or "120.5 MB" (decimal), never rounding an over-limit size down to the limit. */
export function formatBytes(bytes: number, unit: "MiB" | "MB", limit?: number): string {
  const size = unit === "MiB" ? 1024 * 1024 : 1000 * 1000
  const text = (bytes / size).toFixed(1)
  if (limit !== undefined && bytes > limit && Number(text) <= limit / size) return `just over ${(limit / size).toFixed(0)} ${unit}`
  return `${text.replace(/\.0$/, "")} ${unit}`
}

/**
 * "2.5 seconds", "61 seconds", "15 min 0.4 s" (a tenth of a second kept, so 60.4 never reads as 60); given
 * the limit it broke, a length that rounds onto the limit reads "just over 90 seconds" / "just under 3 seconds".
 */
export function formatDuration(seconds: number, limit?: number): string {
  const tenths = Math.round(seconds * 10) / 10
  if (limit !== undefined && seconds !== limit && tenths === limit) {
    return `just ${seconds > limit ? "over" : "under"} ${formatDuration(limit)}`
  }
  if (tenths < 120) return `${tenths} second${tenths === 1 ? "" : "s"}`
  const minutes = Math.floor(tenths / 60)
  const rest = Math.round((tenths - minutes * 60) * 10) / 10
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`
}

/** 1080×1920 → "0.56:1". */
export function formatRatio(width: number, height: number): string {
  return `${(Math.round((width / height) * 100) / 100).toString()}:1`
}
