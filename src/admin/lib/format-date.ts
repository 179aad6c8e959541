const DAY = 24 * 60 * 60 * 1000

const absoluteFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
})

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "short" })

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" })

// [unit, its length, the smallest distance shown in it]. Days run up to two
// months so a 60-day Meta token reads "in 59 days", not "in 2 months".
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ["year", 365 * DAY, 365 * DAY],
  ["month", 30 * DAY, 60 * DAY],
  ["day", DAY, DAY],
  ["hour", 60 * 60 * 1000, 60 * 60 * 1000],
  ["minute", 60 * 1000, 60 * 1000],
]

export const formatDateTime = (iso: string) => absoluteFormat.format(new Date(iso))

// "10:00 AM", for a calendar where the day is already shown.
export const formatTime = (iso: string) => timeFormat.format(new Date(iso))

// "in 59 days", "3 hours ago", "now": the largest unit that fits.
export const formatRelative = (iso: string, now: number = Date.now()) => {
  const diff = new Date(iso).getTime() - now
  for (const [unit, length, minimum] of UNITS) {
    if (Math.abs(diff) >= minimum) {
      return relativeFormat.format(Math.round(diff / length), unit)
    }
  }
  return relativeFormat.format(0, "second")
}

// "in 59 days (Mar 12, 2026, 10:00 AM)"
export const formatRelativeAndAbsolute = (iso: string) => `${formatRelative(iso)} (${formatDateTime(iso)})`
