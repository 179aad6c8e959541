import { createFile, MP4BoxBuffer, type Movie } from "mp4box"

/**
 * A video's length from its movie header (ISO BMFF `moov/mvhd`: duration ÷ timescale), read by mp4box
 * from as few bytes as it needs: MP4 and MOV share the box structure. A "fast start" file has the header
 * in its first bytes; a camera file often has it after the media data, where mp4box says which position
 * it needs next, so only that part is asked for (an HTTP range). Meta's own length limits are checked
 * against this before any Meta call (validate-publication.ts).
 */

/** Bytes [start, start + length) of the file; null when they cannot be had (no range support, past the end, an error). */
export type ReadBytes = (start: number, length: number) => Promise<Uint8Array | null>

export type VideoDuration = { seconds: number } | { seconds: null; reason: string }

/** One read: the header of a fast-start file fits many times over. */
export const DURATION_READ_BYTES = 256 * 1024
/** A movie header is rarely over a few hundred KiB (a long video's sample tables); reads stop after this many. */
export const DURATION_MAX_READS = 8

function durationOf(info: Movie): number | null {
  if (info.timescale > 0 && info.duration > 0) return info.duration / info.timescale
  // A fragmented file's mvhd says 0; its length is in mvex/mehd when the writer knew it.
  const fragment = info.fragment_duration
  if (fragment && fragment.num > 0 && fragment.den > 0) return fragment.num / fragment.den
  return null
}

export async function readVideoDuration(read: ReadBytes, options: { readBytes?: number; maxReads?: number } = {}): Promise<VideoDuration> {
  const readBytes = options.readBytes ?? DURATION_READ_BYTES
  const maxReads = options.maxReads ?? DURATION_MAX_READS
  const file = createFile()
  let info: Movie | undefined
  let failure: string | undefined
  file.onReady = (movie) => {
    info = movie
  }
  file.onError = (_module, message) => {
    failure = message
  }
  let position = 0
  for (let reads = 0; reads < maxReads && !info && !failure; reads++) {
    const bytes = await read(position, readBytes)
    if (!bytes || bytes.length === 0) {
      return {
        seconds: null,
        reason: position === 0 ? "the file could not be read" : "its movie header is further in the file than the server lets us read (no byte ranges)",
      }
    }
    // mp4box logs what it cannot parse; a file that is plainly something else never reaches it.
    if (position === 0 && !looksLikeIsoFile(bytes)) return { seconds: null, reason: "it is not an MP4 or MOV file" }
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    let next: number
    try {
      next = file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(copy, position), bytes.length < readBytes)
    } catch (error) {
      failure = (error as Error).message
      break
    }
    if (info) break
    if (bytes.length < readBytes) {
      // The end of the file, and no movie header in it.
      return { seconds: null, reason: "it has no movie header (moov)" }
    }
    position = next > position ? next : position + bytes.length
  }
  if (info) {
    const seconds = durationOf(info)
    return seconds === null ? { seconds: null, reason: "its movie header states no length" } : { seconds }
  }
  if (failure) return { seconds: null, reason: "it is not an MP4 or MOV file mp4box can read" }
  return { seconds: null, reason: `its movie header was not found within ${maxReads} reads` }
}

/** Boxes an MP4 (ISO/IEC 14496-12) or QuickTime file starts with. */
const FIRST_BOXES = new Set(["ftyp", "moov", "mdat", "free", "skip", "wide", "pnot", "uuid"])

function looksLikeIsoFile(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false
  return FIRST_BOXES.has(String.fromCharCode(bytes[4], bytes[5], bytes[6], bytes[7]))
}
