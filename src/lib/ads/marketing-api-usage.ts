/**
 * When a Marketing API reader must stop calling Meta, from the usage Meta reports and the throttling
 * errors it answers (https://developers.facebook.com/docs/marketing-api/overview/rate-limiting, and
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting#buc-rate-limits for the
 * business-use-case headers):
 *
 * - `X-Ad-Account-Usage`: `acc_id_util_pct` (percent of the ad account's score) and `reset_time_duration`
 *   (seconds until the score is back to zero).
 * - `X-Business-Use-Case-Usage`: per business object, entries `{type, call_count, total_cputime,
 *   total_time, estimated_time_to_regain_access}` — percentages of the hourly quota, the wait in MINUTES
 *   (non-zero only once throttled).
 * - Errors: code 17 subcode 2446079 "User request limit reached" (the ad-account score), 80000 (ads
 *   insights) and 80004 (ads management) for the business-use-case quotas, and the platform codes 4, 32,
 *   341 and 613.
 *
 * Framework-free: the reader hands in what the Graph client recorded.
 */

/** A reader stops issuing calls once any usage figure reaches this (Meta throttles at 100 %). */
export const USAGE_HIGH_WATER_PCT = 75

/** How long to stay away when Meta gives no figure (neither a reset time nor a time to regain access). */
export const DEFAULT_THROTTLE_WAIT_MS = 5 * 60_000

export type BusinessUseCaseReading = {
  type: string
  callCount: number
  totalCputime: number
  totalTime: number
  estimatedTimeToRegainAccessMinutes: number
}

/** What the last responses for one ad account said (null / empty = nothing reported). */
export type AccountUsageReading = {
  /** `acc_id_util_pct` of X-Ad-Account-Usage. */
  accountPct: number | null
  /** `reset_time_duration` of X-Ad-Account-Usage, in seconds. */
  resetSeconds: number | null
  /** The account's entries of X-Business-Use-Case-Usage. */
  businessUseCases: BusinessUseCaseReading[]
}

export type UsageVerdict =
  | { stop: false; pct: number | null }
  | { stop: true; pct: number | null; waitMs: number; reason: string }

const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n) && n >= 0

/** The highest usage percentage reported for the account (ad-account score or any use case), or null. */
export function usagePct(reading: AccountUsageReading): number | null {
  const figures = [
    ...(finite(reading.accountPct) ? [reading.accountPct] : []),
    ...reading.businessUseCases.flatMap((e) => [e.callCount, e.totalCputime, e.totalTime].filter(finite)),
  ]
  return figures.length ? Math.max(...figures) : null
}

/** "45 s", "5 min", "1 h 5 min": a wait as the merchant reads it. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest ? `${hours} h ${rest} min` : `${hours} h`
}

const pctText = (pct: number) => `${Math.round(pct * 100) / 100} %`

/**
 * Whether to stop before the next call: Meta already asks for a wait (a time to regain access), or a
 * usage figure is at or above the high-water mark. The wait is Meta's own figure where it gives one
 * (time to regain access, else the ad account's reset time), else DEFAULT_THROTTLE_WAIT_MS.
 */
export function usageVerdict(reading: AccountUsageReading, highWaterPct: number = USAGE_HIGH_WATER_PCT): UsageVerdict {
  const pct = usagePct(reading)
  const regain = reading.businessUseCases
    .filter((e) => finite(e.estimatedTimeToRegainAccessMinutes) && e.estimatedTimeToRegainAccessMinutes > 0)
    .sort((a, b) => b.estimatedTimeToRegainAccessMinutes - a.estimatedTimeToRegainAccessMinutes)[0]
  if (regain) {
    const waitMs = Math.ceil(regain.estimatedTimeToRegainAccessMinutes * 60_000)
    return { stop: true, pct, waitMs, reason: `Meta asks to wait ${formatWait(waitMs)} before more ${regain.type} calls for this ad account` }
  }
  if (pct === null || pct < highWaterPct) return { stop: false, pct }
  const accountHigh = finite(reading.accountPct) && reading.accountPct >= highWaterPct
  const resetMs = finite(reading.resetSeconds) && reading.resetSeconds > 0 ? reading.resetSeconds * 1000 : null
  const waitMs = accountHigh && resetMs !== null ? resetMs : DEFAULT_THROTTLE_WAIT_MS
  const which = accountHigh
    ? `Meta's ad-account usage is at ${pctText(reading.accountPct as number)}`
    : `Meta's ${highestUseCase(reading)?.type ?? "business use case"} usage for this ad account is at ${pctText(pct)}`
  return { stop: true, pct, waitMs, reason: `${which} (this plugin stops at ${highWaterPct} %, before Meta throttles at 100 %)` }
}

function highestUseCase(reading: AccountUsageReading): BusinessUseCaseReading | undefined {
  const level = (e: BusinessUseCaseReading) => Math.max(...[e.callCount, e.totalCputime, e.totalTime].filter(finite), 0)
  return [...reading.businessUseCases].sort((a, b) => level(b) - level(a))[0]
}

/** Meta's throttling codes (rate-limiting pages above; Graph error-handling guide for 4, 32, 341, 613). */
export function isThrottleCode(code: number | undefined): boolean {
  if (code === undefined) return false
  return code === 4 || code === 17 || code === 32 || code === 341 || code === 613 || (code >= 80000 && code <= 80014)
}

export type ThrottleErrorInput = { code?: number; subcode?: number; message: string; retryAfterMs?: number }

/**
 * A throttling answer: stop, and stay away as long as Meta says — the wait the client derived from the
 * response's headers, else the headers last seen, else DEFAULT_THROTTLE_WAIT_MS.
 */
export function throttleStop(error: ThrottleErrorInput, reading: AccountUsageReading): { waitMs: number; reason: string } {
  const fromHeaders = usageVerdict(reading, Infinity)
  const resetMs = finite(reading.resetSeconds) && reading.resetSeconds > 0 ? reading.resetSeconds * 1000 : undefined
  const waitMs =
    finite(error.retryAfterMs) && error.retryAfterMs > 0
      ? error.retryAfterMs
      : fromHeaders.stop
        ? fromHeaders.waitMs
        : resetMs ?? DEFAULT_THROTTLE_WAIT_MS
  const code = error.code !== undefined ? `#${error.code}${error.subcode !== undefined ? `/${error.subcode}` : ""}` : "throttled"
  return { waitMs, reason: `Meta throttled the ad account (${code}: ${error.message.replace(/^\(#\d+\)\s*/, "")})` }
}
