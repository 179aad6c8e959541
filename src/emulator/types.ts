/** Public types of the Graph API emulator (see /tmp contract "src/emulator"). */

export type EmulatorApp = {
  appId: string
  appSecret: string
  name?: string
  /** Meta's "Valid OAuth Redirect URIs": when given, the dialog and the code exchange require an exact match. */
  redirectUris?: string[]
  /** Meta's "Require App Secret" setting: every user/page/system-user call must carry appsecret_proof. Default true. */
  requireAppSecretProof?: boolean
}

export type StartGraphEmulatorOptions = {
  /**
   * Take image links on localhost or a private network. Meta downloads every image_link from the internet,
   * so by default such a link is refused as Meta would fail to fetch it; the development sandbox turns this on.
   */
  acceptLocalImageLinks?: boolean
  /** 0 = a random free port. */
  port?: number
  /** Default 127.0.0.1 (loopback only). */
  host?: string
  /** First app is the default one. Default: appId "1234567890", appSecret "sandbox-app-secret". */
  apps?: EmulatorApp[]
  /** Load the world from this JSON file at start and write it back (debounced, and on close). */
  persistPath?: string
  /** Default true: a demo user and business world (see seed.ts). */
  seed?: boolean
  /** Clock in milliseconds; tokens, codes and usage windows follow it. */
  now?: () => number
  /** One line per request on stdout (never query strings or bodies). */
  log?: boolean
}

/**
 * - "5xx", "throttle", "invalid_token", "error": the request is answered with that Graph error, unhandled.
 * - "timeout": the request is held for delayMs and then handled normally, or (no delayMs) never answered.
 * - "lost_response": the request is fully handled (state changes applied, e.g. a media_publish creates the
 *   media) and then the connection is destroyed without an answer: the client sees a socket error
 *   ("other side closed" / ECONNRESET) for a call that did succeed. delayMs, if given, waits before handling.
 */
export type FaultKind = "5xx" | "timeout" | "throttle" | "invalid_token" | "error" | "lost_response"

export type FaultSpec = {
  method?: string
  /** Substring of the request path (e.g. "/media_publish"), or "/regex/flags". */
  path?: string
  /** Only requests whose parameters (query or body) have these values, e.g. `{ upload_phase: "finish" }`. */
  params?: Record<string, string>
  /** How many matching requests the fault answers. Default 1; Infinity (or -1 over HTTP) = until cleared. */
  times?: number
  kind: FaultKind
  status?: number
  error?: { code: number; error_subcode?: number; message?: string; type?: string }
  /** Wait this long before answering; for "timeout" without delayMs the request is never answered. */
  delayMs?: number
  /** BUC throttle when type or objectId is given (codes 80000–80014), app throttle (code 4) otherwise. */
  throttle?: { type?: string; minutes?: number; objectId?: string }
}

export type RecordedRequest = {
  id: number
  at: string
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  status?: number
  /** The caller's TCP port: on loopback it tells which local process made the call. */
  clientPort?: number
  /**
   * Graph calls this one HTTP request carried: the operations of a batch request (POST / with `batch`)
   * or the ids of a multi-id read (GET /?ids=…), in order. Each counts toward Meta's rate limits.
   */
  subRequests?: RecordedSubRequest[]
}

/** One operation of a batch (or one id of a multi-id read), credentials redacted. */
export type RecordedSubRequest = {
  index: number
  /** The batch operation's `name`, when it had one. */
  name?: string
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  /** HTTP status of the operation; null when it was not answered (timed out, skipped, omitted). */
  status: number | null
}

/** A Graph call as Meta counts it: a plain HTTP request, or one operation inside a batch / multi-id read. */
export type LogicalRequest = Omit<RecordedRequest, "subRequests" | "status"> & {
  status?: number | null
  /** Set for operations inside a batch or multi-id read: the HTTP request (its id) and the position. */
  within?: { requestId: number; index: number; name?: string }
}

/**
 * http: HTTP requests received; logical: Graph calls as rate limits count them (a batch of 50 is 1 HTTP
 * request and 50 calls); batched: HTTP requests that carried operations (batches, multi-id reads).
 */
export type RequestCounts = { http: number; logical: number; batched: number }

export type RequestFilter = { method?: string; path?: string | RegExp }

export type TokenType = "USER" | "PAGE" | "SYSTEM_USER"

export type TokenRecord = {
  token: string
  type: TokenType
  appId: string
  /** The person or system user the token acts for. */
  userId: string
  /** Page tokens: the page (debug_token profile_id). */
  pageId?: string
  /** System-user tokens: the business that owns the system user. */
  businessId?: string
  scopes: string[]
  /** Unix seconds. */
  issuedAt: number
  /** Unix seconds; 0 = never. */
  expiresAt: number
  /** Unix seconds (Meta's 90-day data-access window). */
  dataAccessExpiresAt: number
  /** Page tokens: the user token they were read with. */
  parentToken?: string
  /** Set when the session was invalidated (190 subcode 458/460/467). */
  invalidated?: { subcode: number; message: string }
}

export type TokenInfo = TokenRecord & { isValid: boolean }
