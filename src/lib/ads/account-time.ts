/**
 * Wall-clock time in the ad account's time zone (`timezone_name`, an IANA name such as "Europe/Berlin"). Meta
 * reports insights days and runs DAILY rules at midnight in that zone
 * (https://developers.facebook.com/docs/marketing-api/ad-rules/guides/scheduled-based-rules), so "changes per
 * day" and "active hours" are counted there too. Intl does the zone arithmetic, daylight saving included.
 */
import { AdsValueError } from "./money"

export type AccountClock = {
  /** Calendar day in the account zone, "YYYY-MM-DD". */
  date: string
  /** 0 = Sunday … 6 = Saturday, as JavaScript's getDay and Meta's CUSTOM schedule `days`. */
  weekday: number
  /** Minutes since local midnight, 0–1439. */
  minute: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        weekday: "short",
      })
    } catch {
      throw new AdsValueError("invalid_timezone", `${JSON.stringify(timeZone)} is not an IANA time zone`)
    }
    formatters.set(timeZone, formatter)
  }
  return formatter
}

export function isTimeZone(timeZone: unknown): boolean {
  if (typeof timeZone !== "string" || !timeZone.trim()) return false
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

/** The account-zone calendar day, weekday and minute of an instant. Throws for an unknown zone. */
export function accountClock(instant: Date | number, timeZone: string): AccountClock {
  const ms = instant instanceof Date ? instant.getTime() : instant
  if (!Number.isFinite(ms)) throw new AdsValueError("invalid_time", "the time is not a valid instant")
  const parts: Record<string, string> = {}
  for (const part of formatterFor(timeZone).formatToParts(ms)) parts[part.type] = part.value
  const hour = Number(parts.hour) % 24
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday] ?? 0,
    minute: hour * 60 + Number(parts.minute),
  }
}

/** True when both instants fall on the same calendar day in the account zone. */
export function sameAccountDay(a: Date | number, b: Date | number, timeZone: string): boolean {
  return accountClock(a, timeZone).date === accountClock(b, timeZone).date
}
