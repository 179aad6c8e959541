import { engagementOf, reachOf } from "../../../lib/insights/parse-insights"
import { formatPrice } from "../../../lib/publishing/caption"
import type { MetaAccountInsightDay, MetaAttributedRevenue, MetaInsightMetrics } from "../../../types/http/insights"

/**
 * Reading and wording the insights figures: which of Meta's metric names carries a measure on each platform,
 * numbers, rates and money for people, and the date range of a preset. Framework-free so it can be tested.
 */

/** What a screen says when Meta has no figures yet and gave no other reason. */
export const NO_INSIGHTS_YET = "No insights yet: Meta reports figures up to 48 hours after a post is published."

export type InsightMeasure = "views" | "reach" | "interactions" | "likes" | "comments" | "shares" | "saved"

/**
 * Meta's names for a count, Instagram's first. Facebook renamed its views in 2025 (`page_media_view`,
 * `post_media_view` replaced the `*_impressions` metrics); a Facebook video counts `total_video_views`, a reel
 * `blue_reels_play_count` (plays, replays not counted).
 * Reach and interactions are read as the routes compute the engagement rate (`reachOf`, `engagementOf`),
 * so the figures and the rate agree.
 */
const METRIC_NAMES: Record<Exclude<InsightMeasure, "reach" | "interactions">, readonly string[]> = {
  views: ["views", "page_media_view", "post_media_view", "total_video_views", "blue_reels_play_count"],
  likes: ["likes"],
  comments: ["comments"],
  shares: ["shares"],
  saved: ["saved"],
}

export const MEASURE_LABEL: Record<InsightMeasure, string> = {
  views: "Views",
  reach: "Reach",
  interactions: "Interactions",
  likes: "Likes",
  comments: "Comments",
  shares: "Shares",
  saved: "Saves",
}

/** The measure's value, or null when Meta did not report it (absent is not 0). */
export const readMetric = (metrics: MetaInsightMetrics | null | undefined, measure: InsightMeasure): number | null => {
  if (!metrics) return null
  if (measure === "reach") return reachOf(metrics)
  if (measure === "interactions") return engagementOf(metrics)
  for (const name of METRIC_NAMES[measure]) {
    const value = metrics[name]
    if (typeof value === "number" && Number.isFinite(value)) return value
  }
  return null
}

const numberFormats = new Map<string, Intl.NumberFormat>()
const numberFormat = (locale: string | undefined, options: Intl.NumberFormatOptions) => {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    numberFormats.set(key, format)
  }
  return format
}

/** "12,345", or "—" when there is no figure. */
export const formatCount = (value: number | null | undefined, locale?: string) =>
  value === null || value === undefined ? "—" : numberFormat(locale, { maximumFractionDigits: 0 }).format(value)

/** "12K", for chart axes. */
export const formatCompact = (value: number, locale?: string) =>
  numberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value)

/** A share (0.034) as "3.4%", or "—". */
export const formatRate = (rate: number | null | undefined, locale?: string) =>
  rate === null || rate === undefined || !Number.isFinite(rate)
    ? "—"
    : numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(rate)

/** "+120" / "−35" / "0": a change of followers. */
export const formatChange = (change: number, locale?: string) =>
  numberFormat(locale, { signDisplay: "exceptZero", maximumFractionDigits: 0 }).format(change)

/** "$129.90" from the routes' decimal string; the code and amount as they came when Intl cannot format them. */
export const formatMoney = (amount: string, currencyCode: string, locale?: string) =>
  formatPrice(amount, currencyCode, locale ?? new Intl.NumberFormat().resolvedOptions().locale) ||
  `${amount} ${currencyCode.toUpperCase()}`

/** One text per currency, alphabetically ("$129.90", "€40.00"); amounts in different currencies are never added. */
export const formatRevenue = (revenue: MetaAttributedRevenue["revenue"], locale?: string) =>
  [...revenue]
    .sort((a, b) => a.currency_code.localeCompare(b.currency_code))
    .map(({ amount, currency_code }) => formatMoney(amount, currency_code, locale))

const dayFormats = new Map<string, Intl.DateTimeFormat>()

/** "Mar 12" for a UTC day ("2026-03-12"); read in UTC so the label is the day the figures are for. */
export const formatInsightDay = (day: string, locale?: string) => {
  const key = locale ?? ""
  let format = dayFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" })
    dayFormats.set(key, format)
  }
  const at = Date.parse(`${day}T00:00:00Z`)
  return Number.isNaN(at) ? day : format.format(at)
}

export const RANGE_PRESETS = [7, 30, 90] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]
export const DEFAULT_RANGE: RangePreset = 30

export const isRangePreset = (value: number): value is RangePreset => (RANGE_PRESETS as readonly number[]).includes(value)

/**
 * The last `days` days up to the end of today, on the merchant's clock. Midnight to midnight, so the range
 * (and with it the cached answer) stays the same all day.
 */
export const rangeForPreset = (days: number, now: Date = new Date()) => {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1))
  const to = new Date(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - 1)
  return { from: from.toISOString(), to: to.toISOString() }
}

/** The followers at the end of the range and how many were won or lost in it (days without a figure skipped). */
export const followersChange = (days: MetaAccountInsightDay[]) => {
  const known = days.filter(
    (d): d is MetaAccountInsightDay & { followers_count: number } => typeof d.followers_count === "number"
  )
  if (known.length === 0) return null
  const last = known[known.length - 1].followers_count
  return { current: last, change: known.length > 1 ? last - known[0].followers_count : null }
}

/** The mean of a measure over the days Meta reported it (reach does not add up over days; its mean does). */
export const dailyAverage = (days: MetaAccountInsightDay[], measure: InsightMeasure) => {
  const values = days.map((d) => readMetric(d.metrics, measure)).filter((v): v is number => v !== null)
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null
}

/** A measure's total over the range: the routes' total when given, else the sum of the days that have it. */
export const rangeTotal = (totals: MetaInsightMetrics, days: MetaAccountInsightDay[], measure: InsightMeasure) => {
  const total = readMetric(totals, measure)
  if (total !== null) return total
  const values = days.map((d) => readMetric(d.metrics, measure)).filter((v): v is number => v !== null)
  return values.length ? values.reduce((sum, v) => sum + v, 0) : null
}

export type AccountSeriesPoint = {
  day: string
  followers: number | null
  reach: number | null
  views: number | null
  interactions: number | null
}

/** One chart point per day, oldest first; a figure Meta did not report stays null (a gap, not a drop to 0). */
export const accountSeries = (days: MetaAccountInsightDay[]): AccountSeriesPoint[] =>
  [...days]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((d) => ({
      day: d.day,
      followers: d.followers_count,
      reach: readMetric(d.metrics, "reach"),
      views: readMetric(d.metrics, "views"),
      interactions: readMetric(d.metrics, "interactions"),
    }))

/** The most interacted-with posts first; posts without the figure last, in the routes' order. */
export const topByInteractions = <T extends { metrics: MetaInsightMetrics }>(publications: T[], count: number) =>
  publications
    .map((publication, index) => ({ publication, index, value: readMetric(publication.metrics, "interactions") }))
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.index - b.index)
    .slice(0, count)
    .map(({ publication }) => publication)

/** The caption's first line, cut at `max` characters (whole code points, so an emoji is never split). */
export const captionPreview = (caption: string | null | undefined, max = 48) => {
  const firstLine = (caption ?? "").trim().split("\n")[0].trim()
  const chars = Array.from(firstLine)
  return chars.length > max ? `${chars.slice(0, max - 1).join("").trimEnd()}…` : firstLine
}
