/**
 * The calendar days of a lookback window in the ad account's time zone, as Meta counts its insights
 * `date_preset`s (https://developers.facebook.com/docs/marketing-api/insights/parameters/ — date_preset):
 * `today` is the current day; `last_3d`, `last_7d`, `last_14d`, `last_30d` are the N whole days BEFORE today,
 * today excluded. The store's own figures (orders attributed to ads) are cut by the same days, so store ROAS
 * divides revenue and spend of the same window.
 */
import { accountClock } from "./account-time"
import { AdsValueError } from "./money"
import { RULE_LOOKBACKS, type RuleLookback } from "./rule-definition"

/** Inclusive, "YYYY-MM-DD" in the account zone. */
export type DayRange = { since: string; until: string }

const DAY_MS = 86_400_000

/** "YYYY-MM-DD" plus `days` (calendar arithmetic, no time zone involved). */
export function addCalendarDays(date: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new AdsValueError("invalid_date", `${JSON.stringify(date)} is not a YYYY-MM-DD date`)
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + days * DAY_MS
  return new Date(ms).toISOString().slice(0, 10)
}

export function lookbackDays(lookback: RuleLookback, now: Date | number, timeZone: string): DayRange {
  const today = accountClock(now, timeZone).date
  if (lookback === "today") return { since: today, until: today }
  const match = /^last_(\d+)d$/.exec(lookback)
  if (!match || !(RULE_LOOKBACKS as readonly string[]).includes(lookback)) {
    throw new AdsValueError("invalid_lookback", `${JSON.stringify(lookback)} is not a lookback (${RULE_LOOKBACKS.join(", ")})`)
  }
  return { since: addCalendarDays(today, -Number(match[1])), until: addCalendarDays(today, -1) }
}

/** Every lookback's days at `now`. */
export function lookbackRanges(now: Date | number, timeZone: string): { lookback: RuleLookback; since: string; until: string }[] {
  return RULE_LOOKBACKS.map((lookback) => ({ lookback, ...lookbackDays(lookback, now, timeZone) }))
}
