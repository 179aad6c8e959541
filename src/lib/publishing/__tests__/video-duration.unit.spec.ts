import { mp4 } from "../../../emulator/__tests__/mp4-fixture"
import { readVideoDuration, type ReadBytes } from "../video-duration"

/** Reads a buffer as an HTTP server with byte ranges would (or without: only the first read is served). */
function source(file: Buffer, options: { ranges?: boolean } = {}): ReadBytes & { reads: [number, number][] } {
  const reads: [number, number][] = []
  const read = async (start: number, length: number) => {
    reads.push([start, length])
    if (start >= file.length) return null
    if (start > 0 && options.ranges === false) return null
    return new Uint8Array(file.subarray(start, start + length))
  }
  return Object.assign(read, { reads })
}

describe("readVideoDuration", () => {
  it.each([
    [12.5, {}],
    [3, {}],
    [90, { timescale: 90000 }],
    [90.01, { timescale: 600 }],
    [0.5, {}],
    [3600, { version: 1 as const, timescale: 48000 }],
    [61.25, { brand: "qt  " }],
  ])("reads %p s from a fast-start file's mvhd (%p)", async (seconds, options) => {
    const result = await readVideoDuration(source(mp4(seconds, options)))
    expect(result.seconds).toBeCloseTo(seconds, 2)
  })

  it("reads one range when the header comes first", async () => {
    const read = source(mp4(30, { mdatBytes: 2_000_000 }))
    expect(await readVideoDuration(read)).toEqual({ seconds: 30 })
    expect(read.reads).toHaveLength(1)
  })

  it("jumps over the media data to a movie header at the end (one more range, not the whole file)", async () => {
    const file = mp4(45, { moovAtEnd: true, mdatBytes: 5_000_000 })
    const read = source(file)
    expect(await readVideoDuration(read)).toEqual({ seconds: 45 })
    expect(read.reads).toHaveLength(2)
    expect(read.reads[1][0]).toBeGreaterThan(5_000_000)
  })

  it("reports an unknown length when the header is at the end and ranges are not served", async () => {
    const result = await readVideoDuration(source(mp4(45, { moovAtEnd: true, mdatBytes: 5_000_000 }), { ranges: false }))
    expect(result).toEqual({ seconds: null, reason: expect.stringMatching(/no byte ranges/) })
  })

  it("finds a header at the end of a small file within the first read", async () => {
    expect(await readVideoDuration(source(mp4(8, { moovAtEnd: true, mdatBytes: 1000 })))).toEqual({ seconds: 8 })
  })

  it("says 0 s when the header says 0 s at a timescale", async () => {
    expect(await readVideoDuration(source(mp4(0)))).toEqual({ seconds: null, reason: "its movie header states no length" })
  })

  it.each([
    ["text", Buffer.from("<html>not a video</html>")],
    ["empty", Buffer.alloc(0)],
    ["filler bytes", Buffer.alloc(4096, 1)],
    ["an ftyp and nothing else", Buffer.from("\0\0\0\x18ftypmp42\0\0\0\0mp42isom")],
    ["a WebM header", Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01])],
  ])("reports an unknown length for %s, without throwing", async (_, bytes) => {
    const result = await readVideoDuration(source(bytes))
    expect(result.seconds).toBeNull()
    expect((result as { reason: string }).reason).toEqual(expect.any(String))
  })

  it("stops after a bounded number of reads", async () => {
    // Boxes of 1 MiB of free space, over and over: never a movie header.
    const free = Buffer.alloc(1024 * 1024)
    free.writeUInt32BE(free.length, 0)
    free.write("free", 4, "ascii")
    const file = Buffer.concat(Array.from({ length: 20 }, () => free))
    const read = source(file)
    const result = await readVideoDuration(read, { maxReads: 4 })
    expect(result).toEqual({ seconds: null, reason: "its movie header was not found within 4 reads" })
    expect(read.reads).toHaveLength(4)
  })

  it("reports an unknown length when the source cannot be read", async () => {
    expect(await readVideoDuration(async () => null)).toEqual({ seconds: null, reason: "the file could not be read" })
  })
})
