import type { World } from "../world"

/**
 * Insights state beside the world (like publishing's): the insights clock offset and growth factor tests
 * turn, per-object metric overrides and online-follower curves. A reset gives a fresh world and so the
 * defaults back. Everything else is computed, deterministically, from object ids and the insights clock.
 */

/** A metric's fixed value; null = Meta has no figure (the metric is left out of the answer). */
export type MetricOverride = number | Record<string, number> | null
export type MetricOverrides = Record<string, MetricOverride>

type OnlineFollowersOverride = { everyDay?: number[]; byDay: Map<string, number[]> }

type InsightsWorld = {
  clockOffsetMs: number
  growthFactor: number
  overrides: Map<string, MetricOverrides>
  onlineFollowers: Map<string, OnlineFollowersOverride>
}

const insightsWorlds = new WeakMap<World, InsightsWorld>()

export function insightsOf(world: World): InsightsWorld {
  let state = insightsWorlds.get(world)
  if (!state) {
    state = { clockOffsetMs: 0, growthFactor: 1, overrides: new Map(), onlineFollowers: new Map() }
    insightsWorlds.set(world, state)
  }
  return state
}

/** The insights clock: the emulator's clock plus what tests advanced it by. */
export function insightsNow(world: World, nowMs: number): number {
  return nowMs + insightsOf(world).clockOffsetMs
}

export const HOUR_MS = 3600 * 1000
export const DAY_MS = 24 * HOUR_MS

// ---- Deterministic randomness ---------------------------------------------------------------------

/** A uniform number in [0, 1) from the parts (FNV-1a, then a murmur3 finalizer to spread the bits). */
export function unit(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5
  for (const char of parts.join("|")) {
    hash ^= char.charCodeAt(0)
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return (hash >>> 0) / 2 ** 32
}

export function between(low: number, high: number, ...parts: (string | number)[]): number {
  return low + (high - low) * unit(...parts)
}

/** How much of a media's lifetime figures have accrued `elapsedMs` after publishing (time constant `tauMs`). */
export function accrued(elapsedMs: number, tauMs: number): number {
  return elapsedMs <= 0 ? 0 : 1 - Math.exp(-elapsedMs / tauMs)
}

// ---- Meta's reporting day -------------------------------------------------------------------------

/**
 * Insights days are Pacific days: a Page's daily values end at 08:00 GMT (07:00 in summer time), "the
 * first end_time value will be the date specified by since plus 1" (https://developers.facebook.com/docs/pages-api/platforminsights/page).
 * The emulator uses America/Los_Angeles for Page and Instagram days, and for online_followers' hour keys.
 */
export const REPORTING_TIME_ZONE = "America/Los_Angeles"

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: REPORTING_TIME_ZONE, timeZoneName: "shortOffset" })

/** Minutes to add to UTC for the reporting time zone at that instant (-480 or -420). */
function offsetMinutes(ms: number): number {
  const name = offsetFormat.formatToParts(new Date(ms)).find((p) => p.type === "timeZoneName")?.value ?? "GMT"
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name)
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0)
  return match[1] === "-" ? -minutes : minutes
}

/** The start (UTC ms) of the reporting day containing `ms`. */
export function dayStart(ms: number): number {
  const localMidnight = Math.floor((ms + offsetMinutes(ms) * 60000) / DAY_MS) * DAY_MS
  const candidate = localMidnight - offsetMinutes(ms) * 60000
  return localMidnight - offsetMinutes(candidate) * 60000
}

/** The start of the next reporting day (days are 23–25 hours long around daylight saving changes). */
export function nextDayStart(start: number): number {
  return dayStart(start + 30 * HOUR_MS)
}

export function previousDayStart(start: number): number {
  return dayStart(start - 1)
}

/** "YYYY-MM-DD" of the reporting day starting at `start`. */
export function dayKey(start: number): string {
  return new Date(start + offsetMinutes(start) * 60000).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday, of the reporting day. */
export function weekdayOf(start: number): number {
  return new Date(start + offsetMinutes(start) * 60000).getUTCDay()
}

/** Day starts from the day of `sinceMs` while before `untilMs` and not in the future. */
export function reportingDays(sinceMs: number, untilMs: number, nowMs: number): number[] {
  const days: number[] = []
  for (let start = dayStart(sinceMs); start < untilMs && start <= nowMs; start = nextDayStart(start)) days.push(start)
  return days
}

/** How much of the day has passed (1 for past days, a fraction today). */
export function dayCompletion(start: number, nowMs: number): number {
  const end = nextDayStart(start)
  return Math.max(0, Math.min(1, (nowMs - start) / (end - start)))
}

/** Audience activity by weekday (Sunday first): weekends are a little busier. */
export const WEEKDAY_FACTOR = [1.1, 0.9, 0.95, 1, 1, 1.05, 1.15]

// ---- Online followers ------------------------------------------------------------------------------

/**
 * The share of followers online in each hour of the reporting day: a small morning bump at 8, a lunch
 * peak at 12 and the evening peak at 20, the day's highest (ranked: 20, then 19 and 21, then 12 on
 * weekdays; on weekends a stronger lunch and a softer evening, 20 still first and 12 within the top 4).
 * Per-hour noise is ±4 %, too little to reorder the peaks.
 */
export function onlineShare(hour: number, weekday: number): number {
  const bump = (center: number, width: number) => Math.exp(-((hour - center) ** 2) / (2 * width ** 2))
  const weekend = weekday === 0 || weekday === 6
  return 0.03 + 0.05 * bump(8, 1.2) + (weekend ? 0.22 : 0.2) * bump(12, 1.2) + (weekend ? 0.27 : 0.3) * bump(20, 1.5)
}

export function onlineFollowersOf(world: World, igUserId: string, followers: number, start: number): number[] {
  const override = insightsOf(world).onlineFollowers.get(igUserId)
  const fixed = override?.byDay.get(dayKey(start)) ?? override?.everyDay
  if (fixed) return [...fixed]
  const weekday = weekdayOf(start)
  return Array.from({ length: 24 }, (_, hour) =>
    Math.min(followers, Math.round(followers * onlineShare(hour, weekday) * between(0.96, 1.04, igUserId, dayKey(start), hour, "online")))
  )
}

export function setOnlineFollowers(world: World, igUserId: string, days: number[] | Record<string, number[]>): void {
  const check = (hours: unknown, where: string): number[] => {
    if (!Array.isArray(hours) || hours.length !== 24 || hours.some((n) => !Number.isInteger(n) || n < 0)) {
      throw new Error(`${where} must be 24 non-negative integers (followers online in hours 0–23)`)
    }
    return hours as number[]
  }
  if (Array.isArray(days)) {
    insightsOf(world).onlineFollowers.set(igUserId, { everyDay: check(days, "online followers"), byDay: new Map() })
    return
  }
  const byDay = new Map<string, number[]>()
  for (const [key, hours] of Object.entries(days)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) throw new Error(`Online follower days are keyed "YYYY-MM-DD", not "${key}"`)
    byDay.set(key, check(hours, `online followers of ${key}`))
  }
  insightsOf(world).onlineFollowers.set(igUserId, { byDay })
}

/** The object's values with its overrides applied; null overrides remove the metric. */
export function applyOverrides(world: World, objectId: string, values: Record<string, unknown>): Record<string, unknown> {
  const overrides = insightsOf(world).overrides.get(objectId)
  if (!overrides) return values
  const out: Record<string, unknown> = { ...values }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) delete out[name]
    else out[name] = value
  }
  return out
}
