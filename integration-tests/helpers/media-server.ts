import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import jpeg from "jpeg-js"

/** A 1×1 PNG: what a merchant gets when they upload a screenshot. */
const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64"
)

function jpegOf(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 0x80)
  return Buffer.from(jpeg.encode({ data, width, height }, 70).data)
}

/**
 * The store's media as Meta fetches it: JPEGs of any size at /img/<w>x<h>.jpg, a PNG at /img/shot.png,
 * an MP4 at /video/<name>.mp4 (served as video/mp4), on loopback.
 */
export type MediaServer = { url: string; image(width: number, height: number, name?: string): string; close(): Promise<void> }

export async function startMediaServer(): Promise<MediaServer> {
  const cache = new Map<string, Buffer>()
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname
    const size = path.match(/^\/img\/(\d+)x(\d+)(?:-[\w-]+)?\.jpg$/)
    if (size) {
      const key = `${size[1]}x${size[2]}`
      const body = cache.get(key) ?? jpegOf(Number(size[1]), Number(size[2]))
      cache.set(key, body)
      res.writeHead(200, { "content-type": "image/jpeg", "content-length": body.length })
      return res.end(req.method === "HEAD" ? undefined : body)
    }
    if (path === "/img/shot.png") {
      res.writeHead(200, { "content-type": "image/png", "content-length": PNG_1X1.length })
      return res.end(req.method === "HEAD" ? undefined : PNG_1X1)
    }
    if (/^\/video\/[\w-]+\.mp4$/.test(path)) {
      const body = Buffer.alloc(4096, 1)
      res.writeHead(200, { "content-type": "video/mp4", "content-length": body.length })
      return res.end(req.method === "HEAD" ? undefined : body)
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    image: (width, height, name) => `${url}/img/${width}x${height}${name ? `-${name}` : ""}.jpg`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
