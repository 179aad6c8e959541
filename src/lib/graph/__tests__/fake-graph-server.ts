import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export type RecordedRequest = {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage["headers"]
  body: string
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>

/** A real HTTP server on 127.0.0.1 whose answers each test scripts; records every request. */
export class FakeGraphServer {
  readonly requests: RecordedRequest[] = []
  url = ""
  #server: Server
  #handler: Handler = (_req, res) => sendJson(res, 404, { error: { message: "no handler", code: 100 } })

  constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on("data", (c: Buffer) => chunks.push(c))
      req.on("end", () => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1")
        const recorded: RecordedRequest = {
          method: req.method ?? "GET",
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }
        this.requests.push(recorded)
        Promise.resolve(this.#handler(recorded, res)).catch((e: unknown) => {
          res.statusCode = 599
          res.end(String(e))
        })
      })
    })
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve))
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`
    return this
  }

  handle(handler: Handler): void {
    this.#handler = handler
    this.requests.length = 0
  }

  /** Answers in order; the last answer repeats. */
  sequence(...handlers: Handler[]): void {
    let i = 0
    this.handle((req, res) => handlers[Math.min(i++, handlers.length - 1)](req, res))
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers })
  res.end(JSON.stringify(body))
}

export function metaError(
  res: ServerResponse,
  status: number,
  error: { message: string; code: number; error_subcode?: number; type?: string; is_transient?: boolean; [k: string]: unknown },
  headers: Record<string, string> = {}
): void {
  sendJson(res, status, { error: { type: "OAuthException", fbtrace_id: "AbCdEfTrace", ...error } }, headers)
}
