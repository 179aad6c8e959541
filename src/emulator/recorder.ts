import type { RecordedRequest, RequestFilter } from "./types"

/** Parameters that carry credentials; recorded as "[redacted]" so request logs can be shown and shared. */
const SECRET_KEYS = new Set(["access_token", "client_secret", "appsecret_proof", "fb_exchange_token", "input_token"])

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.has(k) ? "[redacted]" : redact(v)])
    )
  }
  return value
}

export class RequestRecorder {
  private entries: RecordedRequest[] = []
  private nextId = 1

  record(input: { at: number; method: string; path: string; query: Record<string, string>; body: unknown }): RecordedRequest {
    const entry: RecordedRequest = {
      id: this.nextId++,
      at: new Date(input.at).toISOString(),
      method: input.method,
      path: input.path,
      query: redact(input.query) as Record<string, string>,
      body: redact(input.body),
    }
    this.entries.push(entry)
    return entry
  }

  list(filter: RequestFilter = {}): RecordedRequest[] {
    return this.entries
      .filter((r) => !filter.method || r.method === filter.method.toUpperCase())
      .filter((r) => {
        if (filter.path === undefined) return true
        return typeof filter.path === "string" ? r.path.includes(filter.path) : filter.path.test(r.path)
      })
      .map((r) => ({ ...r }))
  }

  clear(): void {
    this.entries = []
    this.nextId = 1
  }
}
