import { json, type Reply, type RouteContext } from "../context"
import { GraphApiError, requestErrors } from "../errors"
import { stringParam } from "../http"
import type { PageRecord, World } from "../world"
import { PAGE_METRICS, PAGE_PERIODS } from "./insights-metrics"
import { insightsRange, metricNames, rangePaging } from "./insights-params"
import {
  HOUR_MS,
  WEEKDAY_FACTOR,
  accrued,
  applyOverrides,
  between,
  dayCompletion,
  dayKey,
  dayStart,
  insightsNow,
  insightsOf,
  nextDayStart,
  previousDayStart,
  reportingDays,
  weekdayOf,
} from "./insights-store"
import { authorizePage } from "./page-access"
import { graphTime, isPostPublished, postCreatedAt, type PagePostRecord } from "./publishing-store"

/**
 * Page insights (https://developers.facebook.com/docs/pages-api/platforminsights/page,
 * https://developers.facebook.com/docs/graph-api/reference/insights): GET /{page-id}/insights
 * (page_follows, page_total_media_view_unique, page_media_view, page_post_engagements, … by day, week,
 * days_28) and GET /{page-post-id}/insights (post_total_media_view_unique, post_media_view, post_clicks,
 * post_reactions_*). "A Page access token requested by a person who can perform the ANALYZE task on the
 * Page", with read_insights and pages_read_engagement; the retired impressions and fans metrics fail the
 * whole call with "(#100) The value must be a valid insights metric".
 */

export const PAGE_INSIGHTS_SCOPES = [["read_insights"], ["pages_read_engagement"]]

/** "Page Insights data is only available on Pages with 100 or more likes." */
const MIN_PAGE_FOLLOWERS = 100
/** "Only 90 days of insights can be viewed at one time when using the since and until parameters." */
const MAX_RANGE_DAYS = 90

const pageInsightsErrors = {
  invalidMetric: () => new GraphApiError({ code: 100, message: "(#100) The value must be a valid insights metric" }),
  noMetric: () =>
    new GraphApiError({
      code: 3001,
      subcode: 1504028,
      message: "No metric was specified to be fetched. Please specify one or more metrics to be fetched and try again.",
    }),
}

function requestedMetrics(ctx: RouteContext, pathMetric: string | undefined, level: "page" | "post"): string[] {
  const names = metricNames(ctx, pathMetric)
  if (names.length === 0) throw pageInsightsErrors.noMetric()
  if (names.some((name) => PAGE_METRICS[name]?.level !== level)) throw pageInsightsErrors.invalidMetric()
  return names
}

// ---- Page ------------------------------------------------------------------------------------------

/** A day's figure as a share of the Page's followers. */
const PAGE_DAILY_SHARE: Record<string, number> = {
  page_total_media_view_unique: 0.2,
  page_media_view: 0.32,
  page_post_engagements: 0.015,
  page_views_total: 0.01,
  page_daily_follows_unique: 0.002,
  page_daily_unfollows_unique: 0.0006,
}
const UNIQUE_PEOPLE = ["page_total_media_view_unique", "page_daily_follows_unique", "page_daily_unfollows_unique"]
const WINDOW_DAYS: Record<string, number> = { day: 1, week: 7, days_28: 28 }

function pageDaily(page: PageRecord, metric: string, start: number, nowMs: number): number {
  if (metric === "page_daily_follows") return Math.round(pageDaily(page, "page_daily_follows_unique", start, nowMs) * 1.05)
  const full = page.fanCount * PAGE_DAILY_SHARE[metric] * WEEKDAY_FACTOR[weekdayOf(start)] * between(0.85, 1.15, page.id, metric, dayKey(start))
  return Math.round(full * dayCompletion(start, nowMs))
}

/** Followers at the end of the day: today's fan count less the net follows since then. */
function followsAtEndOf(page: PageRecord, start: number, nowMs: number): number {
  let followers = page.fanCount
  const today = dayStart(nowMs)
  for (let day = today; day > start; day = previousDayStart(day)) {
    followers -= pageDaily(page, "page_daily_follows_unique", day, nowMs) - pageDaily(page, "page_daily_unfollows_unique", day, nowMs)
  }
  return Math.max(0, followers)
}

function pageValue(page: PageRecord, metric: string, period: string, start: number, nowMs: number): number {
  if (metric === "page_follows") return followsAtEndOf(page, start, nowMs)
  let sum = 0
  let day = start
  for (let i = 0; i < (WINDOW_DAYS[period] ?? 1); i++, day = previousDayStart(day)) sum += pageDaily(page, metric, day, nowMs)
  return UNIQUE_PEOPLE.includes(metric) && period !== "day" ? Math.round(sum * 0.8) : sum
}

