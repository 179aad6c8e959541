import type { IncomingMessage, ServerResponse } from "node:http"

const MAX_BODY_BYTES = 10 * 1024 * 1024

export type ParsedRequest = {
  method: string
  pathname: string
  query: Record<string, string>
  /** Parsed JSON or form body; undefined when there is none. */
  body: unknown
  /** Set when the body could not be parsed. */
  bodyError?: string
  /** Query and body merged (Graph reads parameters from either). */
  params: Record<string, unknown>
  /** http://host:port as the client addressed us, for paging.next links. */
  origin: string
  authorization?: string
  /** rupload's `file_url` header: the hosted file of a reel upload (reels publishing guide, step 2). */
  fileUrl?: string
}

function readRaw(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error("Request body too large"))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

function parseBody(raw: string, contentType: string): { body: unknown; error?: string } {
  if (!raw) return { body: undefined }
  if (contentType.includes("application/json")) {
    try {
      return { body: JSON.parse(raw) }
    } catch {
      return { body: raw, error: "The request body is not valid JSON" }
    }
  }
  // Graph's own SDKs post form-encoded bodies; treat anything else the same way.
  return { body: Object.fromEntries(new URLSearchParams(raw)) }
}

export async function readRequest(req: IncomingMessage): Promise<ParsedRequest> {
  const origin = `http://${req.headers.host ?? "127.0.0.1"}`
  const url = new URL(req.url ?? "/", origin)
  const raw = await readRaw(req)
  const { body, error } = parseBody(raw, String(req.headers["content-type"] ?? ""))
  const query = Object.fromEntries(url.searchParams)
  const bodyParams = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  return {
    method: (req.method ?? "GET").toUpperCase(),
    pathname: url.pathname,
    query,
    body,
    ...(error ? { bodyError: error } : {}),
    params: { ...query, ...bodyParams },
    origin,
    authorization: req.headers.authorization,
    ...(typeof req.headers.file_url === "string" ? { fileUrl: req.headers.file_url } : {}),
  }
}

/** A parameter as a string (form and query values are strings; JSON may carry numbers). */
export function stringParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name]
  if (value === undefined || value === null) return undefined
  return typeof value === "string" ? value : String(value)
}

/** access_token from query or body, else an "Authorization: Bearer|OAuth <token>" header. */
export function accessTokenOf(request: ParsedRequest): string | undefined {
  const fromParams = stringParam(request.params, "access_token")
  if (fromParams) return fromParams
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(request.authorization ?? "")
  return match?.[1]
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body)
  res.writeHead(status, { ...headers, "Content-Type": "application/json; charset=UTF-8", "Content-Length": Buffer.byteLength(payload) })
  res.end(payload)
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(html) })
  res.end(html)
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(302, { ...headers, Location: location, "Content-Length": 0 })
  res.end()
}
