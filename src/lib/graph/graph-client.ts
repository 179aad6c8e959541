import { request as undiciRequest, type Dispatcher } from "undici"
import { appSecretProof } from "./appsecret-proof"
import { backoffDelayMs } from "./backoff"
import {
  categorizeGraphError,
  extractMetaError,
  GraphError,
  graphErrorFromMetaError,
  type GraphErrorCategory,
} from "./graph-error"
import { appendGraphParams, encodeGraphValue, isGraphApiVersion, normalizeGraphPath, parsePagingNextUrl } from "./graph-path"
import {
  debugToken,
  exchangeCode,
  exchangeForLongLivedToken,
  revokePermissions,
  type DebugTokenData,
  type OAuthTokenResult,
} from "./oauth"
import { isSecretParam, redactSecrets } from "./redact-secrets"
import { parseUsageHeaders, throttleWaitMs, type GraphUsageSnapshot, type UsageHeaders } from "./usage-headers"

export type GraphLogger = { debug?(msg: string): void; warn?(msg: string): void }

export type GraphClientOptions = {
  graphApiUrl: string
  apiVersion: string
  appId: string
  appSecret: string
  /** Per attempt, covering connect, headers and body. */
  timeoutMs?: number
  /** Retries after the first attempt, for transient errors and short throttles only. */
  maxRetries?: number
  retryBaseMs?: number
  /** A throttle that asks for a longer wait is thrown (with retryAfterMs) instead of waited out. */
  maxThrottleWaitMs?: number
  logger?: GraphLogger
  sleep?: (ms: number) => Promise<void>
  /** undici dispatcher (Agent, Pool, MockAgent); the global dispatcher when omitted. */
  dispatcher?: Dispatcher
  /** Clock for usage bookkeeping timestamps. */
  now?: () => number
  /** Called after a response carried usage headers (read the figures with `usage()`); must not throw. */
  onUsage?: () => void
}

export type GraphMethod = "GET" | "POST" | "DELETE"

export type GraphRequestOptions = {
  /** Adds access_token and appsecret_proof. */
  token?: string
  /** Query string; arrays/objects JSON-encoded. */
  params?: Record<string, unknown>
  /** POST: sent as application/json. */
  body?: Record<string, unknown>
  /**
   * POST: a JSON object already encoded as UTF-8 (an items_batch body built off the main thread), sent
   * as it is with the credentials added; instead of `body`.
   */
  jsonBody?: Uint8Array
  /** Default true for GET/DELETE, false for POST (a POST may have taken effect before it failed). */
  retry?: boolean
  timeoutMs?: number
  /** Business object id the call concerns, for usage bookkeeping and BUC throttle lookups. */
  usageKey?: string
}

export type GraphPaginateOptions = GraphRequestOptions & { pageSize?: number; maxItems?: number }

export type GraphPage<T> = {
  data: T[]
  paging?: { cursors?: { before?: string; after?: string }; next?: string; previous?: string }
}

/**
 * One sub-request of a Graph batch (https://developers.facebook.com/docs/graph-api/batch-requests). The client
 * prefixes its own API version and adds the credentials, so `relative_url` is a plain Graph path with its query.
 */
export type GraphBatchRequest = {
  method: GraphMethod
  /** "17890000000000001/insights?metric=reach,views": no version, no access_token. */
  relative_url: string
  /**
   * This sub-request's own token, when it differs from the batch's top-level one ("Individual requests in a
   * single batch request can specify their own access tokens"); it gets its own appsecret_proof.
   */
  token?: string
  /** POST only: parameters, sent url-encoded as Meta's batch format takes them. */
  body?: Record<string, unknown>
  /** Meta's operation name, for `depends_on` / `{result=name:$.…}` references. */
  name?: string
}

export type GraphBatchOptions = {
  /** The top-level token: "You must include an access token as a top-level parameter, even if each individual request contains its own token." */
  token: string
  /**
   * Retry the whole call on transient errors and short throttles. Only ever for GET-only batches (a POST
   * inside may have taken effect); `false` turns it off for those too.
   */
  retry?: boolean
  timeoutMs?: number
  usageKey?: string
}

