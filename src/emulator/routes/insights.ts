import type { Reply, RouteContext } from "../context"
import type { EmulatorState } from "../emulator-state"
import type { RequestCounts, RequestFilter } from "../types"
import { ACCOUNT_METRICS, MEDIA_METRICS, PAGE_METRICS, VIDEO_METRICS, type MediaProductType, type VideoKind } from "./insights-metrics"
import { insightsNow, insightsOf, setOnlineFollowers, type MetricOverride, type MetricOverrides } from "./insights-store"
import { accountInsights, mediaInsights, mediaMetricValues } from "./instagram-insights"
import { pageInsights, postInsights, postMetricValues } from "./page-insights"
import { reelsOf } from "./page-reels"
import { publishingOf } from "./publishing-store"
import { reelOf, videoInsights, videoMetricValues, videoOf, type InsightsVideo } from "./video-insights"

/**
 * The insights edges: GET /{id}/insights[/{metric}[/{period}]] of an Instagram media or account
 * (instagram-insights.ts) or a Page or Page post (page-insights.ts), GET /{video-id}/video_insights of a
 * Page video or reel (video-insights.ts), and the handle tests drive them with.
 */

/** The Page video or reel with that id, if the world has one. */
function insightsVideoOf(world: RouteContext["world"], id: string): InsightsVideo | undefined {
  const video = publishingOf(world).videos.get(id)
  if (video) return videoOf(video)
  const reel = reelsOf(world).get(id)
  return reel ? reelOf(reel) : undefined
}

/** Insights calls, or undefined when the call is not one (the other routes answer it). */
export function handleInsightsRoute(ctx: RouteContext): Reply | undefined {
  const [id, edge, pathMetric, pathPeriod, ...rest] = ctx.segments
  if (!id || rest.length > 0 || ctx.request.method !== "GET") return undefined
  const world = ctx.world
  if (edge === "video_insights") {
    const video = insightsVideoOf(world, id)
    const page = video ? world.pages[video.pageId] : undefined
    return video && page ? videoInsights(ctx, page, video, pathMetric, pathPeriod) : undefined
  }
  if (edge !== "insights") return undefined
  const ig = world.igAccounts[id]
  if (ig) return accountInsights(ctx, ig, pathMetric, pathPeriod)
  const page = world.pages[id]
  if (page) return pageInsights(ctx, page, pathMetric, pathPeriod)
  const store = publishingOf(world)
  const media = store.media.get(id)
  const owner = media ? world.igAccounts[media.igUserId] : undefined
  if (media && owner) return mediaInsights(ctx, media, owner, pathMetric)
  const post = store.posts.get(id)
  const postPage = post ? world.pages[post.pageId] : undefined
  if (post && postPage) return postInsights(ctx, postPage, post, pathMetric)
  return undefined
}

export type InsightsConfig = {
  /** How far the insights clock runs ahead of the emulator's clock. */
  clockOffsetMs: number
  /** Multiplies every generated lifetime figure (1 = as generated). */
  growthFactor: number
  /** The insights clock now (ms). */
  now: number
  /** Fixed metric values by IG media, Page post, video or reel id (null = no figure). */
  overrides: Record<string, MetricOverrides>
  /** IG users whose online_followers curve was set. */
  onlineFollowers: string[]
}

/**
 * Insights as tests steer them: metrics are deterministic from object ids and grow with the insights
 * clock (the emulator clock plus `advance`d time, which also ends stories' 24 h); `setMediaMetrics` fixes
 * figures, `setOnlineFollowers` fixes online_followers; `requestCounts` tells HTTP requests from the Graph
 * calls they carried (a batch of 50 = 1 HTTP request, 50 calls). `reset()` of the emulator clears it all.
 */
export class EmulatorInsights {
  constructor(private readonly state: EmulatorState) {}

  private get store() {
    return insightsOf(this.state.world)
  }

  /** The insights clock (ms): what "now" is for metric growth, story expiry and account day ranges. */
  now(): number {
    return insightsNow(this.state.world, this.state.now())
  }

  /** Moves the insights clock forward (metrics grow, stories expire after 24 h). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error("advance takes a non-negative number of milliseconds")
    this.store.clockOffsetMs += ms
  }

  setClockOffset(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error("The clock offset must be a number of milliseconds")
    this.store.clockOffsetMs = ms
  }

  /** Multiplies every generated lifetime figure (e.g. 2 = twice the reach, views, likes, …). */
  setGrowthFactor(factor: number): void {
    if (!Number.isFinite(factor) || factor < 0) throw new Error("The growth factor must be a non-negative number")
    this.store.growthFactor = factor
  }

