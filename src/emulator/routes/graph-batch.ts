import type { Reply, RouteContext } from "../context"
import { GraphApiError, requestErrors, tokenErrors } from "../errors"
import { accessTokenOf, stringParam, type ParsedRequest } from "../http"
import { redact } from "../recorder"
import type { RecordedRequest, RecordedSubRequest } from "../types"

/**
 * Graph batch requests (https://developers.facebook.com/docs/graph-api/batch-requests): POST / with
 * `batch` = a JSON array of up to 50 operations `{method, relative_url, body?, name?, depends_on?,
 * omit_response_on_success?}`. Each operation runs through the emulator's own router, with the outer
 * access_token unless it carries its own, and is answered `{code, headers:[{name,value}], body:"<json>"}`
 * in the order sent; an operation that was not run (it timed out, or what it depends on failed) is null.
 * "Each call within the batch is counted separately" toward rate limits, so each operation gets its own
 * usage bookkeeping, and the HTTP request is recorded once with its operations under `subRequests`.
 */

/** "Batch requests are limited to 50 requests per batch" (batch-requests, Limitations). */
export const MAX_BATCH_OPERATIONS = 50

/** What a Graph call answered, before it is written to a socket or into a batch answer. */
export type GraphOutcome = { status: number; headers: Record<string, string>; reply: Reply }
/** Runs one operation through the router (faults included); null when it was never answered. */
export type SubDispatch = (request: ParsedRequest) => Promise<GraphOutcome | null>

type BatchOperation = {
  method: string
  relativeUrl: string
  body?: unknown
  name?: string
  dependsOn?: string
  omitResponseOnSuccess?: boolean
}

export type BatchAnswerItem = { code: number; headers?: { name: string; value: string }[]; body: string } | null

const batchErrors = {
  tooMany: (count: number) =>
    new GraphApiError({
      code: 1,
      message: `(#1) Too many requests in batch message. Maximum batch size is ${MAX_BATCH_OPERATIONS}`,
      userMessage: `Batch requests are limited to ${MAX_BATCH_OPERATIONS} requests per batch; this one has ${count}.`,
    }),
  notArray: () => requestErrors.invalidParam("The parameter batch must be a JSON array of requests"),
  empty: () => requestErrors.invalidParam("The parameter batch must contain at least one request"),
  badOperation: (index: number, what: string) => requestErrors.invalidParam(`batch[${index}]: ${what}`),
  nested: () => requestErrors.invalidParam("A batch request cannot contain another batch request"),
}

/**
 * A POST with a `batch` parameter: "send a POST request to an endpoint where the batch parameter is your
 * JSON object" (POST /ENDPOINT?batch=…; clients use the root, / or /{version}/; relative_urls are
 * always relative to the Graph root).
 */
export function isBatchCall(ctx: RouteContext): boolean {
  return ctx.request.method === "POST" && ctx.request.params.batch !== undefined
}

export function nestedBatchError(): GraphApiError {
  return batchErrors.nested()
}

function parseBatchParam(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value !== "string") throw batchErrors.notArray()
  try {
    const parsed = JSON.parse(value) as unknown
    if (!Array.isArray(parsed)) throw batchErrors.notArray()
    return parsed
  } catch (error) {
    if (error instanceof GraphApiError) throw error
    throw batchErrors.notArray()
  }
}

function parseOperation(raw: unknown, index: number): BatchOperation {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw batchErrors.badOperation(index, "each request must be an object")
  const op = raw as Record<string, unknown>
  const method = typeof op.method === "string" && op.method ? op.method.toUpperCase() : undefined
  if (!method) throw batchErrors.badOperation(index, "method is required (GET, POST or DELETE)")
  const relativeUrl = typeof op.relative_url === "string" ? op.relative_url.trim() : ""
  if (!relativeUrl) throw batchErrors.badOperation(index, "relative_url is required")
  const omit = op.omit_response_on_success
  return {
    method,
    relativeUrl,
    ...(op.body !== undefined && op.body !== null ? { body: op.body } : {}),
    ...(typeof op.name === "string" && op.name ? { name: op.name } : {}),
    ...(typeof op.depends_on === "string" && op.depends_on ? { dependsOn: op.depends_on } : {}),
    ...(omit !== undefined ? { omitResponseOnSuccess: !(omit === false || omit === "false") } : {}),
  }
}

/** `{result=<name>:$.path}` references to an earlier operation's answer (batch-requests, "Specifying dependencies"). */
const RESULT_REFERENCE = /\{result=([^:}]+):\$([^}]*)\}/g

