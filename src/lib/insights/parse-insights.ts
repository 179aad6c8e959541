import type { MetaPublicationKind } from "../../types/http/publishing"
import type { MetaInsightMetrics } from "../../types/http/insights"

/**
 * Meta's insights answers, normalised. An insights call answers
 * `{ data: [{ name, period, values: [{ value, end_time }], total_value: { value } }] }`
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights,
 * https://developers.facebook.com/docs/graph-api/reference/v25.0/insights). Meta's own rules this file keeps:
 * - "If insights data you are requesting does not exist or is currently unavailable, the API returns an empty
 *   data set instead of 0": a metric Meta did not report stays absent, it never becomes 0.
 * - "Data used to calculate metrics can be delayed up to 48 hours"; "Story media metrics are only available
 *   for 24 hours"; "Metrics data is stored for up to 2 years"; small audiences answer error code 10
 *   "(#10) Not enough viewers for the media to show insights".
 */

export const INSIGHTS_DELAY_MS = 48 * 60 * 60 * 1000
export const STORY_INSIGHTS_LIFETIME_MS = 24 * 60 * 60 * 1000
export const INSIGHTS_RETENTION_MS = 2 * 365 * 24 * 60 * 60 * 1000

export const REASON_TOO_NEW = "Meta reports insights up to 48 hours after publishing; the figures appear here once Meta has them."
export const REASON_NOT_ENOUGH_VIEWERS = "Meta shows insights only once enough people have seen the post; the figures appear when it reaches more people."
export const REASON_STORY_EXPIRED = "Instagram keeps a story's insights for 24 hours only; this story's figures are no longer available."
export const REASON_BEFORE_CONVERSION = "Instagram has no insights for posts published before the account became a professional (business or creator) account."
export const REASON_TOO_OLD = "Meta keeps insights for 2 years; this post is older than that."
export const REASON_GONE = "Meta no longer finds this post: it was deleted, or the connected account lost access to it."
export const REASON_EMPTY = "Meta reported no figures for this post."
export const REASON_RECONNECT =
  "The connection to Meta has expired or lacks the insights permission (instagram_manage_insights / read_insights). Reconnect Meta in Settings → Meta and grant every permission it asks for."
export const REASON_RETRY = "Meta had a temporary problem or is limiting calls; the figures are read again automatically."

/** What a read of one object's insights came to. */
export type InsightsOutcome = "figures" | "no_figures_yet" | "unavailable" | "invalid_metric" | "reconnect" | "retry" | "error"

export type InsightsReading = {
  outcome: InsightsOutcome
  /** Meta's figures; empty unless the outcome is "figures" (which may hold fewer metrics than asked). */
  metrics: MetaInsightMetrics
  /** Why there are no figures, in the merchant's words; null when there are. */
  reason: string | null
  /** Worth asking again soon (before the next scheduled refresh). */
  retry: boolean
  /** The metrics Meta refused, when its message names them (drop them and ask again). */
  metrics_refused?: string[]
  /** Meta's error, for logs and support (already scrubbed of secrets by the Graph client). */
  error?: { code?: number; subcode?: number; category?: string; message?: string; httpStatus?: number }
}

/** What the reader knows about the object, to tell "too new" and "story expired" apart from real errors. */
export type InsightsReadContext = {
  kind?: MetaPublicationKind | null
  publishedAt?: Date | string | number | null
  now?: Date
}

/** The part of a Graph error this file reads (a GraphError fits). */
export type InsightsErrorInput = {
  code?: number | null
  subcode?: number | null
  message?: string | null
  userTitle?: string | null
  userMessage?: string | null
  category?: string | null
  httpStatus?: number | null
}

type DataEntry = { name: string; values?: unknown; total_value?: unknown }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** A finite number, or a string that is exactly a decimal number ("12", "3.5"); anything else is not a figure. */
export function insightNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    const n = Number(value)
    return Number.isFinite(n) ? n : undefined
  }
  return undefined
}

function dataEntries(body: unknown): DataEntry[] {
  if (!isRecord(body) || !Array.isArray(body.data)) return []
  return body.data.filter((e): e is DataEntry => isRecord(e) && typeof e.name === "string" && e.name !== "")
}