/** One sub-answer, aligned with the request at the same index. */
export type GraphBatchItem<T = unknown> = {
  /** The sub-request's HTTP status; null when Meta did not run it. */
  code: number | null
  /** The parsed JSON body of a successful sub-request. */
  body: T | undefined
  /** Why the sub-request failed; the batch as a whole did not, so the other items stand. */
  error?: GraphError
}

/** "Batch requests are limited to 50 requests per batch." Splitting is the caller's job. */
export const GRAPH_BATCH_MAX_REQUESTS = 50

export const DEFAULT_TIMEOUT_MS = 20_000
export const DEFAULT_MAX_RETRIES = 3
export const DEFAULT_RETRY_BASE_MS = 500
export const DEFAULT_MAX_THROTTLE_WAIT_MS = 60_000
/** Where Meta's resumable uploads go (https://developers.facebook.com/docs/video-api/guides/reels-publishing). */
const UPLOAD_HOSTS = new Set(["rupload.facebook.com"])

type BatchOperation = {
  operation: { method: GraphMethod; relative_url: string; body?: string; name?: string }
  logPath: string
  objectId?: string
}

type PreparedRequest = {
  method: GraphMethod
  url: string
  body?: string | Uint8Array
  headers: Record<string, string>
  /** Path for logs and errors: version + path, never the query string. */
  logPath: string
  secrets: string[]
  /** First path segment, e.g. a page id or "act_123": the object a call most likely concerns. */
  objectId?: string
  usageKey?: string
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

function errorCode(cause: unknown): string | undefined {
  if (typeof cause !== "object" || cause === null) return undefined
  const code = (cause as { code?: unknown }).code
  if (typeof code === "string") return code
  return errorCode((cause as { cause?: unknown }).cause)
}

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

/** The bytes of a JSON object with the credentials as its first members (they are never in the bytes given). */
function withCredentials(json: Uint8Array, credentials: Record<string, string>): Uint8Array {
  let start = 0
  while (start < json.length && (json[start] === 0x20 || json[start] === 0x0a || json[start] === 0x0d || json[start] === 0x09)) start++
  if (json[start] !== 0x7b) throw new Error("GraphClient: jsonBody must be a JSON object")
  const members = JSON.stringify(credentials).slice(1, -1)
  if (!members) return json
  const rest = Buffer.from(json.buffer, json.byteOffset + start + 1, json.length - start - 1)
  const empty = rest.toString("latin1", 0, Math.min(rest.length, 64)).trimStart().startsWith("}")
  return Buffer.concat([Buffer.from(`{${members}${empty ? "" : ","}`), rest])
}

/**
 * The one door to Meta's Graph API: versioned URLs, appsecret_proof on every token-bearing call,
 * typed GraphErrors, bounded retries where they are safe, per-attempt timeouts and usage bookkeeping.
 */
export class GraphClient {
  readonly appId: string
  readonly graphApiUrl: string
  readonly apiVersion: string
  // ES private fields keep the secret out of console.log / util.inspect of the client.
  readonly #appSecret: string
  readonly #timeoutMs: number
  readonly #maxRetries: number
  readonly #retryBaseMs: number
  readonly #maxThrottleWaitMs: number
  readonly #logger?: GraphLogger
  readonly #sleep: (ms: number) => Promise<void>
  readonly #dispatcher?: Dispatcher
  readonly #now: () => number
  #usage: GraphUsageSnapshot = { app: null, businessUseCase: {}, adAccounts: {} }
  readonly #onUsage?: () => void

  constructor(opts: GraphClientOptions) {
    if (!opts.appId) throw new Error("GraphClient: appId is required")
    if (!opts.appSecret) throw new Error("GraphClient: appSecret is required")
    if (!isGraphApiVersion(opts.apiVersion)) {
      throw new Error(`GraphClient: apiVersion must look like "v25.0", got "${opts.apiVersion}"`)
    }
    let base: URL
    try {
      base = new URL(opts.graphApiUrl)
    } catch {
      throw new Error(`GraphClient: graphApiUrl "${opts.graphApiUrl}" is not a valid URL`)
    }
    if (base.protocol !== "https:" && base.protocol !== "http:") {
      throw new Error(`GraphClient: graphApiUrl must be http(s), got "${base.protocol}"`)
    }
    this.appId = opts.appId
    this.graphApiUrl = opts.graphApiUrl.replace(/\/+$/, "")
    this.apiVersion = opts.apiVersion
    this.#appSecret = opts.appSecret
    this.#timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.#maxRetries = Math.max(0, opts.maxRetries ?? DEFAULT_MAX_RETRIES)
    this.#retryBaseMs = opts.retryBaseMs ?? DEFAULT_RETRY_BASE_MS
    this.#maxThrottleWaitMs = opts.maxThrottleWaitMs ?? DEFAULT_MAX_THROTTLE_WAIT_MS
    this.#logger = opts.logger
    this.#sleep = opts.sleep ?? defaultSleep
    this.#dispatcher = opts.dispatcher
    this.#now = opts.now ?? Date.now
    this.#onUsage = opts.onUsage
  }

  /** The app access token `{app_id}|{app_secret}` (https://developers.facebook.com/docs/facebook-login/guides/access-tokens#apptokens): server-only, contains the secret. */
  appAccessToken(): string {
    return `${this.appId}|${this.#appSecret}`
  }

  get<T>(path: string, opts?: GraphRequestOptions): Promise<T> {
    return this.request<T>("GET", path, opts)
  }

  post<T>(path: string, opts?: GraphRequestOptions): Promise<T> {
    return this.request<T>("POST", path, opts)
  }

  delete<T>(path: string, opts?: GraphRequestOptions): Promise<T> {
    return this.request<T>("DELETE", path, opts)
  }

  /**
   * A POST to the upload URL Meta handed out (a reel's `upload_url` on rupload.facebook.com), with the
   * token as `Authorization: OAuth …` and the upload's own headers (`file_url` for a hosted file):
   * https://developers.facebook.com/docs/video-api/guides/reels-publishing (step 2, upload a hosted file).
   * The token only ever goes to Meta's upload host or to the configured Graph host (the emulator serves
   * both); never retried, since an upload may have started before it failed.
   */
  async upload<T>(uploadUrl: string, opts: { token: string; headers?: Record<string, string>; timeoutMs?: number }): Promise<T> {
    let url: URL
    try {
      url = new URL(uploadUrl)
    } catch {
      throw new Error("GraphClient.upload: the upload URL is not a URL")
    }
    const graphOrigin = new URL(this.graphApiUrl).origin
    if (!(url.protocol === "https:" && UPLOAD_HOSTS.has(url.hostname)) && url.origin !== graphOrigin) {
      throw new Error(`GraphClient.upload: ${url.hostname} is not a Meta upload host`)
    }
    if (!opts.token) throw new Error("GraphClient: token must not be empty")
    const prepared: PreparedRequest = {
      method: "POST",
      url: url.toString(),
      headers: { accept: "application/json", ...opts.headers, authorization: `OAuth ${opts.token}` },
      logPath: url.pathname,
      secrets: [opts.token, this.appAccessToken(), this.#appSecret],
    }
    return (await this.#send<T>(prepared, 0, opts.timeoutMs ?? this.#timeoutMs)).value
  }

  async request<T>(method: GraphMethod, path: string, opts: GraphRequestOptions = {}): Promise<T> {
    const prepared = this.#prepare(method, path, opts)
    const retries = (opts.retry ?? method !== "POST") ? this.#maxRetries : 0
    return (await this.#send<T>(prepared, retries, opts.timeoutMs ?? this.#timeoutMs)).value
  }

  /**
   * Up to 50 calls in one HTTP request: `POST /{version}/` with `batch` (JSON) and `include_headers=false`
   * (https://developers.facebook.com/docs/graph-api/batch-requests). The outer call behaves like any other
   * (credentials, usage headers, typed errors, retries — the latter only when every sub-request is a GET);
   * each sub-answer comes back as `{ code, body }` or with its own GraphError, without failing the others.
   * A null sub-answer ("Responses to requests that do not succeed will be null. You can retry any request
   * that fails") is a transient GraphError on that item.
   */
  async batch<T = unknown>(requests: readonly GraphBatchRequest[], opts: GraphBatchOptions): Promise<GraphBatchItem<T>[]> {
    if (!Array.isArray(requests)) throw new Error("GraphClient.batch: requests must be an array")
    if (requests.length > GRAPH_BATCH_MAX_REQUESTS) {
      throw new Error(
        `GraphClient.batch: Meta takes at most ${GRAPH_BATCH_MAX_REQUESTS} requests per batch, got ${requests.length}; split them into batches of ${GRAPH_BATCH_MAX_REQUESTS}`
      )
    }
    if (!opts || typeof opts.token !== "string" || opts.token === "") {
      throw new Error("GraphClient.batch: a top-level token is required (Meta needs one even when every request carries its own)")
    }
    if (requests.length === 0) return []
    const secrets: string[] = []
    const operations = requests.map((request, index) => this.#batchOperation(request, index, opts.token, secrets))
    const prepared = this.#prepare("POST", "", {
      token: opts.token,
      body: { batch: JSON.stringify(operations.map((o) => o.operation)), include_headers: false },
      usageKey: opts.usageKey,
    })
    prepared.secrets.push(...secrets)
    const getOnly = requests.every((r) => r.method === "GET")
    const retries = getOnly && opts.retry !== false ? this.#maxRetries : 0
    const { value, usage } = await this.#send<unknown>(prepared, retries, opts.timeoutMs ?? this.#timeoutMs)
    if (!Array.isArray(value)) {
      throw new GraphError({
        message: "Graph batch answer is not an array",
        category: "invalid",
        method: "POST",
        path: prepared.logPath,
      })
    }
    const redact = (text: string) => redactSecrets(text, prepared.secrets)
    return operations.map((operation, i) => this.#batchItem<T>(value[i], operation, usage, redact))
  }

  async #send<T>(prepared: PreparedRequest, retries: number, timeoutMs: number): Promise<{ value: T; usage: UsageHeaders }> {
    const method = prepared.method
    for (let attempt = 0; ; attempt++) {
      let failure: GraphError
      try {
        return await this.#attempt<T>(prepared, timeoutMs)
      } catch (error) {
        if (!(error instanceof GraphError)) throw error
        failure = error
      }
      const waitMs = attempt < retries ? this.#retryWaitMs(failure, attempt) : undefined
      if (waitMs === undefined) throw failure
      this.#logger?.warn?.(
        `Graph ${method} ${prepared.logPath} failed (${failure.category}${failure.code !== undefined ? ` #${failure.code}` : ""}): ` +
          `retrying in ${waitMs} ms (attempt ${attempt + 2} of ${retries + 1})`
      )
      await this.#sleep(waitMs)
    }
  }

  /** Every item of a cursor-paginated edge, page by page (follows `paging.cursors.after` / `paging.next`). */
  async *paginate<T>(path: string, opts: GraphPaginateOptions = {}): AsyncGenerator<T> {
    const { pageSize, maxItems, ...requestOpts } = opts
    if (pageSize !== undefined && (!Number.isInteger(pageSize) || pageSize <= 0)) {
      throw new Error(`GraphClient.paginate: pageSize must be a positive integer, got ${pageSize}`)
    }
    if (maxItems !== undefined && maxItems <= 0) return
    let currentPath = path
    let params: Record<string, unknown> = { ...requestOpts.params }
    if (pageSize !== undefined) params.limit = pageSize
    const seen = new Set<string>()
    let yielded = 0
    for (;;) {
      const page = await this.request<GraphPage<T> | undefined>("GET", currentPath, { ...requestOpts, params })
      if (!page || !Array.isArray(page.data)) {
        throw new GraphError({
          message: "Graph API list response has no data array",
          category: "invalid",
          method: "GET",
          path: this.#logPath(currentPath),
        })
      }
      for (const item of page.data) {
        yield item
        yielded++
        if (maxItems !== undefined && yielded >= maxItems) return
      }
      // Meta: "If next is not included, this is the last page of data" (cursors.after is present even then).
      const next = page.paging?.next
      if (!next) return
      const after = page.paging?.cursors?.after
      let pageKey: string
      if (after) {
        params = { ...params, after }
        pageKey = `after:${after}`
      } else {
        const parsed = parsePagingNextUrl(next, this.graphApiUrl, this.apiVersion)
        currentPath = parsed.path
        params = parsed.params
        pageKey = `next:${parsed.path}?${new URLSearchParams(parsed.params).toString()}`
      }
      if (seen.has(pageKey)) {
        throw new GraphError({
          message: "Graph API returned the same page cursor twice; stopping to avoid an endless loop",
          category: "invalid",
          method: "GET",
          path: this.#logPath(currentPath),
        })
      }
      seen.add(pageKey)
    }
  }

  async listAll<T>(path: string, opts?: GraphPaginateOptions): Promise<T[]> {
    const items: T[] = []
    for await (const item of this.paginate<T>(path, opts)) items.push(item)
    return items
  }

  /** Last usage figures Meta reported: platform, per business object id, per ad account. */
  usage(): GraphUsageSnapshot {
    return structuredClone(this.#usage)
  }

  /** OAuth code → user access token (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#confirm); redirectUri must equal the dialog's byte for byte. */
  exchangeCode(input: { code: string; redirectUri: string }): Promise<OAuthTokenResult> {
    return exchangeCode(this, this.#credentials(), input)
  }

  /** Short-lived → ~60-day user token (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived). */
  exchangeForLongLivedToken(token: string): Promise<OAuthTokenResult> {
    return exchangeForLongLivedToken(this, this.#credentials(), token)
  }

  /** Inspects any token with the app token (https://developers.facebook.com/docs/graph-api/reference/debug_token); returns data even when is_valid is false. */
  debugToken(inputToken: string): Promise<DebugTokenData> {
    return debugToken(this, this.appAccessToken(), inputToken)
  }

  /** Removes the app's grant from the user (DELETE /me/permissions). */
  revokePermissions(token: string): Promise<void> {
    return revokePermissions(this, token)
  }

  #credentials(): { appId: string; appSecret: string } {
    return { appId: this.appId, appSecret: this.#appSecret }
  }

  #logPath(path: string): string {
    return `/${this.apiVersion}/${normalizeGraphPath(path, this.apiVersion).path}`
  }

  #prepare(method: GraphMethod, rawPath: string, opts: GraphRequestOptions): PreparedRequest {
    const { path, query } = normalizeGraphPath(rawPath, this.apiVersion)
    appendGraphParams(query, opts.params)
    const secrets = [this.appAccessToken(), this.#appSecret]
    const credentials: Record<string, string> = {}
    if (opts.token !== undefined) {
      if (opts.token === "") throw new Error("GraphClient: token must not be empty")
      credentials.access_token = opts.token
      credentials.appsecret_proof = appSecretProof(opts.token, this.#appSecret)
      secrets.push(opts.token)
    }
    query.forEach((value, key) => {
      if (isSecretParam(key)) secrets.push(value)
    })
    const headers: Record<string, string> = { accept: "application/json" }
    let body: string | Uint8Array | undefined
    if (opts.jsonBody !== undefined) {
      if (method !== "POST" || opts.body !== undefined) throw new Error("GraphClient: jsonBody is for a POST without body")
      body = withCredentials(opts.jsonBody, credentials)
      for (const [key, value] of Object.entries(credentials)) if (isSecretParam(key)) secrets.push(value)
      headers["content-type"] = "application/json"
    } else if (method === "POST") {
      // Credentials travel in the body on POST so they stay out of URLs that proxies and servers log.
      const payload: Record<string, unknown> = { ...opts.body, ...credentials }
      for (const [key, value] of Object.entries(payload)) {
        // Only secrets need their encoded form (to redact them); an items_batch body is megabytes of JSON.
        if (!isSecretParam(key)) continue
        const encoded = encodeGraphValue(value)
        if (encoded !== undefined) secrets.push(encoded)
      }
      body = JSON.stringify(payload)
      headers["content-type"] = "application/json"
    } else {
      if (opts.body !== undefined) throw new Error(`GraphClient: ${method} requests take params, not a body`)
      appendGraphParams(query, credentials)
    }
    const search = query.toString()
    const firstSegment = path.split("/")[0]
    return {
      method,
      url: `${this.graphApiUrl}/${this.apiVersion}/${path}${search ? `?${search}` : ""}`,
      body,
      headers,
      logPath: `/${this.apiVersion}/${path}`,
      secrets,
      objectId: firstSegment !== "" ? firstSegment : undefined,
      usageKey: opts.usageKey,
    }
  }

  /** One sub-request in Meta's batch format: versioned relative_url, own credentials when its token differs. */
  #batchOperation(request: GraphBatchRequest, index: number, topToken: string, secrets: string[]): BatchOperation {
    const where = `GraphClient.batch: request ${index}`
    if (!request || typeof request.relative_url !== "string") throw new Error(`${where} needs a relative_url`)
    if (request.method !== "GET" && request.method !== "POST" && request.method !== "DELETE") {
      throw new Error(`${where} has method "${String(request.method)}"; Meta's batch takes GET, POST or DELETE`)
    }
    const { path, query } = normalizeGraphPath(request.relative_url, this.apiVersion)
    if (path === "") throw new Error(`${where} needs a path`)
    if (query.has("access_token") || query.has("appsecret_proof")) {
      throw new Error(`${where} carries credentials in relative_url; pass the token as \`token\` instead`)
    }
    if (request.body !== undefined && request.method !== "POST") throw new Error(`${where}: ${request.method} requests take no body`)
    const credentials: Record<string, string> = {}
    if (request.token !== undefined && request.token !== topToken) {
      if (request.token === "") throw new Error(`${where}: token must not be empty`)
      credentials.access_token = request.token
      credentials.appsecret_proof = appSecretProof(request.token, this.#appSecret)
      secrets.push(request.token, credentials.appsecret_proof)
    }
    query.forEach((value, key) => {
      if (isSecretParam(key)) secrets.push(value)
    })
    let body: string | undefined
    if (request.method === "POST") {
      const form = new URLSearchParams()
      appendGraphParams(form, { ...request.body, ...credentials })
      form.forEach((value, key) => {
        if (isSecretParam(key)) secrets.push(value)
      })
      body = form.toString() || undefined
    } else {
      appendGraphParams(query, credentials)
    }
    const search = query.toString()
    const firstSegment = path.split("/")[0]
    return {
      operation: {
        method: request.method,
        relative_url: `${this.apiVersion}/${path}${search ? `?${search}` : ""}`,
        ...(body !== undefined ? { body } : {}),
        ...(request.name !== undefined ? { name: request.name } : {}),
      },
      logPath: `/${this.apiVersion}/${path}`,
      objectId: firstSegment !== "" ? firstSegment : undefined,
    }
  }

  /** One sub-answer `{ code, headers?, body: "<json>" }` (or null) → `{ code, body }` or a typed error. */
  #batchItem<T>(raw: unknown, operation: BatchOperation, usage: UsageHeaders, redact: (text: string) => string): GraphBatchItem<T> {
    const method = operation.operation.method
    const path = operation.logPath
    if (raw === null || raw === undefined) {
      return {
        code: null,
        body: undefined,
        error: new GraphError({
          message: "Graph batch request was not run (Meta answered null: it timed out); retry it",
          category: "transient",
          isTransient: true,
          method,
          path,
        }),
      }
    }
    if (typeof raw !== "object" || Array.isArray(raw)) {
      return {
        code: null,
        body: undefined,
        error: new GraphError({ message: "Graph batch answer item is not an object", category: "invalid", method, path }),
      }
    }
    const item = raw as { code?: unknown; body?: unknown }
    const code = typeof item.code === "number" && Number.isInteger(item.code) ? item.code : null
    const parsed = typeof item.body === "string" ? parseJson(item.body) : { ok: true as const, value: item.body }
    const retryAfterMs = (category: GraphErrorCategory) => this.#retryAfterFromUsage(category, usage, { objectId: operation.objectId })
    const metaError = parsed.ok ? extractMetaError(parsed.value) : undefined
    if (metaError) {
      return {
        code,
        body: undefined,
        error: graphErrorFromMetaError(metaError, { httpStatus: code ?? undefined, redact, retryAfterMs, method, path }),
      }
    }
    if (code === null || code >= 400 || !parsed.ok) {
      const category = code === null ? "invalid" : categorizeGraphError({ httpStatus: code })
      const message =
        code === null
          ? "Graph batch answer item has no status code"
          : code >= 400
            ? `Graph API answered HTTP ${code} without an error object`
            : `Graph API answered HTTP ${code} with a body that is not JSON`
      return {
        code,
        body: undefined,
        error: new GraphError({ message, category, httpStatus: code ?? undefined, retryAfterMs: retryAfterMs(category), method, path }),
      }
    }
    return { code, body: parsed.value as T }
  }

  async #attempt<T>(req: PreparedRequest, timeoutMs: number): Promise<{ value: T; usage: UsageHeaders }> {
    const started = this.#now()
    const signal = AbortSignal.timeout(timeoutMs)
    let statusCode: number
    let responseHeaders: Record<string, string | string[] | undefined>
    let text: string
    try {
      const response = await undiciRequest(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal,
        dispatcher: this.#dispatcher,
      })
      statusCode = response.statusCode
      responseHeaders = response.headers
      text = await response.body.text()
    } catch (cause) {
      throw this.#networkError(req, cause, signal.aborted, timeoutMs)
    }
    const usage = parseUsageHeaders(responseHeaders)
    this.#recordUsage(usage, req)
    this.#logger?.debug?.(`Graph ${req.method} ${req.logPath} → ${statusCode} in ${this.#now() - started} ms`)

    const parsed = parseJson(text)
    const metaError = parsed.ok ? extractMetaError(parsed.value) : undefined
    const redact = (s: string) => redactSecrets(s, req.secrets)
    if (metaError) {
      throw graphErrorFromMetaError(metaError, {
        httpStatus: statusCode,
        redact,
        retryAfterMs: (category) => this.#retryAfterFromUsage(category, usage, req),
        method: req.method,
        path: req.logPath,
      })
    }
    if (statusCode >= 400 || !parsed.ok) {
      // No error object (a proxy page, an empty 502): the HTTP status alone decides the category.
      const category = categorizeGraphError({ httpStatus: statusCode })
      throw new GraphError({
        message:
          statusCode >= 400
            ? `Graph API answered HTTP ${statusCode} without an error object`
            : `Graph API answered HTTP ${statusCode} with a body that is not JSON`,
        category,
        httpStatus: statusCode,
        retryAfterMs: this.#retryAfterFromUsage(category, usage, req),
        method: req.method,
        path: req.logPath,
      })
    }
    return { value: (parsed.ok ? parsed.value : undefined) as T, usage }
  }

  /** BUC headers are keyed by the bare object id, so "act_123" is also looked up as "123". */
  #retryAfterFromUsage(category: GraphErrorCategory, usage: UsageHeaders, req: { usageKey?: string; objectId?: string }): number | undefined {
    if (category !== "throttled") return undefined
    const key = req.usageKey ?? req.objectId
    const lookup = key !== undefined && usage.businessUseCase?.[key] === undefined ? key.replace(/^act_/, "") : key
    return throttleWaitMs(usage, lookup)
  }

  #networkError(req: PreparedRequest, cause: unknown, timedOut: boolean, timeoutMs: number): GraphError {
    const code = errorCode(cause)
    const message = timedOut
      ? `Graph API request timed out after ${timeoutMs} ms`
      : `Graph API request failed: ${redactSecrets(errorText(cause), req.secrets)}${code && !errorText(cause).includes(code) ? ` (${code})` : ""}`
    return new GraphError({ message, category: "transient", isTransient: true, method: req.method, path: req.logPath })
  }

  #retryWaitMs(error: GraphError, attempt: number): number | undefined {
    if (error.category === "transient") return backoffDelayMs(attempt, this.#retryBaseMs)
    if (error.category !== "throttled") return undefined
    if (error.retryAfterMs === undefined) return backoffDelayMs(attempt, this.#retryBaseMs)
    return error.retryAfterMs <= this.#maxThrottleWaitMs ? error.retryAfterMs : undefined
  }

  #recordUsage(usage: UsageHeaders, req: PreparedRequest): void {
    if (!usage.app && !usage.adAccount && !Object.keys(usage.businessUseCase ?? {}).length) return
    const updatedAt = this.#now()
    if (usage.app) this.#usage.app = { ...usage.app, updatedAt }
    for (const [objectId, entries] of Object.entries(usage.businessUseCase ?? {})) {
      this.#usage.businessUseCase[objectId] = { entries, updatedAt }
    }
    if (usage.adAccount) {
      // X-Ad-Account-Usage does not name the account; the call's own act_ id (or usageKey) does.
      const account = req.objectId?.startsWith("act_") ? req.objectId : req.usageKey ?? "unknown"
      this.#usage.adAccounts[account] = { ...usage.adAccount, updatedAt }
    }
    try {
      this.#onUsage?.()
    } catch {
      // a listener's failure is not the call's
    }
  }
}
