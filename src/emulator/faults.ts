import { GraphApiError, INVALIDATION_MESSAGES } from "./errors"
import type { FaultSpec } from "./types"
import { bucEntry } from "./usage"

/**
 * Business-use-case throttle codes by BUC type (Graph "Rate limiting": 80000 ads insights, 80001 pages,
 * 80002 Instagram, 80003 custom audience, 80004 ads management, 80005 leadgen, 80006 messenger,
 * 80008 WhatsApp, 80009 catalog management, 80014 catalog batch).
 */
const BUC_THROTTLES: Record<string, { code: number; what: string }> = {
  ads_insights: { code: 80000, what: "from this ad-account" },
  pages: { code: 80001, what: "to this Page account" },
  instagram: { code: 80002, what: "to this Instagram account" },
  custom_audience: { code: 80003, what: "to this ad-account" },
  ads_management: { code: 80004, what: "to this ad-account" },
  leadgen: { code: 80005, what: "to this Page account" },
  messenger: { code: 80006, what: "to this Messenger account" },
  whatsapp: { code: 80008, what: "to this WhatsApp Business account" },
  catalog_management: { code: 80009, what: "to this Catalog account" },
  catalog_batch: { code: 80014, what: "for the batch uploads to this Catalog account" },
}

const DEFAULT_THROTTLE_MINUTES = 5

type StoredFault = FaultSpec & { remaining: number; matches: (path: string) => boolean }

/**
 * A fault's path: "/pattern/flags" (flags only from g, i, m, s, u, y) is a
 * regular expression; anything else is a substring. "/60001/events" is a Graph path, not the pattern
 * "60001" with flags "events". A path in the regex form that does not compile is refused up front
 * rather than failing every request it is tested against.
 */
export function faultPathMatcher(path: string | undefined): (path: string) => boolean {
  if (!path) return () => true
  const regex = /^\/(.+)\/([gimsuy]*)$/.exec(path)
  if (!regex) return (p) => p.includes(path)
  let compiled: RegExp
  try {
    compiled = new RegExp(regex[1], regex[2])
  } catch (error) {
    throw new Error(`Fault path ${path} is not a valid /pattern/flags regular expression: ${(error as Error).message}`)
  }
  return (p) => {
    // The pattern is reused: with g or y, test() would otherwise resume where the last request stopped.
    compiled.lastIndex = 0
    return compiled.test(p)
  }
}

export const FAULT_KINDS = ["5xx", "timeout", "throttle", "invalid_token", "error", "lost_response"] as const

export class FaultBook {
  private faults: StoredFault[] = []

  add(spec: FaultSpec): void {
    if (!FAULT_KINDS.includes(spec.kind)) throw new Error(`Unknown fault kind "${String(spec.kind)}"`)
    const times = spec.times ?? 1
    this.faults.push({ ...spec, remaining: times < 0 ? Infinity : times, matches: faultPathMatcher(spec.path) })
  }

  clear(): void {
    this.faults = []
  }

  /** The first fault matching the request, counted down by one use. */
  take(method: string, path: string, params: Record<string, unknown> = {}): FaultSpec | undefined {
    const index = this.faults.findIndex(
      (f) =>
        (!f.method || f.method.toUpperCase() === method) &&
        f.matches(path) &&
        Object.entries(f.params ?? {}).every(([name, value]) => String(params[name] ?? "") === value)
    )
    if (index < 0) return undefined
    const fault = this.faults[index]
    fault.remaining -= 1
    if (fault.remaining <= 0) this.faults.splice(index, 1)
    return fault
  }

  list(): FaultSpec[] {
    return this.faults.map(({ remaining, matches, ...spec }) => ({ ...spec, times: remaining }))
  }
}

/**
 * The error a fault answers with; undefined for "timeout", which only delays (or never answers), and for
 * "lost_response", whose request is handled normally and whose answer the server then drops.
 */
export function faultError(fault: FaultSpec, objectId: string | undefined): GraphApiError | undefined {
  const override = fault.error
  const build = (defaults: {
    code: number
    subcode?: number
    message: string
    status: number
    isTransient: boolean
    headers?: Record<string, string>
  }) =>
    new GraphApiError({
      code: override?.code ?? defaults.code,
      subcode: override?.error_subcode ?? defaults.subcode,
      message: override?.message ?? defaults.message,
      type: override?.type,
      status: fault.status ?? defaults.status,
      isTransient: defaults.isTransient,
      headers: defaults.headers,
    })

  switch (fault.kind) {
    case "timeout":
    case "lost_response":
      return undefined
    case "5xx": {
      // Code 2 "API Service": temporary downtime, is_transient true.
      const status = fault.status ?? 500
      return build({
        code: 2,
        status,
        isTransient: true,
        message:
          status === 503
            ? "(#2) Service temporarily unavailable"
            : "An unexpected error has occurred. Please retry your request later.",
      })
    }
    case "invalid_token":
      return build({
        code: 190,
        subcode: 467,
        status: 400,
        isTransient: false,
        message: INVALIDATION_MESSAGES.loggedOut,
        headers: { "WWW-Authenticate": 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token"' },
      })
    case "error":
      return build({ code: 1, status: 400, isTransient: false, message: "An unknown error has occurred." })
    case "throttle":
      return throttleError(fault, objectId, build)
  }
}

function throttleError(
  fault: FaultSpec,
  objectId: string | undefined,
  build: (d: { code: number; message: string; status: number; isTransient: boolean; headers?: Record<string, string> }) => GraphApiError
): GraphApiError {
  const minutes = fault.throttle?.minutes ?? DEFAULT_THROTTLE_MINUTES
  const full = { call_count: 100, total_cputime: 100, total_time: 100 }
  if (!fault.throttle?.type && !fault.throttle?.objectId) {
    // App-level limit (#4): X-App-Usage reports 100%.
    return build({
      code: 4,
      status: 400,
      isTransient: true,
      message: "(#4) Application request limit reached",
      headers: { "X-App-Usage": JSON.stringify(full) },
    })
  }
  const type = fault.throttle.type ?? "ads_management"
  const known = BUC_THROTTLES[type] ?? BUC_THROTTLES.ads_management
  const id = fault.throttle.objectId ?? objectId ?? "0"
  return build({
    code: known.code,
    status: 400,
    isTransient: true,
    message: `(#${known.code}) There have been too many calls ${known.what}. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.`,
    headers: { "X-Business-Use-Case-Usage": JSON.stringify({ [id]: [bucEntry(type, full, minutes)] }) },
  })
}