function valuesOf(entry: DataEntry): Record<string, unknown>[] {
  return Array.isArray(entry.values) ? entry.values.filter(isRecord) : []
}

/**
 * The latest figure per metric: `total_value.value` when Meta sends one, else the last of `values[]`. Objects
 * (breakdowns, `online_followers`' hour map) and non-numbers are left out; see parseOnlineFollowers for those.
 */
export function parseInsightMetrics(body: unknown): MetaInsightMetrics {
  const metrics: MetaInsightMetrics = {}
  for (const entry of dataEntries(body)) {
    let value = isRecord(entry.total_value) ? insightNumber(entry.total_value.value) : undefined
    if (value === undefined) {
      const values = valuesOf(entry)
      for (let i = values.length - 1; i >= 0 && value === undefined; i--) value = insightNumber(values[i].value)
    }
    if (value !== undefined) metrics[entry.name] = value
  }
  return metrics
}

/**
 * The day a daily value describes. Meta stamps a day's value with the `end_time` that closes it, in the
 * account's time zone ("2024-05-02T07:00:00+0000" closes 1 May in California); the middle of the 24 hours
 * before it falls on that day for any zone within ±12 hours.
 */
export function insightDayOf(endTime: unknown): string | undefined {
  if (typeof endTime !== "string") return undefined
  const iso = endTime.trim().replace(/([+-]\d{2})(\d{2})$/, "$1:$2")
  const ms = Date.parse(iso)
  if (!Number.isFinite(ms)) return undefined
  return new Date(ms - 12 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

/** A daily series (`period=day`): one point per day, oldest first; numeric values only. */
export function parseInsightSeries(body: unknown): { day: string; metrics: MetaInsightMetrics }[] {
  const byDay = new Map<string, MetaInsightMetrics>()
  for (const entry of dataEntries(body)) {
    for (const point of valuesOf(entry)) {
      const day = insightDayOf(point.end_time)
      const value = insightNumber(point.value)
      if (day === undefined || value === undefined) continue
      const metrics = byDay.get(day) ?? {}
      metrics[entry.name] = value
      byDay.set(day, metrics)
    }
  }
  return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([day, metrics]) => ({ day, metrics }))
}

export type OnlineFollowersDay = {
  /** YYYY-MM-DD. */
  date: string
  /** Followers online per hour key 0–23; null where Meta gave no usable number. */
  hours: (number | null)[]
}

/**
 * `online_followers` (`period=lifetime`): `values[]` holds one entry per day whose `value` maps hour keys
 * "0"…"23" to a count. Keys may be missing and counts may come as strings; a day without any usable count is
 * dropped, and a day Meta sends twice keeps its later entry. Meta does not document the time zone of the hour keys.
 */
export function parseOnlineFollowers(body: unknown): OnlineFollowersDay[] {
  const byDate = new Map<string, (number | null)[]>()
  for (const entry of dataEntries(body)) {
    if (entry.name !== "online_followers") continue
    for (const point of valuesOf(entry)) {
      const date = insightDayOf(point.end_time)
      if (date === undefined || !isRecord(point.value)) continue
      const hours: (number | null)[] = new Array(24).fill(null)
      let any = false
      for (const [key, raw] of Object.entries(point.value)) {
        if (!/^\d{1,2}$/.test(key)) continue
        const hour = Number(key)
        const count = insightNumber(raw)
        if (hour > 23 || count === undefined || count < 0) continue
        hours[hour] = count
        any = true
      }
      if (any) byDate.set(date, hours)
    }
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, hours]) => ({ date, hours }))
}

const FACEBOOK_ENGAGEMENT_PARTS = [
  "post_reactions_like_total",
  "post_reactions_love_total",
  "post_reactions_wow_total",
  "post_reactions_haha_total",
  "post_reactions_sorry_total",
  "post_reactions_anger_total",
  "post_clicks",
]
const INSTAGRAM_ENGAGEMENT_PARTS = ["likes", "comments", "shares", "saved"]

function known(metrics: MetaInsightMetrics, name: string): number | undefined {
  const value = metrics[name]
  return typeof value === "number" && Number.isFinite(value) ? value : undefined
}

