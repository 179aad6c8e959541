/**
 * Meta's rate-limit headers (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 * All three are JSON strings; percentages are 0–100 and can exceed 100 once throttled.
 */

/** `X-App-Usage`: percent of the app's rolling one-hour platform budget. */
export type AppUsage = { callCount: number; totalCputime: number; totalTime: number }

/** One entry of `X-Business-Use-Case-Usage` (keyed by business object id, each value an array). */
export type BusinessUseCaseUsageEntry = {
  type: string
  callCount: number
  totalCputime: number
  totalTime: number
  /** Meta sends this in MINUTES; non-zero only once throttled. */
  estimatedTimeToRegainAccessMinutes: number
  adsApiAccessTier?: string
}

/** `X-Ad-Account-Usage`: `reset_time_duration` is in SECONDS. */
export type AdAccountUsage = { accIdUtilPct: number; resetTimeDurationSec: number; adsApiAccessTier?: string }

export type UsageHeaders = {
  app?: AppUsage
  businessUseCase?: Record<string, BusinessUseCaseUsageEntry[]>
  adAccount?: AdAccountUsage
}

export type GraphUsageSnapshot = {
  app: (AppUsage & { updatedAt: number }) | null
  businessUseCase: Record<string, { entries: BusinessUseCaseUsageEntry[]; updatedAt: number }>
  adAccounts: Record<string, AdAccountUsage & { updatedAt: number }>
}

/**
 * Meta gives no reset time for the platform (X-App-Usage) limit, only that it is a rolling one-hour
 * window; once at 100 % we stay away this long instead of hammering an exhausted budget.
 */
export const APP_USAGE_THROTTLE_WAIT_MS = 5 * 60 * 1000

const MINUTE_MS = 60 * 1000

type HeaderValue = string | string[] | undefined

function headerJson(value: HeaderValue): Record<string, unknown> | undefined {
  const raw = Array.isArray(value) ? value[value.length - 1] : value
  if (raw === undefined || raw.trim() === "") return undefined
  try {
    const parsed: unknown = JSON.parse(raw)
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function num(value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN
  return Number.isFinite(n) ? n : 0
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined
}

export function parseAppUsage(value: HeaderValue): AppUsage | undefined {
  const json = headerJson(value)
  if (!json) return undefined
  return { callCount: num(json.call_count), totalCputime: num(json.total_cputime), totalTime: num(json.total_time) }
}

export function parseBusinessUseCaseUsage(value: HeaderValue): Record<string, BusinessUseCaseUsageEntry[]> | undefined {
  const json = headerJson(value)
  if (!json) return undefined
  const result: Record<string, BusinessUseCaseUsageEntry[]> = {}
  for (const [objectId, rawEntries] of Object.entries(json)) {
    // Meta documents an array per object id; tolerate a bare object too.
    const list: unknown[] = Array.isArray(rawEntries) ? rawEntries : [rawEntries]
    result[objectId] = list
      .filter((e): e is Record<string, unknown> => typeof e === "object" && e !== null)
      .map((e) => ({
        type: str(e.type) ?? "unknown",
        callCount: num(e.call_count),
        totalCputime: num(e.total_cputime),
        totalTime: num(e.total_time),
        estimatedTimeToRegainAccessMinutes: num(e.estimated_time_to_regain_access),
        adsApiAccessTier: str(e.ads_api_access_tier),
      }))
  }
  return result
}

export function parseAdAccountUsage(value: HeaderValue): AdAccountUsage | undefined {
  const json = headerJson(value)
  if (!json) return undefined
  return {
    accIdUtilPct: num(json.acc_id_util_pct),
    resetTimeDurationSec: num(json.reset_time_duration),
    adsApiAccessTier: str(json.ads_api_access_tier),
  }
}

/** Reads all three usage headers from a response's (lower-cased) header map. */
export function parseUsageHeaders(headers: Record<string, HeaderValue>): UsageHeaders {
  return {
    app: parseAppUsage(headers["x-app-usage"]),
    businessUseCase: parseBusinessUseCaseUsage(headers["x-business-use-case-usage"]),
    adAccount: parseAdAccountUsage(headers["x-ad-account-usage"]),
  }
}

/**
 * How long a throttled call should wait, from the usage headers of that response; undefined when the
 * headers say nothing. "If both platform and BUC limits apply, BUC wins", so the BUC figure (for the
 * object the call concerns when known, else the worst reported) comes first, then the ad account's
 * reset time, then an exhausted platform budget.
 */
export function throttleWaitMs(usage: UsageHeaders, objectId?: string): number | undefined {
  if (usage.businessUseCase) {
    const scoped = objectId !== undefined ? usage.businessUseCase[objectId] : undefined
    const entries = scoped ?? Object.values(usage.businessUseCase).flat()
    const minutes = Math.max(0, ...entries.map((e) => e.estimatedTimeToRegainAccessMinutes))
    if (minutes > 0) return Math.ceil(minutes * MINUTE_MS)
  }
  if (usage.adAccount && usage.adAccount.resetTimeDurationSec > 0) {
    return Math.ceil(usage.adAccount.resetTimeDurationSec * 1000)
  }
  if (usage.app && Math.max(usage.app.callCount, usage.app.totalCputime, usage.app.totalTime) >= 100) {
    return APP_USAGE_THROTTLE_WAIT_MS
  }
  return undefined
}
