import { json, type Reply, type RouteContext } from "../context"
import { GraphApiError, requestErrors } from "../errors"
import { stringParam } from "../http"
import type { PageRecord, World } from "../world"
import { PAGE_PERIODS, VIDEO_METRICS, type VideoKind } from "./insights-metrics"
import { metricNames } from "./insights-params"
import { HOUR_MS, accrued, applyOverrides, between, insightsNow, insightsOf } from "./insights-store"
import { authorizePage } from "./page-access"
import { PAGE_INSIGHTS_SCOPES } from "./page-insights"
import type { ReelRecord } from "./page-reels"
import type { VideoRecord } from "./publishing-store"

/**
 * Video insights (https://developers.facebook.com/docs/video-api/guides/insights): GET
 * /{video-id}/video_insights[/{metric}] of a Page video (POST /{page-id}/videos) or reel (POST
 * /{page-id}/video_reels), "with a Page access token" of the Page, lifetime values; without `metric` every
 * metric of the video's kind. A Video has no /insights edge. Unknown or retired names fail the whole call with
 * "(#100) The value must be a valid insights metric", like Page insights. Meta lists a reel's metrics apart
 * from a video's without documenting the error for crossing them; the emulator refuses them naming the
 * metrics, the way Graph refuses an Instagram metric of another media product type.
 */

/** A Page video or reel, as video insights read it. */
export type InsightsVideo = { id: string; pageId: string; kind: VideoKind; publishedAt: number | undefined }

export function videoOf(record: VideoRecord): InsightsVideo {
  return { id: record.id, pageId: record.pageId, kind: "video", publishedAt: record.createdAt }
}

/** Drafts and unfinished uploads have no figures (publishedAt undefined). */
export function reelOf(record: ReelRecord): InsightsVideo {
  return { id: record.id, pageId: record.pageId, kind: "reel", publishedAt: record.state === "published" ? record.publishedAt : undefined }
}

const videoInsightsErrors = {
  invalidMetric: () => new GraphApiError({ code: 100, message: "(#100) The value must be a valid insights metric" }),
  otherKind: (names: string[], kind: VideoKind) =>
    new GraphApiError({
      code: 100,
      message: `(#100) The Video Insights API does not support the ${names.join(", ")} metric for ${kind === "reel" ? "reels" : "videos that are not reels"}.`,
    }),
}

/** How fast lifetime figures accrue after publishing: reels keep being shown for longer. */
const ACCRUAL_MS: Record<VideoKind, number> = { video: 24 * HOUR_MS, reel: 30 * HOUR_MS }

function withoutZeros(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter(([, n]) => n > 0))
}

/**
 * Every metric of the video's kind as Graph would answer it now: deterministic from the video id, growing
 * with the time since publishing (insights clock), the Page's followers and the growth factor; overrides
 * replace figures as given. Unpublished videos have none.
 */
