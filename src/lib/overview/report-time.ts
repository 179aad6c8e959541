/**
 * Calendar days, weeks and months in the report's time zone. The overview and the ROI report count in the
 * ad account's zone (`timezone_name`), because Meta reports insights per day of that zone
 * (https://developers.facebook.com/docs/marketing-api/insights/ — "time_increment": days are the ad account's)
 * and spend can only be put next to orders of the same days. Days are "YYYY-MM-DD" strings; instants are
 * found with Intl (daylight saving included), so a day may last 23 or 25 hours and a zone may skip midnight.
 */
import { accountClock, isTimeZone } from "../ads/account-time"

export type ReportInterval = "day" | "week" | "month"
export const REPORT_INTERVALS: readonly ReportInterval[] = ["day", "week", "month"]

/** A period of the report: first and last day, both included. */
export type DayRange = { from: string; to: string }

const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 24 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000

/** Whether `value` is a real calendar day written "YYYY-MM-DD" (no 2026-02-30, no 2026-2-3). */
export function isDay(value: unknown): value is string {
  if (typeof value !== "string") return false
  const match = DAY_TEXT.exec(value)
  if (!match) return false
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (y < 1970 || y > 9999) return false
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function parts(day: string): [number, number, number] {
  if (!isDay(day)) throw new RangeError(`${JSON.stringify(day)} is not a day (YYYY-MM-DD)`)
  const [, y, m, d] = DAY_TEXT.exec(day) as RegExpExecArray
  return [Number(y), Number(m), Number(d)]
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The day `n` days after (negative: before) `day`. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day)
  return fromUtc(Date.UTC(y, m - 1, d) + n * DAY_MS)
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = parts(a)
  const [by, bm, bd] = parts(b)
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / DAY_MS)
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(day: string): number {
  const [y, m, d] = parts(day)
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return weekday === 0 ? 7 : weekday
}

/** The Monday that starts the ISO week of `day` (weeks run Monday to Sunday, ISO 8601). */
export function weekStart(day: string): string {
  return addDays(day, 1 - isoWeekday(day))
}

export function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`
}

export function daysInMonth(day: string): number {
  const [y, m] = parts(day)
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** The first day of the period of `interval` that holds `day`. */
export function periodStart(day: string, interval: ReportInterval): string {
  return interval === "day" ? day : interval === "week" ? weekStart(day) : monthStart(day)
}

/** The last day of the period of `interval` that starts on `start`. */
function periodEnd(start: string, interval: ReportInterval): string {
  if (interval === "day") return start
  if (interval === "week") return addDays(start, 6)
  return addDays(start, daysInMonth(start) - 1)
}

/**
 * The periods covering `from`…`to` (both included), oldest first. The first and the last are cut to the
 * range: a report from a Wednesday starts with Wednesday–Sunday, so each period's sums are exactly the days
 * it names.
 */
export function periodsBetween(from: string, to: string, interval: ReportInterval): DayRange[] {
  if (daysBetween(from, to) < 0) throw new RangeError(`from (${from}) is after to (${to})`)
  const out: DayRange[] = []
  let start = periodStart(from, interval)
  while (daysBetween(start, to) >= 0) {
    const end = periodEnd(start, interval)
    out.push({ from: daysBetween(start, from) > 0 ? from : start, to: daysBetween(end, to) < 0 ? to : end })
    start = addDays(end, 1)
  }
  return out
}

/** The calendar day of an instant in `timeZone`. */
export function localDay(instant: Date | number, timeZone: string): string {
  return accountClock(instant, timeZone).date
}

/**
 * The first instant of `day` in `timeZone` (local midnight, as UTC). Where a zone skips midnight (Chile and
 * others start summer time at 24:00), the day starts at the first local time it has, e.g. 01:00.
 */
export function dayStartInstant(day: string, timeZone: string): Date {
  if (!isTimeZone(timeZone)) throw new RangeError(`${JSON.stringify(timeZone)} is not an IANA time zone`)
  const [y, m, d] = parts(day)
  const wall = Date.UTC(y, m - 1, d)
  // The zone's offset at an instant: its wall clock read as if it were UTC, minus the instant.
  const offsetAt = (ms: number) => {
    const clock = accountClock(ms, timeZone)
    const [cy, cm, cd] = parts(clock.date)
    return Date.UTC(cy, cm - 1, cd) + clock.minute * 60_000 - Math.floor(ms / 60_000) * 60_000
  }
  let candidate = wall - offsetAt(wall)
  candidate = wall - offsetAt(candidate)
  // Step to the earliest instant whose local day is `day` (handles gaps and offsets with seconds).
  while (localDay(candidate, timeZone) >= day) candidate -= HOUR_MS
  while (localDay(candidate, timeZone) < day) candidate += 15 * 60_000
  while (localDay(candidate - 60_000, timeZone) === day) candidate -= 60_000
  return new Date(candidate)
}

/** The instants a day range covers in `timeZone`: [start of `from`, start of the day after `to`). */
export function rangeInstants(range: DayRange, timeZone: string): { start: Date; end: Date } {
  return { start: dayStartInstant(range.from, timeZone), end: dayStartInstant(addDays(range.to, 1), timeZone) }
}