function sumOfKnown(metrics: MetaInsightMetrics, names: readonly string[]): number | undefined {
  let sum: number | undefined
  for (const name of names) {
    const value = known(metrics, name)
    if (value !== undefined) sum = (sum ?? 0) + value
  }
  return sum
}

/**
 * Interactions: Instagram's `total_interactions` (likes, saves, comments, shares minus undos), a Page's
 * `page_post_engagements`, else the sum of the parts Meta reported (Facebook reactions + clicks; Instagram
 * likes, comments, shares, saves). Null when Meta reported none of them.
 */
export function engagementOf(metrics: MetaInsightMetrics): number | null {
  return (
    known(metrics, "total_interactions") ??
    known(metrics, "page_post_engagements") ??
    sumOfKnown(metrics, FACEBOOK_ENGAGEMENT_PARTS) ??
    sumOfKnown(metrics, INSTAGRAM_ENGAGEMENT_PARTS) ??
    null
  )
}

/** Unique people reached: Instagram `reach`, Facebook `post_total_media_view_unique` / `page_total_media_view_unique`. */
export function reachOf(metrics: MetaInsightMetrics): number | null {
  return known(metrics, "reach") ?? known(metrics, "post_total_media_view_unique") ?? known(metrics, "page_total_media_view_unique") ?? null
}

/** Interactions ÷ reach; null when either is unknown or nobody was reached. */
export function engagementRate(metrics: MetaInsightMetrics): number | null {
  const engagement = engagementOf(metrics)
  const reach = reachOf(metrics)
  if (engagement === null || reach === null || reach <= 0) return null
  return engagement / reach
}

function ageMs(context: InsightsReadContext): number | undefined {
  const raw = context.publishedAt
  if (raw === null || raw === undefined) return undefined
  const published = raw instanceof Date ? raw.getTime() : typeof raw === "number" ? raw : Date.parse(raw)
  const now = (context.now ?? new Date()).getTime()
  return Number.isFinite(published) && Number.isFinite(now) ? now - published : undefined
}

function storyExpired(context: InsightsReadContext): boolean {
  const age = ageMs(context)
  return context.kind === "instagram_story" && age !== undefined && age > STORY_INSIGHTS_LIFETIME_MS
}

function noFigures(outcome: InsightsOutcome, reason: string, retry: boolean, extra: Partial<InsightsReading> = {}): InsightsReading {
  return { outcome, metrics: {}, reason, retry, ...extra }
}

/**
 * A 2xx insights answer: figures when Meta gave any; otherwise why not ("too new" in the first 48 hours,
 * "expired" for a story past 24 hours, "too old" past 2 years, else Meta simply reported nothing).
 */
export function readInsightsAnswer(body: unknown, context: InsightsReadContext = {}): InsightsReading {
  const metrics = parseInsightMetrics(body)
  if (Object.keys(metrics).length > 0) return { outcome: "figures", metrics, reason: null, retry: false }
  if (storyExpired(context)) return noFigures("unavailable", REASON_STORY_EXPIRED, false)
  const age = ageMs(context)
  if (age !== undefined && age < INSIGHTS_DELAY_MS) return noFigures("no_figures_yet", REASON_TOO_NEW, true)
  if (age !== undefined && age > INSIGHTS_RETENTION_MS) return noFigures("unavailable", REASON_TOO_OLD, false)
  return noFigures("no_figures_yet", REASON_EMPTY, false)
}

/**
 * The metrics Meta names when it refuses them: "The Media Insights API does not support the follows, views
 * metric for this media product type", "the impressions metric is no longer supported", "Invalid metric: x".
 */
export function refusedMetricsOf(message: string | null | undefined): string[] {
  if (!message) return []
  const patterns = [
    /does not support the ([a-z0-9_]+(?:\s*,\s*[a-z0-9_]+)*) metrics?\b/i,
    /\bthe ([a-z0-9_]+) metric is no longer supported/i,
    /\bmetric\s+"?([a-z0-9_]+)"?\s+is\s+(?:not\s+valid|invalid|deprecated|not\s+supported)/i,
    /\binvalid\s+metric\s*[:=]?\s*"?([a-z0-9_]+)"?/i,
  ]
  for (const pattern of patterns) {
    const match = pattern.exec(message)
    if (match) return match[1].split(",").map((m) => m.trim()).filter((m) => m !== "")
  }
  return []
}