  /**
   * Fixed figures for an IG media, a Page post, a Page video or a reel ({ reach: 1200, likes: 80 }; null =
   * Meta has no figure, the metric is left out). Replaces the object's earlier overrides; {} removes them.
   * Instagram sums such as total_interactions follow overridden parts unless set themselves.
   */
  setMediaMetrics(objectId: string, metrics: Record<string, MetricOverride>): void {
    const store = publishingOf(this.state.world)
    const video = insightsVideoOf(this.state.world, objectId)
    const videoMetrics = (kind: VideoKind) => Object.fromEntries(Object.entries(VIDEO_METRICS).filter(([, m]) => m.on === kind))
    const [catalog, what]: [Record<string, unknown> | undefined, string] = store.media.has(objectId)
      ? [MEDIA_METRICS, "Instagram media"]
      : store.posts.has(objectId)
        ? [Object.fromEntries(Object.entries(PAGE_METRICS).filter(([, m]) => m.level === "post")), "Page posts"]
        : video
          ? [videoMetrics(video.kind), video.kind === "reel" ? "reels" : "Page videos"]
          : [undefined, ""]
    if (!catalog) throw new Error(`No Instagram media, Page post, video or reel "${objectId}" in the emulator world`)
    for (const [name, value] of Object.entries(metrics)) {
      if (!catalog[name]) throw new Error(`"${name}" is not a metric of ${what}`)
      const valid =
        value === null ||
        (typeof value === "number" && Number.isFinite(value) && value >= 0) ||
        (typeof value === "object" && Object.values(value).every((n) => typeof n === "number" && n >= 0))
      if (!valid) throw new Error(`The value of ${name} must be a non-negative number, an object of them, or null`)
    }
    if (Object.keys(metrics).length === 0) this.store.overrides.delete(objectId)
    else this.store.overrides.set(objectId, { ...metrics })
  }

  /**
   * online_followers of an IG user: 24 counts (hours 0–23 of Meta's reporting day) used for every day,
   * or counts by "YYYY-MM-DD" (days not listed keep the generated curve).
   */
  setOnlineFollowers(igUserId: string, days: number[] | Record<string, number[]>): void {
    if (!this.state.world.igAccounts[igUserId]) throw new Error(`No Instagram account "${igUserId}" in the emulator world`)
    setOnlineFollowers(this.state.world, igUserId, days)
  }

  /** The figures Graph would answer now for an IG media, a Page post, video or reel (every metric it has). */
  mediaMetrics(objectId: string): Record<string, unknown> {
    const world = this.state.world
    const store = publishingOf(world)
    const media = store.media.get(objectId)
    const ig = media ? world.igAccounts[media.igUserId] : undefined
    if (media && ig) return mediaMetricValues(world, media, ig, this.state.now())
    const post = store.posts.get(objectId)
    const page = post ? world.pages[post.pageId] : undefined
    if (post && page) return postMetricValues(world, post, page, this.state.now())
    const video = insightsVideoOf(world, objectId)
    const videoPage = video ? world.pages[video.pageId] : undefined
    if (video && videoPage) return videoMetricValues(world, video, videoPage, this.state.now())
    throw new Error(`No Instagram media, Page post, video or reel "${objectId}" in the emulator world`)
  }

  /** HTTP requests vs the Graph calls they carried (a batch's operations, a multi-id read's ids). */
  requestCounts(filter?: RequestFilter): RequestCounts {
    return this.state.recorder.counts(filter)
  }

  config(): InsightsConfig {
    const store = this.store
    return {
      clockOffsetMs: store.clockOffsetMs,
      growthFactor: store.growthFactor,
      now: this.now(),
      overrides: Object.fromEntries([...store.overrides.entries()].map(([id, metrics]) => [id, { ...metrics }])),
      onlineFollowers: [...store.onlineFollowers.keys()],
    }
  }
}

/** The metric names the emulator answers, by object (what GET /_emulator/insights lists). */
export function insightsCatalog(): Record<string, unknown> {
  const mediaByType = (type: MediaProductType) => Object.keys(MEDIA_METRICS).filter((name) => MEDIA_METRICS[name].types.includes(type))
  return {
    ig_media: { FEED: mediaByType("FEED"), REELS: mediaByType("REELS"), STORY: mediaByType("STORY") },
    ig_user: Object.keys(ACCOUNT_METRICS),
    page: Object.keys(PAGE_METRICS).filter((name) => PAGE_METRICS[name].level === "page"),
    page_post: Object.keys(PAGE_METRICS).filter((name) => PAGE_METRICS[name].level === "post"),
    page_video: Object.keys(VIDEO_METRICS).filter((name) => VIDEO_METRICS[name].on === "video"),
    page_reel: Object.keys(VIDEO_METRICS).filter((name) => VIDEO_METRICS[name].on === "reel"),
  }
}

/**
 * POST /_emulator/insights/config: {"clock_offset_ms", "advance_ms", "growth_factor",
 * "media": {"<id>": {"reach": 1200}}, "online_followers": {"<ig-user-id>": [24 counts] | {"YYYY-MM-DD": [...]}}}.
 */
export function configureInsights(insights: EmulatorInsights, body: Record<string, unknown>): void {
  const number = (key: string) => {
    const value = body[key]
    if (value !== undefined && typeof value !== "number") throw new Error(`${key} must be a number`)
    return value as number | undefined
  }
  const offset = number("clock_offset_ms")
  const advance = number("advance_ms")
  const growth = number("growth_factor")
  if (offset !== undefined) insights.setClockOffset(offset)
  if (advance !== undefined) insights.advance(advance)
  if (growth !== undefined) insights.setGrowthFactor(growth)
  const objectOf = (key: string) => {
    const value = body[key]
    if (value === undefined) return {}
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error(`${key} must be an object keyed by id`)
    return value as Record<string, unknown>
  }
  for (const [id, metrics] of Object.entries(objectOf("media"))) {
    if (!metrics || typeof metrics !== "object" || Array.isArray(metrics)) throw new Error(`media.${id} must be an object of metric values`)
    insights.setMediaMetrics(id, metrics as Record<string, MetricOverride>)
  }
  for (const [id, days] of Object.entries(objectOf("online_followers"))) {
    insights.setOnlineFollowers(id, days as number[] | Record<string, number[]>)
  }
}