function referencedNames(op: BatchOperation): string[] {
  const names = new Set<string>()
  if (op.dependsOn) names.add(op.dependsOn)
  const texts = [op.relativeUrl, typeof op.body === "string" ? op.body : JSON.stringify(op.body ?? "")]
  for (const text of texts) {
    for (const match of decodeSafely(text).matchAll(RESULT_REFERENCE)) names.add(match[1])
  }
  return [...names]
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** A JSONPath like $.data.0.id or $.data.*.id: several matches are joined with commas, as Graph does. */
function evaluatePath(value: unknown, path: string): string | undefined {
  let current: unknown[] = [value]
  for (const key of path.split(".").filter(Boolean)) {
    const next: unknown[] = []
    for (const item of current) {
      if (key === "*" && Array.isArray(item)) next.push(...item)
      else if (item && typeof item === "object") {
        const child = (item as Record<string, unknown>)[key]
        if (child !== undefined) next.push(child)
      }
    }
    current = next
  }
  if (current.length === 0) return undefined
  return current.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(",")
}

type Completed = { outcome: GraphOutcome | null; json: unknown }

function failed(done: Completed | undefined): boolean {
  return !done || !done.outcome || done.outcome.status >= 400
}

/** Fills the `{result=…}` references; undefined when one cannot be resolved (its operation failed). */
function substitute(text: string, results: Map<string, Completed>): string | undefined {
  const source = text.includes("{result=") ? text : decodeSafely(text)
  if (!source.includes("{result=")) return text
  let unresolved = false
  const out = source.replace(RESULT_REFERENCE, (_, name: string, path: string) => {
    const done = results.get(name)
    const value = failed(done) ? undefined : evaluatePath(done?.json, path)
    if (value === undefined) unresolved = true
    return value ?? ""
  })
  return unresolved ? undefined : out
}

function formBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {}
  if (typeof body === "string") return Object.fromEntries(new URLSearchParams(body))
  if (typeof body === "object" && !Array.isArray(body)) return { ...(body as Record<string, unknown>) }
  return {}
}

const VERSION_PREFIX = /^\/v\d+\.\d+(\/|$)/

/**
 * The operation as a request of its own: relative_url without a version uses the batch's; the outer
 * access_token (and its appsecret_proof) stands in when the operation names no token of its own.
 */
export function operationRequest(
  outer: ParsedRequest,
  version: string,
  input: { method: string; relativeUrl: string; body?: Record<string, unknown> }
): ParsedRequest {
  const url = new URL(`/${input.relativeUrl.replace(/^\/+/, "")}`, outer.origin)
  const pathname = VERSION_PREFIX.test(url.pathname) ? url.pathname : `/${version}${url.pathname}`
  const query = Object.fromEntries(url.searchParams)
  const body = input.method === "GET" ? undefined : input.body
  const params: Record<string, unknown> = { ...query, ...(body ?? {}) }
  if (stringParam(params, "access_token") === undefined) {
    const token = accessTokenOf(outer)
    if (token) params.access_token = token
    const proof = stringParam(outer.params, "appsecret_proof")
    if (proof && stringParam(params, "appsecret_proof") === undefined) params.appsecret_proof = proof
  }
  return { method: input.method, pathname, query, body, params, origin: outer.origin }
}

export function recordedOperation(request: ParsedRequest, index: number, status: number | null, name?: string): RecordedSubRequest {
  return {
    index,
    ...(name ? { name } : {}),
    method: request.method,
    path: request.pathname,
    query: redact(request.query) as Record<string, string>,
    body: redact(request.body),
    status,
  }
}

function answerBody(reply: Reply): string {
  if (reply.kind === "json") return JSON.stringify(reply.body)
  if (reply.kind === "html") return reply.html
  return ""
}

function answerHeaders(outcome: GraphOutcome): { name: string; value: string }[] {
  const contentType =
    outcome.reply.kind === "html" ? "text/html; charset=utf-8" : outcome.reply.kind === "json" ? "application/json; charset=UTF-8" : undefined
  const headers = Object.entries(outcome.headers).map(([name, value]) => ({ name, value }))
  if (outcome.reply.kind === "redirect") headers.push({ name: "Location", value: outcome.reply.location })
  return contentType ? [{ name: "Content-Type", value: contentType }, ...headers] : headers
}

/**
 * The usage headers of the HTTP answer: the last X-App-Usage (every operation already counted) and the
 * business-use-case usage of every object the operations touched.
 */
