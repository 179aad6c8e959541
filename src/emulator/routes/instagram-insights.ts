import { json, type Reply, type RouteContext } from "../context"
import { GraphApiError, requestErrors } from "../errors"
import { stringParam } from "../http"
import type { IgAccountRecord, World } from "../world"
import { authorizeIg } from "./instagram-access"
import { graphTime, type IgMediaRecord } from "./publishing-store"
import { ACCOUNT_METRICS, MEDIA_METRICS, RETIRED_ACCOUNT_METRICS, type AccountMetric, type MediaProductType } from "./insights-metrics"
import {
  DAY_MS,
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
  onlineFollowersOf,
  reportingDays,
  weekdayOf,
} from "./insights-store"
import { insightsRange, metricNames, rangePaging } from "./insights-params"

/**
 * Instagram insights (Facebook Login): GET /{ig-media-id}/insights
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights) and
 * GET /{ig-user-id}/insights (https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights).
 * Both need instagram_basic + instagram_manage_insights (+ pages_read_engagement); Meta answers missing
 * Instagram permissions with code 10.
 */

export const IG_INSIGHTS_SCOPES = [["instagram_basic"], ["instagram_manage_insights"], ["pages_read_engagement"]]

/** Story metrics "are only available for 24 hours". */
const STORY_LIFETIME_MS = DAY_MS
/** Meta answers error 10 "Not enough viewers" for stories seen by too few accounts. */
const MIN_STORY_VIEWERS = 5
/** IG account insights: "follower_count and online_followers … not available … with fewer than 100 followers". */
const MIN_FOLLOWERS = 100
const LAST_DAYS_AVAILABLE = 30
/** IG account insights refuse longer since–until ranges. */
const MAX_RANGE_DAYS = 30

const igInsightsErrors = {
  invalidMediaMetric: () => new GraphApiError({ code: 100, message: "(#100) The value must be a valid insights metric" }),
  unsupportedForProduct: (names: string[]) =>
    new GraphApiError({
      code: 100,
      message: `(#100) The Media Insights API does not support the ${names.join(", ")} metric for this media product type.`,
    }),
  storyExpired: () =>
    new GraphApiError({
      code: 10,
      message: "(#10) Application does not have permission for this action",
      userTitle: "Story insights expired",
      userMessage: "Story media metrics are only available for 24 hours after the story was published.",
    }),
  notEnoughViewers: () => new GraphApiError({ code: 10, message: "(#10) Not enough viewers for the media to show insights" }),
  retiredAccountMetric: (name: string) =>
    new GraphApiError({
      code: 100,
      message: `(#100) Starting from version 22 and above, the ${name} metric is no longer supported for the queried user. Please refer to the documentation at https://developers.facebook.com/docs/instagram-api/reference/ig-user/insights for a list of supported metrics.`,
    }),
  unknownAccountMetric: (index: number) =>
    new GraphApiError({ code: 100, message: `(#100) metric[${index}] must be one of the following values: ${Object.keys(ACCOUNT_METRICS).join(", ")}` }),
  needsTotalValue: (names: string[]) =>
    new GraphApiError({ code: 100, message: `(#100) The following metrics (${names.join(", ")}) should be specified with parameter metric_type=total_value` }),
  noTotalValue: (names: string[]) =>
    new GraphApiError({ code: 100, message: `(#100) The following metrics (${names.join(", ")}) do not support metric_type=total_value` }),
  wrongPeriod: (name: string, period: string, def: AccountMetric) =>
    new GraphApiError({ code: 100, message: `(#100) The metric ${name} does not support period=${period}; use period=${def.periods.join(" or ")}` }),
}

// ---- Media ------------------------------------------------------------------------------------------

/** How fast lifetime figures accrue after publishing: stories within hours, reels over days. */
const ACCRUAL_MS: Record<MediaProductType, number> = { FEED: 20 * HOUR_MS, REELS: 30 * HOUR_MS, STORY: 3 * HOUR_MS }
/** Lifetime reach as a share of followers. */
const REACH_SHARE: Record<MediaProductType, [number, number]> = { FEED: [0.15, 0.45], REELS: [0.3, 1.2], STORY: [0.04, 0.12] }

/**
 * Every metric valid for the media's product type, as Graph would answer it now: deterministic from the
 * media id, growing with the time since publishing (insights clock) and the growth factor, overrides
 * applied. Sums (total_interactions, watch time, total_*) follow overridden parts.
 */
