import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { deflateSync } from "node:zlib"
import { encode } from "jpeg-js"

/** Test fixtures: real JPEG (jpeg-js) and PNG bytes, served from a loopback HTTP server. */

export function jpeg(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 0x80)
  return encode({ data, width, height }, 70).data
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, "ascii"), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

export function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.alloc((width * 3 + 1) * height, 0x40)
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ])
}

type Asset = { type: string; body: Buffer }

export type MediaServer = { url(path: string): string; close(): Promise<void> }

export async function startMediaServer(): Promise<MediaServer> {
  const assets: Record<string, Asset> = {
    "/square.jpg": { type: "image/jpeg", body: jpeg(100, 100) },
    "/portrait-4x5.jpg": { type: "image/jpeg", body: jpeg(80, 100) },
    "/portrait-3x4.jpg": { type: "image/jpeg", body: jpeg(75, 100) },
    "/wide.jpg": { type: "image/jpeg", body: jpeg(191, 100) },
    "/huge.jpg": { type: "image/jpeg", body: Buffer.concat([jpeg(100, 100), Buffer.alloc(9 * 1024 * 1024)]) },
    "/image.png": { type: "image/png", body: png(100, 100) },
    "/page.html": { type: "text/html", body: Buffer.from("<html></html>") },
    "/reel.mp4": { type: "video/mp4", body: Buffer.from("\0\0\0\x18ftypmp42fake-video-bytes") },
    "/clip.webm": { type: "video/webm", body: Buffer.from("fake-webm") },
  }
  const server: Server = createServer((req, res) => {
    const asset = assets[new URL(req.url ?? "/", "http://127.0.0.1").pathname]
    if (!asset) {
      res.writeHead(404, { "Content-Type": "text/plain" })
      res.end("not found")
      return
    }
    res.writeHead(200, { "Content-Type": asset.type, "Content-Length": asset.body.length })
    res.end(asset.body)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
