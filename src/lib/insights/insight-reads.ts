import type { MetaPublicationKind } from "../../types/http/publishing"
import type { InsightsEdge } from "./insights-metrics"
import {
  classifyInsightsError,
  readInsightsAnswer,
  type InsightsErrorInput,
  type InsightsReading,
} from "./parse-insights"

/**
 * Refreshing many publications' figures in as few HTTP calls as Graph allows. Graph batch requests
 * (https://developers.facebook.com/docs/graph-api/batch-requests) carry up to 50 sub-requests per call
 * ("Batch requests are limited to 50 requests per batch"; each still counts against rate limits), and
 * "Individual requests in a single batch request can specify their own access tokens … the top-level access
 * token is considered a fallback token", so publications of different accounts (an Instagram account reads with
 * its Page's token) share a batch: 1,000 publications are 20 calls whatever the number of accounts.
 */

/** "Batch requests are limited to 50 requests per batch." */
export const MAX_BATCH_REQUESTS = 50

export type InsightReadItem = {
  publicationId: string
  /** The Graph id read: Instagram media id, Page post id ("{page}_{post}") or Facebook video id. */
  mediaId: string
  /** The access token for this object (the Page token of the account that published it). */
  token: string
  metrics: readonly string[]
  /** `/insights` unless the kind reads `/video_insights` (publicationInsightsQuery tells). */
  edge?: InsightsEdge
  /** Carried to the answer, to tell "too new" or "story expired" from a real error. */
  kind?: MetaPublicationKind | null
  publishedAt?: Date | string | number | null
}

/** One sub-request, as GraphClient.batch takes it (the client adds the version and the credentials). */
export type InsightBatchRequest = {
  method: "GET"
  relative_url: string
  /** Set when it differs from the batch's top-level token. */
  token?: string
}

export type InsightBatch = {
  /** The top-level (fallback) token: the one most sub-requests of the batch use. */
  token: string
  requests: InsightBatchRequest[]
  /** Aligned with `requests`: which publication each sub-request reads. */
  items: { publicationId: string; mediaId: string; kind: MetaPublicationKind | null; publishedAt: Date | string | number | null }[]
}

/** Graph object ids are digits, with an underscore in Page post ids; anything else could rewrite the path. */
const GRAPH_ID = /^[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*$/
const METRIC_NAME = /^[a-z0-9_]+$/

function validate(item: InsightReadItem, seen: Set<string>): void {
  if (!item || typeof item.publicationId !== "string" || item.publicationId === "") {
    throw new Error("planInsightBatches: every item needs a publicationId")
  }
  const where = `publication ${item.publicationId}`
  if (seen.has(item.publicationId)) throw new Error(`planInsightBatches: ${where} is listed twice`)
  seen.add(item.publicationId)
  if (typeof item.mediaId !== "string" || !GRAPH_ID.test(item.mediaId)) {
    throw new Error(`planInsightBatches: ${where} has no usable Meta id (got "${String(item.mediaId)}")`)
  }
  if (typeof item.token !== "string" || item.token === "") throw new Error(`planInsightBatches: ${where} has no access token`)
  if (!Array.isArray(item.metrics) || item.metrics.length === 0) throw new Error(`planInsightBatches: ${where} asks for no metrics`)
  const bad = item.metrics.find((m) => typeof m !== "string" || !METRIC_NAME.test(m))
  if (bad !== undefined) throw new Error(`planInsightBatches: ${where} asks for an invalid metric name "${String(bad)}"`)
  if (item.edge !== undefined && item.edge !== "insights" && item.edge !== "video_insights") {
    throw new Error(`planInsightBatches: ${where} has an unknown insights edge "${String(item.edge)}"`)
  }
}

function relativeUrl(item: InsightReadItem): string {
  // Names are validated to [a-z0-9_], so the list needs no escaping.
  return `${item.mediaId}/${item.edge ?? "insights"}?metric=${[...new Set(item.metrics)].join(",")}`
}

/**
 * Batches of at most `max` sub-requests. With `packAcrossTokens` (the default) items are packed regardless of
 * their token, ordered by token so a batch mostly carries one; each batch's top-level token is its most used
 * one and the other sub-requests carry their own. Without it, every batch holds one token only.
 */
export function planInsightBatches(
  items: readonly InsightReadItem[],
  max: number = MAX_BATCH_REQUESTS,
  opts: { packAcrossTokens?: boolean } = {}
): InsightBatch[] {
  if (!Number.isInteger(max) || max < 1 || max > MAX_BATCH_REQUESTS) {
    throw new Error(`planInsightBatches: max must be an integer from 1 to ${MAX_BATCH_REQUESTS}, got ${max}`)
  }
  const seen = new Set<string>()
  for (const item of items) validate(item, seen)

  // Group by token, keeping first-seen order of tokens and of items within a token (deterministic plans).
  const byToken = new Map<string, InsightReadItem[]>()
  for (const item of items) {
    const list = byToken.get(item.token) ?? []
    list.push(item)
    byToken.set(item.token, list)
  }
  const chunks: InsightReadItem[][] = []
  if (opts.packAcrossTokens === false) {
    for (const list of byToken.values()) for (let i = 0; i < list.length; i += max) chunks.push(list.slice(i, i + max))
  } else {
    const ordered = [...byToken.values()].flat()
    for (let i = 0; i < ordered.length; i += max) chunks.push(ordered.slice(i, i + max))
  }

  return chunks.map((chunk) => {
    const uses = new Map<string, number>()
    for (const item of chunk) uses.set(item.token, (uses.get(item.token) ?? 0) + 1)
    let token = chunk[0].token
    for (const [candidate, n] of uses) if (n > (uses.get(token) ?? 0)) token = candidate
    return {
      token,
      requests: chunk.map((item) => ({
        method: "GET" as const,
        relative_url: relativeUrl(item),
        ...(item.token !== token ? { token: item.token } : {}),
      })),
      items: chunk.map((item) => ({
        publicationId: item.publicationId,
        mediaId: item.mediaId,
        kind: item.kind ?? null,
        publishedAt: item.publishedAt ?? null,
      })),
    }
  })
}

/**
 * One sub-answer: as GraphClient.batch returns it (`body` parsed, `error` a GraphError) or as Meta sends it
 * (`body` a JSON string); null when Meta did not run the sub-request ("Responses to requests that do not
 * succeed will be null. You can retry any request that fails").
 */
export type InsightBatchAnswer = { code: number | null; body?: unknown; error?: InsightsErrorInput | null } | null | undefined

export type InsightRead = InsightsReading & { publicationId: string; mediaId: string }

const NOT_RUN: InsightsErrorInput = {
  message: "Meta did not run this part of the batch (it timed out); it is read again on the next refresh",
  category: "transient",
}

function parsedBody(body: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof body !== "string") return { ok: true, value: body }
  if (body.trim() === "") return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch {
    return { ok: false }
  }
}

