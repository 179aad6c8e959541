import type { LogicalRequest, RecordedRequest, RecordedSubRequest, RequestCounts, RequestFilter } from "./types"

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

function matches(filter: RequestFilter, r: { method: string; path: string }): boolean {
  if (filter.method && r.method !== filter.method.toUpperCase()) return false
  if (filter.path === undefined) return true
  return typeof filter.path === "string" ? r.path.includes(filter.path) : filter.path.test(r.path)
}

export class RequestRecorder {
  private entries: RecordedRequest[] = []
  private nextId = 1

  record(input: { at: number; method: string; path: string; query: Record<string, string>; body: unknown; clientPort?: number }): RecordedRequest {
    const entry: RecordedRequest = {
      id: this.nextId++,
      at: new Date(input.at).toISOString(),
      method: input.method,
      path: input.path,
      query: redact(input.query) as Record<string, string>,
      body: redact(input.body),
      ...(input.clientPort !== undefined ? { clientPort: input.clientPort } : {}),
    }
    this.entries.push(entry)
    return entry
  }

  /** HTTP requests, oldest first (a batch is one entry, its operations under `subRequests`). */
  list(filter: RequestFilter = {}): RecordedRequest[] {
    return this.entries
      .filter((r) => matches(filter, r))
      .map((r) => ({ ...r, ...(r.subRequests ? { subRequests: r.subRequests.map((s) => ({ ...s })) } : {}) }))
  }

  /**
   * Graph calls as Meta's rate limits count them: plain requests, and each operation of a batch or id of
   * a multi-id read in place of the HTTP request that carried it (https://developers.facebook.com/docs/graph-api/batch-requests
   * "Each call within the batch is counted separately"). The filter applies to the operations' own paths.
   */
  logical(filter: RequestFilter = {}): LogicalRequest[] {
    const out: LogicalRequest[] = []
    for (const entry of this.entries) {
      const { subRequests, ...http } = entry
      if (!subRequests) {
        if (matches(filter, http)) out.push({ ...http })
        continue
      }
      for (const sub of subRequests) {
        if (!matches(filter, sub)) continue
        out.push({
          id: entry.id,
          at: entry.at,
          method: sub.method,
          path: sub.path,
          query: { ...sub.query },
          body: sub.body,
          status: sub.status,
          within: { requestId: entry.id, index: sub.index, ...(sub.name ? { name: sub.name } : {}) },
        })
      }
    }
    return out
  }

  counts(filter: RequestFilter = {}): RequestCounts {
    const http = this.list(filter)
    return { http: http.length, logical: this.logical(filter).length, batched: http.filter((r) => r.subRequests).length }
  }

  attachSubRequests(entry: RecordedRequest, subRequests: RecordedSubRequest[]): void {
    entry.subRequests = subRequests
  }

  clear(): void {
    this.entries = []
    this.nextId = 1
  }
}