export function mergedUsageHeaders(outcomes: (GraphOutcome | null)[], version: string): Record<string, string> {
  const headers: Record<string, string> = { "facebook-api-version": version }
  let buc: Record<string, unknown> | undefined
  for (const outcome of outcomes) {
    if (!outcome) continue
    for (const name of ["X-App-Usage", "X-Ad-Account-Usage"]) if (outcome.headers[name]) headers[name] = outcome.headers[name]
    const bucHeader = outcome.headers["X-Business-Use-Case-Usage"]
    if (bucHeader) buc = { ...buc, ...(JSON.parse(bucHeader) as Record<string, unknown>) }
  }
  if (buc) headers["X-Business-Use-Case-Usage"] = JSON.stringify(buc)
  return headers
}

export type BatchResult = { body: BatchAnswerItem[]; headers: Record<string, string>; subRequests: RecordedSubRequest[] }

export async function runBatch(ctx: RouteContext, version: string, dispatch: SubDispatch): Promise<BatchResult> {
  const raw = parseBatchParam(ctx.request.params.batch)
  if (raw.length === 0) throw batchErrors.empty()
  if (raw.length > MAX_BATCH_OPERATIONS) throw batchErrors.tooMany(raw.length)
  const operations = raw.map(parseOperation)
  if (!accessTokenOf(ctx.request)) throw tokenErrors.missing()
  const includeHeaders = stringParam(ctx.request.params, "include_headers") !== "false"

  // Responses of operations another one refers to are left out unless omit_response_on_success=false.
  const referenced = new Set(operations.flatMap(referencedNames))
  const results = new Map<string, Completed>()
  const answers: BatchAnswerItem[] = []
  const outcomes: (GraphOutcome | null)[] = []
  const subRequests: RecordedSubRequest[] = []

  for (const [index, op] of operations.entries()) {
    const dependency = op.dependsOn ? results.get(op.dependsOn) : undefined
    const relativeUrl = substitute(op.relativeUrl, results)
    const bodyText = typeof op.body === "string" ? substitute(op.body, results) : op.body
    const request = operationRequest(ctx.request, version, { method: op.method, relativeUrl: relativeUrl ?? op.relativeUrl, body: formBody(bodyText) })
    if ((op.dependsOn && failed(dependency)) || relativeUrl === undefined || (op.body !== undefined && bodyText === undefined)) {
      // What it depends on did not succeed: the operation is not run.
      if (op.name) results.set(op.name, { outcome: null, json: undefined })
      answers.push(null)
      subRequests.push(recordedOperation(request, index, null, op.name))
      continue
    }
    const outcome = await dispatch(request)
    outcomes.push(outcome)
    subRequests.push(recordedOperation(request, index, outcome?.status ?? null, op.name))
    const json = outcome?.reply.kind === "json" ? outcome.reply.body : undefined
    if (op.name) results.set(op.name, { outcome, json })
    const omitted = op.name !== undefined && referenced.has(op.name) && op.omitResponseOnSuccess !== false && outcome !== null && outcome.status < 400
    if (!outcome || omitted) {
      answers.push(null)
      continue
    }
    answers.push({ code: outcome.status, ...(includeHeaders ? { headers: answerHeaders(outcome) } : {}), body: answerBody(outcome.reply) })
  }
  return { body: answers, headers: mergedUsageHeaders(outcomes, version), subRequests }
}

function redactBatchText(value: unknown): unknown {
  let operations: unknown[]
  try {
    operations = parseBatchParam(value)
  } catch {
    return value
  }
  const redacted = operations.map((raw) => {
    if (!raw || typeof raw !== "object") return raw
    const op = { ...(raw as Record<string, unknown>) }
    if (typeof op.relative_url === "string" && op.relative_url.includes("?")) {
      const [path, search] = [op.relative_url.slice(0, op.relative_url.indexOf("?")), op.relative_url.slice(op.relative_url.indexOf("?") + 1)]
      const query = Object.fromEntries(new URLSearchParams(search))
      const redacted = redact(query) as Record<string, string>
      if (JSON.stringify(redacted) !== JSON.stringify(query)) op.relative_url = `${path}?${new URLSearchParams(redacted).toString()}`
    }
    if (typeof op.body === "string") op.body = new URLSearchParams(redact(Object.fromEntries(new URLSearchParams(op.body))) as Record<string, string>).toString()
    else if (op.body && typeof op.body === "object") op.body = redact(op.body)
    return op
  })
  return typeof value === "string" ? JSON.stringify(redacted) : redacted
}

/** The recorded batch parameter keeps its operations but not the tokens inside them. */
export function redactBatchRecord(entry: RecordedRequest): void {
  if (entry.query.batch !== undefined) entry.query = { ...entry.query, batch: String(redactBatchText(entry.query.batch)) }
  const body = entry.body
  if (body && typeof body === "object" && !Array.isArray(body) && "batch" in body) {
    entry.body = { ...(body as Record<string, unknown>), batch: redactBatchText((body as Record<string, unknown>).batch) }
  }
}