function errorOfBody(value: unknown, code: number | null): InsightsErrorInput | undefined {
  if (typeof value !== "object" || value === null || !("error" in value)) return undefined
  const error = (value as { error: unknown }).error
  if (typeof error !== "object" || error === null) return undefined
  const e = error as Record<string, unknown>
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : undefined)
  return {
    code: num(e.code),
    subcode: num(e.error_subcode),
    message: typeof e.message === "string" ? e.message : undefined,
    userTitle: typeof e.error_user_title === "string" ? e.error_user_title : undefined,
    userMessage: typeof e.error_user_msg === "string" ? e.error_user_msg : undefined,
    httpStatus: code,
  }
}

/** Reads one sub-answer for its publication: figures, "no figures yet" with the reason, or the error. */
export function readBatchAnswer(
  item: InsightBatch["items"][number],
  answer: InsightBatchAnswer,
  now: Date = new Date()
): InsightRead {
  const context = { kind: item.kind, publishedAt: item.publishedAt, now }
  const tag = { publicationId: item.publicationId, mediaId: item.mediaId }
  if (answer === null || answer === undefined) return { ...classifyInsightsError(NOT_RUN, context), ...tag }
  if (answer.error) return { ...classifyInsightsError(answer.error, context), ...tag }
  const body = parsedBody(answer.body)
  const code = typeof answer.code === "number" ? answer.code : null
  if (body.ok) {
    const metaError = errorOfBody(body.value, code)
    if (metaError) return { ...classifyInsightsError(metaError, context), ...tag }
  }
  if (code === null || code >= 400 || !body.ok) {
    const message = !body.ok ? `Meta answered HTTP ${code ?? "?"} with a body that is not JSON` : `Meta answered HTTP ${code ?? "?"} without an error object`
    const category = code !== null && code >= 500 ? "transient" : code === 429 ? "throttled" : "invalid"
    return { ...classifyInsightsError({ message, httpStatus: code, category }, context), ...tag }
  }
  return { ...readInsightsAnswer(body.value, context), ...tag }
}

/**
 * Maps a batch's answers back to its publications, in the batch's order. A missing or null answer is "ask
 * again" (Meta did not run it), never an empty set of figures.
 */
export function readBatchAnswers(batch: InsightBatch, answers: readonly InsightBatchAnswer[], now: Date = new Date()): InsightRead[] {
  return batch.items.map((item, i) => readBatchAnswer(item, answers[i], now))
}
