/**
 * Meta's Graph API error object, typed and sorted into the five categories the rest of the plugin
 * reacts to. Codes and their meaning follow Meta's "Handling Errors" guide
 * (developers.facebook.com/docs/graph-api/guides/error-handling) as summarised in
 * https://developers.facebook.com/docs/graph-api/guides/error-handling.
 */

export type GraphErrorCategory = "auth" | "permission" | "throttled" | "transient" | "invalid"

export type GraphErrorInit = {
  message: string
  category?: GraphErrorCategory
  code?: number
  subcode?: number
  type?: string
  fbtraceId?: string
  userTitle?: string
  userMessage?: string
  blameFields?: string[]
  httpStatus?: number
  isTransient?: boolean
  retryAfterMs?: number
  method?: string
  path?: string
}

export class GraphError extends Error {
  name = "GraphError"
  readonly category: GraphErrorCategory
  readonly code?: number
  readonly subcode?: number
  readonly type?: string
  /** Meta's support id for the failed call: safe to log, and what Meta support asks for. */
  readonly fbtraceId?: string
  /** Localised texts Meta intends for end users (mostly on Marketing API validation errors). */
  readonly userTitle?: string
  readonly userMessage?: string
  /**
   * The parameters Meta blames for a validation error, as dotted paths ("targeting.age_max"), from
   * `error_data.blame_field_specs` (Marketing API; e.g. the error sample in
   * https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/copies/).
   */
  readonly blameFields?: string[]
  readonly httpStatus?: number
  readonly isTransient: boolean
  /** For throttled errors: how long Meta asks us to stay away, when the usage headers say so. */
  readonly retryAfterMs?: number
  /** The call that failed, without query string (so never with a token). */
  readonly method?: string
  readonly path?: string

  constructor(init: GraphErrorInit) {
    super(init.message)
    this.category =
      init.category ??
      categorizeGraphError({
        httpStatus: init.httpStatus,
        code: init.code,
        subcode: init.subcode,
        isTransient: init.isTransient,
      })
    this.code = init.code
    this.subcode = init.subcode
    this.type = init.type
    this.fbtraceId = init.fbtraceId
    this.userTitle = init.userTitle
    this.userMessage = init.userMessage
    this.blameFields = init.blameFields
    this.httpStatus = init.httpStatus
    this.isTransient = init.isTransient ?? this.category === "transient"
    this.retryAfterMs = init.retryAfterMs
    this.method = init.method
    this.path = init.path
  }
}

export function isGraphError(value: unknown): value is GraphError {
  return value instanceof GraphError
}

/** 190 = access token invalid/expired; 102 = API session invalid ("treat like 190"). All subcodes. */
const AUTH_CODES = new Set([102, 190])

/** 10 = permission not granted or removed; 200–299 = permission family (e.g. 210 needs a page token). */
function isPermissionCode(code: number): boolean {
  return code === 10 || (code >= 200 && code <= 299)
}

/**
 * 4 = app-level, 17 = user-level, 32 = page-level, 613 = custom rate limit, 341 = application limit
 * reached ("back off, temporary"), 80000–80014 = business-use-case (BUC) throttles.
 */
function isThrottleCode(code: number): boolean {
  return code === 4 || code === 17 || code === 32 || code === 341 || code === 613 || (code >= 80000 && code <= 80014)
}

/** 1 = "API Unknown (possibly temporary)", 2 = "API Service (temporary downtime)": retry with backoff. */
const TRANSIENT_CODES = new Set([1, 2])

export function categorizeGraphError(input: {
  httpStatus?: number
  code?: number
  subcode?: number
  isTransient?: boolean
}): GraphErrorCategory {
  const { code, httpStatus } = input
  if (code !== undefined) {
    if (AUTH_CODES.has(code)) return "auth"
    if (isPermissionCode(code)) return "permission"
    if (isThrottleCode(code)) return "throttled"
  }
  if (input.isTransient === true) return "transient"
  if (code !== undefined && TRANSIENT_CODES.has(code)) return "transient"
  if (httpStatus === 429 && code === undefined) return "throttled"
  // A 5xx is a server-side failure; Meta only uses 5xx with a client-fault code for an invalid parameter.
  if (httpStatus !== undefined && httpStatus >= 500 && code !== 100) return "transient"
  return "invalid"
}

type MetaErrorBody = {
  message?: unknown
  type?: unknown
  code?: unknown
  error_subcode?: unknown
  error_user_title?: unknown
  error_user_msg?: unknown
  error_data?: unknown
  fbtrace_id?: unknown
  is_transient?: unknown
}

function optionalNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value)
  return undefined
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined
}

/**
 * `error_data.blame_field_specs` as dotted paths. Meta sends `error_data` as a JSON *string*
 * (`"{\"blame_field_specs\":[[\"dsa_payor\"]]}"`), sometimes as an object; anything else gives none.
 */
function blameFieldsOf(errorData: unknown): string[] | undefined {
  let data = errorData
  if (typeof data === "string") {
    try {
      data = JSON.parse(data)
    } catch {
      return undefined
    }
  }
  const specs = typeof data === "object" && data !== null ? (data as { blame_field_specs?: unknown }).blame_field_specs : undefined
  if (!Array.isArray(specs)) return undefined
  const fields = specs
    .map((spec) => (Array.isArray(spec) ? spec.map(String).join(".") : typeof spec === "string" ? spec : ""))
    .filter((field) => field.length > 0)
  return fields.length ? fields : undefined
}

/** The `error` member of a parsed Graph response, when it looks like Meta's error object. */
export function extractMetaError(body: unknown): MetaErrorBody | undefined {
  if (typeof body !== "object" || body === null || !("error" in body)) return undefined
  const error = (body as { error: unknown }).error
  if (typeof error !== "object" || error === null || Array.isArray(error)) return undefined
  return error as MetaErrorBody
}

/**
 * Builds a GraphError from Meta's `{ error: { message, type, code, error_subcode, … } }`.
 * `redact` scrubs secrets from every free text Meta returns (Meta echoes malformed tokens back).
 */
export function graphErrorFromMetaError(
  error: MetaErrorBody,
  context: {
    httpStatus?: number
    redact: (text: string) => string
    retryAfterMs?: (category: GraphErrorCategory) => number | undefined
    method?: string
    path?: string
  }
): GraphError {
  const code = optionalNumber(error.code)
  const subcode = optionalNumber(error.error_subcode)
  const isTransient = typeof error.is_transient === "boolean" ? error.is_transient : undefined
  const category = categorizeGraphError({ httpStatus: context.httpStatus, code, subcode, isTransient })
  const message = optionalString(error.message) ?? `Graph API error${code !== undefined ? ` #${code}` : ""}`
  const userTitle = optionalString(error.error_user_title)
  const userMessage = optionalString(error.error_user_msg)
  return new GraphError({
    message: context.redact(message),
    category,
    code,
    subcode,
    type: optionalString(error.type),
    fbtraceId: optionalString(error.fbtrace_id),
    userTitle: userTitle === undefined ? undefined : context.redact(userTitle),
    userMessage: userMessage === undefined ? undefined : context.redact(userMessage),
    blameFields: blameFieldsOf(error.error_data),
    httpStatus: context.httpStatus,
    isTransient: isTransient ?? category === "transient",
    retryAfterMs: context.retryAfterMs?.(category),
    method: context.method,
    path: context.path,
  })
}
