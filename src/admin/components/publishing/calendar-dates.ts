import type { MetaPublication } from "../../../types/http/publishing"

/**
 * Date arithmetic of the publishing calendar, in the browser's time zone. Weeks start on Monday.
 * Days are local midnights; a move keeps the local time of day.
 */

export type CalendarView = "week" | "month"

/** When a draft without a time lands on a month day. */
const DRAFT_DEFAULT_HOUR = 10

export const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate())

const addDays = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days)

export const isSameDay = (a: Date, b: Date) => startOfDay(a).getTime() === startOfDay(b).getTime()

const startOfWeek = (date: Date) => addDays(date, -((date.getDay() + 6) % 7))

export const weekDays = (anchor: Date) => Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(anchor), i))

/** The whole weeks that hold the anchor's month (five or six of them). */
export const monthGridDays = (anchor: Date) => {
  const first = startOfWeek(new Date(anchor.getFullYear(), anchor.getMonth(), 1))
  const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0)
  const days: Date[] = []
  for (let day = first; day <= last || days.length % 7 !== 0; day = addDays(day, 1)) days.push(day)
  return days
}

export const shiftAnchor = (view: CalendarView, anchor: Date, step: -1 | 1) =>
  view === "week" ? addDays(anchor, 7 * step) : new Date(anchor.getFullYear(), anchor.getMonth() + step, 1)

/** The API range (from the first shown day's midnight to the last one's end) for a view. */
export const calendarRange = (view: CalendarView, anchor: Date) => {
  const days = view === "week" ? weekDays(anchor) : monthGridDays(anchor)
  return { from: days[0].toISOString(), to: new Date(addDays(days[days.length - 1], 1).getTime() - 1).toISOString() }
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric" })
const dayFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" })
export const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: "short" })

export const rangeLabel = (view: CalendarView, anchor: Date) => {
  if (view === "month") return monthFormat.format(anchor)
  const days = weekDays(anchor)
  return `${dayFormat.format(days[0])} – ${dayFormat.format(days[6])}, ${days[6].getFullYear()}`
}

/** "2026-12-24", the calendar's date in the URL. */
export const toDateParam = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`

export const fromDateParam = (value: string | null) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "")
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : startOfDay(new Date())
}

/** Where a publication sits on the calendar: when it went out, or when it is due. */
export const publicationTime = (publication: MetaPublication) => publication.published_at ?? publication.scheduled_at

/** Publications by local day ("2026-12-24") or by day and hour ("2026-12-24T9"), in time order. */
export const groupByDay = (publications: MetaPublication[], byHour = false) => {
  const groups = new Map<string, MetaPublication[]>()
  const timed = publications.filter((p) => publicationTime(p))
  timed.sort((a, b) => Date.parse(publicationTime(a)!) - Date.parse(publicationTime(b)!))
  for (const publication of timed) {
    const at = new Date(publicationTime(publication)!)
    const key = byHour ? `${toDateParam(at)}T${at.getHours()}` : toDateParam(at)
    groups.set(key, [...(groups.get(key) ?? []), publication])
  }
  return groups
}

/**
 * The new time of a publication dropped on `day`: its own time of day (a draft's: 10:00), or the
 * hour of the week view's row it was dropped on, keeping its minutes.
 */
export const movedTime = (publication: MetaPublication, day: Date, hour?: number) => {
  const current = publication.scheduled_at ? new Date(publication.scheduled_at) : null
  return new Date(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    hour ?? current?.getHours() ?? DRAFT_DEFAULT_HOUR,
    current?.getMinutes() ?? 0
  )
}