export function videoMetricValues(world: World, video: InsightsVideo, page: PageRecord, nowMs: number): Record<string, unknown> {
  if (video.publishedAt === undefined) return {}
  const share = accrued(insightsNow(world, nowMs) - video.publishedAt, ACCRUAL_MS[video.kind]) * insightsOf(world).growthFactor
  const fans = Math.max(page.fanCount, 0)
  const r = (low: number, high: number, name: string) => between(low, high, video.id, name)
  if (video.kind === "reel") {
    const reach = Math.round(fans * r(0.3, 1.2, "reach") * share)
    const plays = Math.round(reach * r(1.1, 1.6, "plays"))
    const replays = Math.round(plays * r(0.05, 0.25, "replays"))
    const avg = plays > 0 ? Math.round(r(2500, 12000, "watch")) : 0
    const like = Math.round(reach * r(0.02, 0.07, "like"))
    return applyOverrides(world, video.id, {
      blue_reels_play_count: plays,
      fb_reels_replay_count: replays,
      fb_reels_total_plays: plays + replays,
      post_impressions_unique: reach,
      post_video_avg_time_watched: avg,
      post_video_view_time: avg * (plays + replays),
      post_video_followers: Math.round(reach * r(0.001, 0.01, "followers")),
      post_video_likes_by_reaction_type: withoutZeros({
        REACTION_LIKE: like,
        REACTION_LOVE: Math.round(like * r(0.1, 0.3, "love")),
        REACTION_WOW: Math.round(like * r(0, 0.08, "wow")),
        REACTION_HAHA: Math.round(like * r(0, 0.08, "haha")),
      }),
      post_video_social_actions: withoutZeros({ COMMENT: Math.round(like * r(0.05, 0.2, "comments")), SHARE: Math.round(like * r(0.02, 0.1, "shares")) }),
    })
  }
  const impressionsUnique = Math.round(fans * r(0.15, 0.5, "impressions_unique") * share)
  const impressions = Math.round(impressionsUnique * r(1.2, 1.6, "impressions"))
  const views = Math.round(impressions * r(0.3, 0.6, "views"))
  const autoplayed = Math.round(views * r(0.5, 0.8, "autoplayed"))
  const avg = views > 0 ? Math.round(r(4000, 20000, "watch")) : 0
  const like = Math.round(views * r(0.02, 0.06, "like"))
  return applyOverrides(world, video.id, {
    total_video_views: views,
    total_video_views_unique: Math.round(views * r(0.7, 0.9, "views_unique")),
    total_video_views_autoplayed: autoplayed,
    total_video_views_clicked_to_play: views - autoplayed,
    total_video_complete_views: Math.round(views * r(0.1, 0.3, "complete")),
    total_video_30s_views: Math.round(views * r(0.1, 0.35, "30s")),
    total_video_avg_time_watched: avg,
    total_video_view_total_time: Math.round(avg * views * r(1, 1.15, "replays")),
    total_video_impressions: impressions,
    total_video_impressions_unique: impressionsUnique,
    total_video_reactions_by_type_total: withoutZeros({ like, love: Math.round(like * r(0.1, 0.3, "love")), wow: Math.round(like * r(0, 0.08, "wow")) }),
  })
}

function requestedMetrics(ctx: RouteContext, pathMetric: string | undefined, kind: VideoKind): string[] {
  const names = metricNames(ctx, pathMetric)
  if (names.length === 0) return Object.keys(VIDEO_METRICS).filter((name) => VIDEO_METRICS[name].on === kind)
  if (names.some((name) => !VIDEO_METRICS[name])) throw videoInsightsErrors.invalidMetric()
  const otherKind = names.filter((name) => VIDEO_METRICS[name].on !== kind)
  if (otherKind.length > 0) throw videoInsightsErrors.otherKind(otherKind, kind)
  return names
}

export function videoInsights(ctx: RouteContext, page: PageRecord, video: InsightsVideo, pathMetric: string | undefined, pathPeriod: string | undefined): Reply {
  authorizePage(ctx, page, video.id, "page_token", PAGE_INSIGHTS_SCOPES)
  const names = requestedMetrics(ctx, pathMetric, video.kind)
  const period = pathPeriod ?? stringParam(ctx.request.params, "period")
  if (period !== undefined && !PAGE_PERIODS.includes(period)) {
    throw requestErrors.invalidParam(`Param period must be one of {${PAGE_PERIODS.join(", ")}} - got "${period}"`)
  }
  // Video figures are lifetime figures; another period gives no entries.
  if (period !== undefined && period !== "lifetime") return json({ data: [] })
  const values = videoMetricValues(ctx.world, video, page, ctx.now())
  return json({
    data: names
      .filter((name) => values[name] !== undefined)
      .map((name) => ({
        name,
        period: "lifetime",
        values: [{ value: values[name] }],
        title: VIDEO_METRICS[name].title,
        description: VIDEO_METRICS[name].description,
        id: `${video.id}/video_insights/${name}/lifetime`,
      })),
  })
}