export function mediaMetricValues(world: World, media: IgMediaRecord, ig: IgAccountRecord, nowMs: number): Record<string, unknown> {
  const product = media.mediaProductType
  const { growthFactor } = insightsOf(world)
  const share = accrued(insightsNow(world, nowMs) - media.publishedAt, ACCRUAL_MS[product]) * growthFactor
  const followers = Math.max(ig.followersCount, 0)
  const r = (low: number, high: number, name: string) => between(low, high, media.id, name)
  const overrides = insightsOf(world).overrides.get(media.id) ?? {}
  const part = (name: string, generated: number): number => {
    const value = overrides[name]
    return typeof value === "number" ? value : generated
  }

  const reach = part("reach", Math.round(followers * r(...REACH_SHARE[product], "reach") * share))
  const views = part("views", Math.max(reach, Math.round(reach * r(1.2, 1.8, "views"))))
  const likes = part("likes", Math.round(reach * r(0.03, 0.09, "likes")))
  const comments = part("comments", Math.round(likes * r(0.03, 0.12, "comments")))
  const shares = part("shares", Math.round(reach * r(0.002, 0.012, "shares")))
  const saved = part("saved", Math.round(reach * r(0.004, 0.02, "saved")))
  const replies = part("replies", Math.round(reach * r(0.004, 0.02, "replies")))
  const profileVisits = part("profile_visits", Math.round(reach * r(0.01, 0.04, "profile_visits")))
  const avgWatchTime = part("ig_reels_avg_watch_time", views > 0 ? Math.round(r(3000, 15000, "watch")) : 0)
  const all: Record<string, number> = {
    views,
    reach,
    likes,
    comments,
    shares,
    saved,
    total_interactions: product === "STORY" ? replies + shares : likes + comments + shares + saved,
    follows: Math.round(reach * r(0.001, 0.005, "follows")),
    profile_visits: profileVisits,
    profile_activity: Math.round(profileVisits * r(0.1, 0.35, "profile_activity")),
    replies,
    navigation: Math.round(views * r(0.6, 0.95, "navigation")),
    ig_reels_avg_watch_time: avgWatchTime,
    ig_reels_video_view_total_time: avgWatchTime * views,
    reels_skip_rate: views > 0 ? Math.round(r(15, 55, "skip") * 10) / 10 : 0,
    reposts: Math.round(reach * r(0.001, 0.006, "reposts")),
    // Nothing is crossposted to Facebook or promoted in the sandbox.
    crossposted_views: views,
    facebook_views: 0,
    total_likes: likes,
    total_comments: comments,
    total_views: views,
  }
  const values = applyOverrides(world, media.id, all)
  return Object.fromEntries(Object.entries(values).filter(([name]) => MEDIA_METRICS[name].types.includes(product)))
}

function mediaEntry(mediaId: string, name: string, value: unknown, totalValue: boolean): Record<string, unknown> {
  const { title, description } = MEDIA_METRICS[name]
  return {
    name,
    period: "lifetime",
    ...(totalValue ? { total_value: { value } } : { values: [{ value }] }),
    title,
    description,
    id: `${mediaId}/insights/${name}/lifetime`,
  }
}

/**
 * One unknown or retired name fails the whole call; so does a metric the product type does not have
 * (stories have no likes, feed posts no replies). Album children have no insights (empty data).
 */
export function mediaInsights(ctx: RouteContext, media: IgMediaRecord, owner: IgAccountRecord, pathMetric: string | undefined): Reply {
  authorizeIg(ctx, owner, media.id, IG_INSIGHTS_SCOPES)
  const names = metricNames(ctx, pathMetric)
  if (names.length === 0) throw requestErrors.missingParam("metric")
  if (names.some((name) => !MEDIA_METRICS[name])) throw igInsightsErrors.invalidMediaMetric()
  if (media.parentId) return json({ data: [] })
  const product = media.mediaProductType
  const unsupported = names.filter((name) => !MEDIA_METRICS[name].types.includes(product))
  if (unsupported.length > 0) throw igInsightsErrors.unsupportedForProduct(unsupported)
  const now = ctx.now()
  if (product === "STORY" && insightsNow(ctx.world, now) >= media.publishedAt + STORY_LIFETIME_MS) throw igInsightsErrors.storyExpired()
  const values = mediaMetricValues(ctx.world, media, owner, now)
  if (product === "STORY" && Number(values.reach ?? 0) < MIN_STORY_VIEWERS) throw igInsightsErrors.notEnoughViewers()
  const totalValue = stringParam(ctx.request.params, "metric_type") === "total_value"
  return json({ data: names.filter((name) => values[name] !== undefined).map((name) => mediaEntry(media.id, name, values[name], totalValue)) })
}

// ---- Account ------------------------------------------------------------------------------------------

/** A day's figure as a share of followers. */
const ACCOUNT_DAILY_SHARE: Record<string, number> = {
  reach: 0.12,
  views: 0.3,
  accounts_engaged: 0.011,
  likes: 0.014,
  comments: 0.0015,
  shares: 0.0012,
  saves: 0.002,
  replies: 0.0008,
  reposts: 0.0004,
  profile_links_taps: 0.0015,
  follower_count: 0.0025,
}
/** Metrics counting unique accounts: a range's total is less than the sum of its days. */
const UNIQUE_ACCOUNTS = ["reach", "accounts_engaged"]

