/**
 * Test fixtures: MP4/MOV files whose movie header (moov/mvhd) states a duration, built box by box
 * (ISO/IEC 14496-12) so the tests need no encoder. The media data is filler: only headers are read.
 */

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts)
  const header = Buffer.alloc(8)
  header.writeUInt32BE(8 + body.length, 0)
  header.write(type, 4, "ascii")
  return Buffer.concat([header, body])
}

/** mvhd version 0 (32-bit times) or 1 (64-bit times, for long or finely timed movies). */
function mvhd(timescale: number, duration: number, version: 0 | 1): Buffer {
  const times = version === 1 ? Buffer.alloc(28) : Buffer.alloc(16)
  if (version === 1) {
    times.writeUInt32BE(timescale, 16)
    times.writeBigUInt64BE(BigInt(duration), 20)
  } else {
    times.writeUInt32BE(timescale, 8)
    times.writeUInt32BE(duration, 12)
  }
  const rest = Buffer.alloc(80)
  rest.writeUInt32BE(0x00010000, 0) // rate 1.0
  rest.writeUInt16BE(0x0100, 4) // volume 1.0
  // Unity matrix.
  rest.writeUInt32BE(0x00010000, 16)
  rest.writeUInt32BE(0x00010000, 32)
  rest.writeUInt32BE(0x40000000, 48)
  rest.writeUInt32BE(2, 76) // next_track_ID
  return box("mvhd", Buffer.from([version, 0, 0, 0]), times, rest)
}

export type Mp4Options = {
  /** moov after the media data, as cameras and many encoders write it (not "fast start"). */
  moovAtEnd?: boolean
  /** Bytes of media data (default 4 KiB). */
  mdatBytes?: number
  timescale?: number
  version?: 0 | 1
  /** "qt  " makes a QuickTime (MOV) file. */
  brand?: string
}

export function mp4(seconds: number, options: Mp4Options = {}): Buffer {
  const timescale = options.timescale ?? 1000
  const brand = options.brand ?? "isom"
  const ftyp = box("ftyp", Buffer.from(brand, "ascii"), Buffer.from([0, 0, 2, 0]), Buffer.from(`${brand}mp41`, "ascii"))
  const moov = box("moov", mvhd(timescale, Math.round(seconds * timescale), options.version ?? 0))
  const mdat = box("mdat", Buffer.alloc(options.mdatBytes ?? 4096, 0x11))
  return options.moovAtEnd ? Buffer.concat([ftyp, mdat, moov]) : Buffer.concat([ftyp, moov, mdat])
}
