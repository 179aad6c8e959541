import { HASHED_USER_DATA_KEYS, PLAIN_USER_DATA_KEYS, type UserData } from "./user-data"

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

/** The keys a match hint looks at: Meta's user_data keys (anything else in user_data is ignored). */
export const MATCH_KEYS: readonly string[] = [...HASHED_USER_DATA_KEYS, ...PLAIN_USER_DATA_KEYS]

/**
 * The user_data keys that carry a value: a non-empty array (hashed keys) or a non-empty string (browser
 * keys). The admin's aggregate applies the same rule in SQL (modules/meta/capi-match-quality-repository.ts).
 */
export function presentUserDataKeys(userData: UserData | Record<string, unknown> | null | undefined): string[] {
  if (typeof userData !== "object" || userData === null || Array.isArray(userData)) return []
  return Object.entries(userData)
    .filter(([key]) => MATCH_KEYS.includes(key))
    .filter(([, value]) => (Array.isArray(value) ? value.length > 0 : typeof value === "string" && value !== ""))
    .map(([key]) => key)
    .sort()
}

function ratingOf(keys: readonly string[]): MatchQuality["rating"] {
  const strong = STRONG_KEYS.filter((k) => keys.includes(k)).length
  const browser = BROWSER_KEYS.filter((k) => keys.includes(k)).length
  return strong === 2 && browser >= 1 ? "great" : strong >= 1 && (browser >= 1 || keys.length >= 5) ? "good" : strong + browser >= 1 ? "ok" : "poor"
}

export function matchQualityOf(userData: UserData | Record<string, unknown> | null | undefined): MatchQuality {
  const keys = presentUserDataKeys(userData)
  return { keys, rating: ratingOf(keys) }
}

const SHARE_KEYS = ["em", "ph", "fbc", "fbp", "external_id", "client_ip_address"] as const

export type MatchQualitySummary = {
  events: number
  /** Share (0…1, three decimals) of events carrying each key. */
  share: Record<(typeof SHARE_KEYS)[number], number>
  ratings: Record<MatchQuality["rating"], number>
}

/**
 * Events counted per set of user_data keys they carried: what the database hands back for any number
 * of events (a few dozen distinct sets at most), so the summary never needs the rows themselves.
 */
export type UserDataKeyGroup = { keys: readonly string[]; events: number }

export function summarizeMatchQualityGroups(groups: readonly UserDataKeyGroup[]): MatchQualitySummary {
  const counts = Object.fromEntries(SHARE_KEYS.map((key) => [key, 0])) as MatchQualitySummary["share"]
  const ratings: MatchQualitySummary["ratings"] = { great: 0, good: 0, ok: 0, poor: 0 }
  let total = 0
  for (const group of groups) {
    // A count from SQL may arrive as a string (bigint); anything not a positive whole number counts nothing.
    const events = Number(group.events)
    if (!Number.isSafeInteger(events) || events <= 0) continue
    const keys = [...new Set(group.keys)].filter((key) => MATCH_KEYS.includes(key))
    total += events
    ratings[ratingOf(keys)] += events
    for (const key of SHARE_KEYS) if (keys.includes(key)) counts[key] += events
  }
  const share = Object.fromEntries(
    SHARE_KEYS.map((key) => [key, total ? Math.round((counts[key] / total) * 1000) / 1000 : 0])
  ) as MatchQualitySummary["share"]
  return { events: total, share, ratings }
}

export function summarizeMatchQuality(userDatas: Array<UserData | Record<string, unknown> | null | undefined>): MatchQualitySummary {
  return summarizeMatchQualityGroups(userDatas.map((userData) => ({ keys: presentUserDataKeys(userData), events: 1 })))
}