function isInvalidMetricMessage(message: string): boolean {
  return (
    /must be a valid insights metric/i.test(message) ||
    /metric\[\d+\] must be one of/i.test(message) ||
    refusedMetricsOf(message).length > 0
  )
}

const THROTTLE_CODES = new Set([4, 17, 32, 341, 613])

/**
 * A Graph error on an insights call, sorted into "no figures yet" (not an error: Meta has nothing to show yet),
 * "unavailable" (Meta will never have figures for this object) and real errors, each with a merchant-readable reason.
 */
export function classifyInsightsError(error: InsightsErrorInput, context: InsightsReadContext = {}): InsightsReading {
  const code = error.code ?? undefined
  const subcode = error.subcode ?? undefined
  const message = error.message ?? ""
  const detail = {
    error: {
      ...(code !== undefined ? { code } : {}),
      ...(subcode !== undefined ? { subcode } : {}),
      ...(error.category ? { category: error.category } : {}),
      ...(message ? { message } : {}),
      ...(error.httpStatus !== undefined && error.httpStatus !== null ? { httpStatus: error.httpStatus } : {}),
    },
  }
  const age = ageMs(context)

  // Code 10 is also "permission denied"; only its "not enough viewers" message means "no figures yet".
  if (/not enough viewers/i.test(message)) {
    return storyExpired(context)
      ? noFigures("unavailable", REASON_STORY_EXPIRED, false, detail)
      : noFigures("no_figures_yet", REASON_NOT_ENOUGH_VIEWERS, false, detail)
  }
  if (subcode === 2108006 || /before (the )?business account conversion/i.test(message)) {
    return noFigures("unavailable", REASON_BEFORE_CONVERSION, false, detail)
  }
  if (code === 100 && isInvalidMetricMessage(message)) {
    const refused = refusedMetricsOf(message)
    const reason =
      refused.length > 0
        ? `Meta does not accept the insights metric${refused.length > 1 ? "s" : ""} ${refused.map((m) => `"${m}"`).join(", ")} for this post; the plugin needs an update to read its figures.`
        : "Meta refused one of the insights metrics asked for this post; the plugin needs an update to read its figures."
    return noFigures("invalid_metric", reason, false, { ...detail, ...(refused.length > 0 ? { metrics_refused: refused } : {}) })
  }

  const category = error.category ?? undefined
  const authFailure = category === "auth" || code === 190 || code === 102
  const passing =
    category === "throttled" ||
    category === "transient" ||
    (code !== undefined && (THROTTLE_CODES.has(code) || (code >= 80000 && code <= 80014) || code === 1 || code === 2))
  // Past 24 hours a story's insights are gone; Meta may say so with a permission-style code 10.
  const texts = `${message} ${error.userTitle ?? ""} ${error.userMessage ?? ""}`
  const saysStoryExpired = /expired|only available for 24 hours/i.test(texts) && (context.kind === "instagram_story" || /story/i.test(texts))
  if (!authFailure && !passing && (storyExpired(context) || saysStoryExpired)) {
    return noFigures("unavailable", REASON_STORY_EXPIRED, false, detail)
  }
  if (authFailure || category === "permission" || code === 10 || (code !== undefined && code >= 200 && code <= 299)) {
    return noFigures("reconnect", REASON_RECONNECT, false, detail)
  }
  if (passing) return noFigures("retry", REASON_RETRY, true, detail)

  // Code 100: the object or its insights are not there (yet). A fresh post is "too new", an old one gone.
  if (code === 100) {
    if (age !== undefined && age >= 0 && age < INSIGHTS_DELAY_MS) return noFigures("no_figures_yet", REASON_TOO_NEW, true, detail)
    if (age !== undefined && age > INSIGHTS_RETENTION_MS) return noFigures("unavailable", REASON_TOO_OLD, false, detail)
    if (subcode === 33 || /does not exist|cannot be loaded|unsupported get request/i.test(message)) {
      return noFigures("unavailable", REASON_GONE, false, detail)
    }
  }
  const text = message ? `Meta refused to report figures for this post: ${message}` : "Meta refused to report figures for this post."
  return noFigures("error", text, false, detail)
}