function accountDaily(ig: IgAccountRecord, metric: string, start: number, nowMs: number): number {
  if (metric === "total_interactions") {
    return ["likes", "comments", "shares", "saves", "replies"].reduce((sum, name) => sum + accountDaily(ig, name, start, nowMs), 0)
  }
  // Follows are the follower_count gains.
  const source = metric === "follows_and_unfollows" ? "follower_count" : metric
  const full = ig.followersCount * ACCOUNT_DAILY_SHARE[source] * WEEKDAY_FACTOR[weekdayOf(start)] * between(0.85, 1.15, ig.id, source, dayKey(start))
  return Math.round(full * dayCompletion(start, nowMs))
}

function accountEntry(ig: IgAccountRecord, name: string, period: string, body: Record<string, unknown>): Record<string, unknown> {
  const { title, description } = ACCOUNT_METRICS[name]
  return { name, period, ...body, title, description, id: `${ig.id}/insights/${name}/${period}` }
}

function checkAccountMetrics(names: string[], period: string, metricType: string | undefined): void {
  names.forEach((name, index) => {
    if (RETIRED_ACCOUNT_METRICS.includes(name)) throw igInsightsErrors.retiredAccountMetric(name)
    if (!ACCOUNT_METRICS[name]) throw igInsightsErrors.unknownAccountMetric(index)
  })
  for (const name of names) {
    if (!ACCOUNT_METRICS[name].periods.includes(period)) throw igInsightsErrors.wrongPeriod(name, period, ACCOUNT_METRICS[name])
  }
  if (metricType === "total_value") {
    const without = names.filter((name) => !ACCOUNT_METRICS[name].metricTypes.includes("total_value"))
    if (without.length > 0) throw igInsightsErrors.noTotalValue(without)
  } else {
    const only = names.filter((name) => !ACCOUNT_METRICS[name].metricTypes.includes("time_series"))
    if (only.length > 0) throw igInsightsErrors.needsTotalValue(only)
  }
}

const METRIC_TYPES = ["total_value", "time_series"]
const ACCOUNT_PERIODS = ["day", "week", "days_28", "month", "lifetime"]

/**
 * reach, views, accounts_engaged, … with metric_type=total_value (a total over since–until), reach and
 * follower_count as day time series, online_followers (period=lifetime) as one `{ "0": n, …, "23": n }`
 * per day of the last 30. follower_count and online_followers are left out under 100 followers.
 */
export function accountInsights(ctx: RouteContext, ig: IgAccountRecord, pathMetric: string | undefined, pathPeriod: string | undefined): Reply {
  authorizeIg(ctx, ig, ig.id, IG_INSIGHTS_SCOPES)
  const names = metricNames(ctx, pathMetric)
  if (names.length === 0) throw requestErrors.missingParam("metric")
  const period = pathPeriod ?? stringParam(ctx.request.params, "period")
  if (!period) throw requestErrors.missingParam("period")
  if (!ACCOUNT_PERIODS.includes(period)) throw requestErrors.invalidParam(`Param period must be one of {${ACCOUNT_PERIODS.join(", ")}} - got "${period}"`)
  const metricType = stringParam(ctx.request.params, "metric_type")
  if (metricType !== undefined && !METRIC_TYPES.includes(metricType)) {
    throw requestErrors.invalidParam(`Param metric_type must be one of {${METRIC_TYPES.join(", ")}} - got "${metricType}"`)
  }
  checkAccountMetrics(names, period, metricType)

  const now = insightsNow(ctx.world, ctx.now())
  const totalValue = metricType === "total_value"
  const range = insightsRange(ctx, now, { maxDays: MAX_RANGE_DAYS, defaultDays: totalValue ? 1 : 2 })
  const days = reportingDays(range.sinceMs, range.untilMs, now)
  const oldestAvailable = dayStart(now) - LAST_DAYS_AVAILABLE * DAY_MS
  const data: Record<string, unknown>[] = []
  for (const name of names) {
    const def = ACCOUNT_METRICS[name]
    if (def.needsHundredFollowers && ig.followersCount < MIN_FOLLOWERS) continue
    const available = def.lastThirtyDays ? days.filter((start) => start >= oldestAvailable) : days
    if (totalValue) {
      const sum = available.reduce((total, start) => total + accountDaily(ig, name, start, now), 0)
      const value = UNIQUE_ACCOUNTS.includes(name) && available.length > 1 ? Math.round(sum * 0.8) : sum
      data.push(accountEntry(ig, name, period, { total_value: { value } }))
      continue
    }
    if (available.length === 0) continue
    const values = available.map((start) => ({
      value: name === "online_followers" ? hourKeyed(onlineFollowersOf(ctx.world, ig.id, ig.followersCount, start)) : accountDaily(ig, name, start, now),
      end_time: graphTime(nextDayStart(start)),
    }))
    data.push(accountEntry(ig, name, period, { values }))
  }
  const timeSeries = data.some((entry) => "values" in entry)
  return json({ data, ...(timeSeries ? { paging: rangePaging(ctx.request, range) } : {}) })
}

function hourKeyed(hours: number[]): Record<string, number> {
  return Object.fromEntries(hours.map((n, hour) => [String(hour), n]))
}