export function pageInsights(ctx: RouteContext, page: PageRecord, pathMetric: string | undefined, pathPeriod: string | undefined): Reply {
  authorizePage(ctx, page, page.id, "page_token", PAGE_INSIGHTS_SCOPES)
  const names = requestedMetrics(ctx, pathMetric, "page")
  const period = pathPeriod ?? stringParam(ctx.request.params, "period")
  if (period !== undefined && !PAGE_PERIODS.includes(period)) {
    throw requestErrors.invalidParam(`Param period must be one of {${PAGE_PERIODS.join(", ")}} - got "${period}"`)
  }
  const now = insightsNow(ctx.world, ctx.now())
  const range = insightsRange(ctx, now, { maxDays: MAX_RANGE_DAYS, defaultDays: 2 })
  if (page.fanCount < MIN_PAGE_FOLLOWERS) return json({ data: [] })
  const days = reportingDays(range.sinceMs, range.untilMs, now)
  const data: Record<string, unknown>[] = []
  for (const name of names) {
    const def = PAGE_METRICS[name]
    // Without a period Graph answers every period the metric has; a period it lacks gives no entry.
    for (const p of period ? [period] : def.periods) {
      if (!def.periods.includes(p) || days.length === 0) continue
      data.push({
        name,
        period: p,
        values: days.map((start) => ({ value: pageValue(page, name, p, start, now), end_time: graphTime(nextDayStart(start)) })),
        title: def.title,
        description: def.description,
        id: `${page.id}/insights/${name}/${p}`,
      })
    }
  }
  return json({ data, paging: rangePaging(ctx.request, range) })
}

// ---- Posts -------------------------------------------------------------------------------------------

const POST_ACCRUAL_MS = 16 * HOUR_MS
const REACTIONS = ["like", "love", "wow", "haha", "sorry", "anger"] as const

function withoutZeros(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter(([, n]) => n > 0))
}

/** Every post metric as Graph would answer it now (lifetime values growing since the post appeared). */
export function postMetricValues(world: World, post: PagePostRecord, page: PageRecord, nowMs: number): Record<string, unknown> {
  const share = accrued(insightsNow(world, nowMs) - postCreatedAt(post), POST_ACCRUAL_MS) * insightsOf(world).growthFactor
  const r = (low: number, high: number, name: string) => between(low, high, post.id, name)
  const viewers = Math.round(page.fanCount * r(0.1, 0.4, "viewers") * share)
  const clicks = Math.round(viewers * r(0.01, 0.05, "clicks"))
  const linkClicks = post.link ? Math.round(clicks * r(0.5, 0.7, "link")) : 0
  const photoViews = post.attachments.length > 0 ? Math.round((clicks - linkClicks) * r(0.3, 0.6, "photo")) : 0
  const like = Math.round(viewers * r(0.02, 0.06, "like"))
  const reactions: Record<(typeof REACTIONS)[number], number> = {
    like,
    love: Math.round(like * r(0.1, 0.3, "love")),
    wow: Math.round(like * r(0, 0.08, "wow")),
    haha: Math.round(like * r(0, 0.08, "haha")),
    sorry: Math.round(like * r(0, 0.02, "sorry")),
    anger: Math.round(like * r(0, 0.02, "anger")),
  }
  const values: Record<string, unknown> = {
    post_total_media_view_unique: viewers,
    post_media_view: Math.round(viewers * r(1.2, 1.7, "views")),
    post_clicks: clicks,
    post_clicks_by_type: withoutZeros({ "link clicks": linkClicks, "photo view": photoViews, "other clicks": clicks - linkClicks - photoViews }),
    post_reactions_by_type_total: withoutZeros(reactions),
  }
  for (const reaction of REACTIONS) values[`post_reactions_${reaction}_total`] = reactions[reaction]
  return applyOverrides(world, post.id, values)
}

/** Scheduled or unpublished posts have no figures yet (empty data). */
export function postInsights(ctx: RouteContext, page: PageRecord, post: PagePostRecord, pathMetric: string | undefined): Reply {
  authorizePage(ctx, page, post.id, "page_token", PAGE_INSIGHTS_SCOPES)
  const names = requestedMetrics(ctx, pathMetric, "post")
  const now = ctx.now()
  if (!isPostPublished(post, now)) return json({ data: [] })
  const values = postMetricValues(ctx.world, post, page, now)
  return json({
    data: names
      .filter((name) => values[name] !== undefined)
      .map((name) => ({
        name,
        period: "lifetime",
        values: [{ value: values[name] }],
        title: PAGE_METRICS[name].title,
        description: PAGE_METRICS[name].description,
        id: `${post.id}/insights/${name}/lifetime`,
      })),
  })
}
