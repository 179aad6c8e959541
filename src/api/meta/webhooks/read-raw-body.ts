import type { IncomingMessage } from "node:http"

/**
 * Meta batches at most ~1,000 small changes per delivery; a body larger than this is not Meta's.
 * The body is read by hand (the route has Medusa's body parsers off) so that the signature is checked
 * over the exact bytes before anything parses them.
 */
export const MAX_WEBHOOK_BODY_BYTES = 5 * 1024 * 1024

export class BodyTooLargeError extends Error {}

export function readRawBody(req: IncomingMessage, limit = MAX_WEBHOOK_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners("data")
        req.resume()
        reject(new BodyTooLargeError(`The webhook body is larger than ${limit} bytes`))
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })
}
