import type { UserData } from "./user-data"

/**
 * A hint, not Meta's Event Match Quality score (Meta computes that itself): which user_data keys an event
 * carried, and a rating from the identifiers Meta weighs most (email, phone, click id, browser id).
 */
export type MatchQuality = {
  keys: string[]
  rating: "great" | "good" | "ok" | "poor"
}

const STRONG_KEYS = ["em", "ph"]
const BROWSER_KEYS = ["fbc", "fbp"]

export function matchQualityOf(userData: UserData | Record<string, unknown> | null | undefined): MatchQuality {
  const keys = Object.entries(userData ?? {})
    .filter(([, value]) => (Array.isArray(value) ? value.length > 0 : typeof value === "string" && value !== ""))
    .map(([key]) => key)
    .sort()
  const strong = STRONG_KEYS.filter((k) => keys.includes(k)).length
  const browser = BROWSER_KEYS.filter((k) => keys.includes(k)).length
  const rating =
    strong === 2 && browser >= 1 ? "great" : strong >= 1 && (browser >= 1 || keys.length >= 5) ? "good" : strong + browser >= 1 ? "ok" : "poor"
  return { keys, rating }
}

export type MatchQualitySummary = {
  events: number
  /** Share (0…1) of events carrying each key. */
  share: { em: number; ph: number; fbc: number; fbp: number; external_id: number; client_ip_address: number }
  ratings: Record<MatchQuality["rating"], number>
}

export function summarizeMatchQuality(userDatas: Array<UserData | Record<string, unknown> | null | undefined>): MatchQualitySummary {
  const counts = { em: 0, ph: 0, fbc: 0, fbp: 0, external_id: 0, client_ip_address: 0 }
  const ratings = { great: 0, good: 0, ok: 0, poor: 0 }
  for (const userData of userDatas) {
    const quality = matchQualityOf(userData)
    ratings[quality.rating]++
    for (const key of Object.keys(counts) as Array<keyof typeof counts>) {
      if (quality.keys.includes(key)) counts[key]++
    }
  }
  const total = userDatas.length
  const share = Object.fromEntries(
    Object.entries(counts).map(([key, count]) => [key, total ? Math.round((count / total) * 1000) / 1000 : 0])
  ) as MatchQualitySummary["share"]
  return { events: total, share, ratings }
}
