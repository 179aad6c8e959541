/**
 * Rate-limit bookkeeping behind Meta's usage headers (Graph "Rate limiting"): percentages of a rolling
 * one-hour budget that grow with every call. X-App-Usage is per app; X-Business-Use-Case-Usage is keyed
 * by business object id, each value an array of {type, call_count, total_cputime, total_time,
 * estimated_time_to_regain_access (minutes)}.
 */

const WINDOW_MS = 3600 * 1000
/** Calls per hour that make 100%; small enough that the headers visibly move in a sandbox session. */
const APP_BUDGET = 200
const BUC_BUDGET = 300

export type UsagePercentages = { call_count: number; total_cputime: number; total_time: number }
export type BucEntry = UsagePercentages & {
  type: string
  estimated_time_to_regain_access: number
  ads_api_access_tier?: string
}

function percentages(calls: number, budget: number): UsagePercentages {
  const callCount = Math.min(100, Math.round((calls * 100) / budget))
  return { call_count: callCount, total_cputime: Math.round(callCount / 2), total_time: Math.round(callCount / 3) }
}

export class UsageTracker {
  private readonly calls = new Map<string, number[]>()

  constructor(private readonly now: () => number) {}

  private count(key: string): number {
    const since = this.now() - WINDOW_MS
    const recent = (this.calls.get(key) ?? []).filter((t) => t > since)
    recent.push(this.now())
    this.calls.set(key, recent)
    return recent.length
  }

  recordAppCall(appId: string): UsagePercentages {
    return percentages(this.count(`app:${appId}`), APP_BUDGET)
  }

  recordObjectCall(objectId: string, type: string): Record<string, BucEntry[]> {
    return { [objectId]: [bucEntry(type, percentages(this.count(`buc:${objectId}:${type}`), BUC_BUDGET), 0)] }
  }

  reset(): void {
    this.calls.clear()
  }
}

export function bucEntry(type: string, usage: UsagePercentages, minutesToRegain: number): BucEntry {
  return {
    type,
    ...usage,
    estimated_time_to_regain_access: minutesToRegain,
    ...(type.startsWith("ads_") ? { ads_api_access_tier: "standard_access" } : {}),
  }
}
