import type { MetaBestTimeSlot } from "../../../types/http/insights"

/**
 * The best-time slots arrive as UTC hour-of-week slots (weekday 0 = Sunday, hour 0–23). The merchant reads
 * them on their own clock; these functions move them there and pick the ones worth suggesting.
 * Framework-free so they can be tested.
 */

const MINUTES_PER_DAY = 24 * 60
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY
const MS_PER_MINUTE = 60_000
const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE

/** The time a UTC slot starts at on the merchant's clock (India, UTC+5:30: 10:00 UTC → 15:30). */
export type LocalTime = { weekday: number; hour: number; minute: number }

export type LocalSlot = { slot: MetaBestTimeSlot; local: LocalTime }

const mod = (value: number, by: number) => ((value % by) + by) % by

/** Minutes the browser's clock is ahead of UTC at `at`: +330 in India, −240 in New York in summer. */
export const utcOffsetMinutes = (at: Date = new Date()) => {
  const behind = at.getTimezoneOffset()
  return behind === 0 ? 0 : -behind
}

/**
 * Where a UTC slot starts on a clock `offsetMinutes` ahead of UTC. With a half-hour offset every slot starts
 * at :30, so the 168 slots still fill the 7 × 24 local grid one each (the hour is the one the slot starts in).
 */
export const toLocalTime = (weekday: number, hour: number, offsetMinutes: number): LocalTime => {
  const minuteOfWeek = mod(weekday * MINUTES_PER_DAY + hour * 60 + offsetMinutes, MINUTES_PER_WEEK)
  return {
    weekday: Math.floor(minuteOfWeek / MINUTES_PER_DAY),
    hour: Math.floor((minuteOfWeek % MINUTES_PER_DAY) / 60),
    minute: minuteOfWeek % 60,
  }
}

/** The minute every local slot starts at: 0 for whole-hour offsets, 30 in India, 45 in Nepal. */
export const slotStartMinute = (offsetMinutes: number) => mod(offsetMinutes, 60)

/**
 * The 7 × 24 heatmap on the merchant's clock: `grid[weekday][hour]` (weekday 0 = Sunday) is the slot that starts
 * in that local hour. One offset for the whole week (today's), so a daylight-saving change next week cannot
 * put two slots in one cell.
 */
export const localWeekGrid = (slots: MetaBestTimeSlot[], offsetMinutes: number): (LocalSlot | undefined)[][] => {
  const grid: (LocalSlot | undefined)[][] = Array.from({ length: 7 }, () => Array<LocalSlot | undefined>(24).fill(undefined))
  for (const slot of slots) {
    const local = toLocalTime(slot.weekday, slot.hour, offsetMinutes)
    grid[local.weekday][local.hour] = { slot, local }
  }
  return grid
}

/** Best first (the routes already answer so; sorting again keeps this true for any list). */
export const rankedSlots = (slots: MetaBestTimeSlot[]) => [...slots].sort((a, b) => b.score - a.score)

/** The heatmap's colour steps: 0 for a slot with no score, then 1–4 by its share of the best score. */
export const HEAT_LEVELS = 5

export const heatLevel = (score: number, maxScore: number) => {
  if (!(maxScore > 0) || !(score > 0)) return 0
  return Math.min(HEAT_LEVELS - 1, Math.max(1, Math.ceil((score / maxScore) * (HEAT_LEVELS - 1))))
}

/** How strongly a level's cell is tinted; the colour itself comes from the theme so dark mode works. */
export const HEAT_OPACITY: readonly number[] = [0, 0.25, 0.5, 0.75, 1]

/** The first time at or after `after` that the UTC slot begins (an exact instant, daylight saving included). */
export const nextOccurrence = (slot: Pick<MetaBestTimeSlot, "weekday" | "hour">, after: Date) => {
  const sameDayStart = Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), slot.hour)
  let at = sameDayStart + mod(slot.weekday - after.getUTCDay(), 7) * MS_PER_DAY
  if (at < after.getTime()) at += 7 * MS_PER_DAY
  return new Date(at)
}

/**
 * Suggestions take the soonest of the week's ten best hours (the top 6 % of 168): each is a good time, and
 * the first of them is rarely more than a day or two away.
 */
const SUGGESTION_POOL = 10
/** A suggestion leaves time to finish the post: one starting in less than this is skipped to next week. */
const SUGGESTION_LEAD_MINUTES = 15

export type SuggestedTime = { slot: MetaBestTimeSlot; at: Date }

/** The next `count` upcoming best times, soonest first. */
export const suggestedTimes = (slots: MetaBestTimeSlot[], now: Date, count = 3): SuggestedTime[] => {
  const earliest = new Date(now.getTime() + SUGGESTION_LEAD_MINUTES * MS_PER_MINUTE)
  return rankedSlots(slots)
    .filter((slot) => slot.score > 0)
    .slice(0, SUGGESTION_POOL)
    .map((slot) => ({ slot, at: nextOccurrence(slot, earliest) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(0, count)
}

// ── Words ────────────────────────────────────────────────────────────────────────────────────────────

/** A Sunday (2023-01-01, UTC): weekday n is n days later. Formatting in UTC keeps it that weekday everywhere. */
const REFERENCE_SUNDAY = Date.UTC(2023, 0, 1)

const formats = new Map<string, Intl.DateTimeFormat>()
const utcFormat = (locale: string | undefined, options: Intl.DateTimeFormatOptions) => {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" })
    formats.set(key, format)
  }
  return format
}

/** "Tuesday" / "Tue" for weekday 2. */
export const weekdayName = (weekday: number, style: "long" | "short" = "long", locale?: string) =>
  utcFormat(locale, { weekday: style }).format(REFERENCE_SUNDAY + weekday * MS_PER_DAY)

/** "3:30 PM" / "15:30", as the locale writes a time of day. */
export const clockTime = (hour: number, minute: number, locale?: string) =>
  utcFormat(locale, { hour: "numeric", minute: "2-digit" }).format(Date.UTC(2023, 0, 1, hour, minute))

/** "3 PM" / "15", for the heatmap's hour columns (":30" added where every slot starts on the half hour). */
export const hourLabel = (hour: number, minute: number, locale?: string) =>
  minute === 0 ? utcFormat(locale, { hour: "numeric" }).format(Date.UTC(2023, 0, 1, hour)) : clockTime(hour, minute, locale)

/** "Tuesday at 3:30 PM". */
export const describeLocalTime = (local: LocalTime, locale?: string) =>
  `${weekdayName(local.weekday, "long", locale)} at ${clockTime(local.hour, local.minute, locale)}`

/** The heatmap's rows: weeks start on Monday, as on the publishing calendar. */
export const WEEKDAYS_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0] as const
