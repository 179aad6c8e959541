import type { MetaPublicationKind, MetaPublishingPlatform } from "../../types/http/publishing"
import { KIND_SPECS } from "../publishing/kinds"

/**
 * Which metrics to ask Meta for, per publication kind and per account, at the configured Graph API version.
 *
 * Meta fails a whole insights call when a single name in `metric=` is unknown or retired ("(#100) The value
 * must be a valid insights metric"), so every list here holds only names Meta documents as current, and
 * nothing that is merely plausible. Sources:
 * - Instagram media: https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights
 *   (metric table by media product type FEED / REELS / STORY; "Insights data is not available for any media
 *   within an Instagram Media album"; views "for FEED, STORY, and REELS").
 * - Instagram account: https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights
 *   (`views` with `metric_type=total_value`; follower_count and online_followers "not available" under 100 followers).
 * - Facebook Page and post: https://developers.facebook.com/docs/graph-api/reference/v25.0/insights and the
 *   deprecated-metrics page https://developers.facebook.com/docs/platforminsights/page/deprecated-metrics.
 * - Facebook video: https://developers.facebook.com/docs/video-api/guides/insights (`/{video-id}/video_insights`;
 *   a Video node has no `/insights` edge). Reels answer there too, with metrics of their own
 *   (https://developers.facebook.com/blog/post/2022/12/15/introducing-reels-metrics-api/: plays, reach, average
 *   watch time, reactions, comments and shares, minutes viewed), not the `total_video_*` ones.
 */

/** The Graph object an insights call reads. */
export type InsightsSurface = "instagram_media" | "instagram_account" | "facebook_post" | "facebook_video" | "facebook_page"

/** The edge the call goes to: `/{id}/insights` everywhere except Facebook videos (`/{video-id}/video_insights`). */
export type InsightsEdge = "insights" | "video_insights"

export type PublicationInsightsQuery = {
  surface: InsightsSurface
  edge: InsightsEdge
  metrics: string[]
}

/** One account call: metrics that share a `period` (and `metric_type`) go together; others need their own call. */
export type AccountInsightsQuery = {
  /** What the call is for, so the reader knows how to file the answer. */
  purpose: "daily_totals" | "follower_count" | "online_followers" | "page_daily"
  metrics: string[]
  params: { period: "day" | "lifetime"; metric_type?: "total_value" }
}

type MetricSpec = {
  name: string
  surfaces: readonly InsightsSurface[]
  /** First Graph version that answers it, when Meta introduced it in a version. */
  sinceVersion?: string
}

/**
 * The current metrics this plugin requests. `total_interactions` on Instagram media answers from v18.0
 * only ("currently only available using version 18.0", https://developers.facebook.com/docs/graph-api/changelog/version18.0).
 * `views` was introduced for media and user insights with v22.0 on all versions
 * (https://developers.facebook.com/docs/graph-api/changelog/version22.0, "Insights APIs — Applies to all versions"),
 * and Facebook's media-view metrics replace impressions "on all API versions"
 * (https://developers.facebook.com/blog/post/2025/08/15/page-insights-api-updates/).
 */
const CURRENT_METRICS: readonly MetricSpec[] = [
  // Instagram media (FEED, REELS, STORY).
  { name: "views", surfaces: ["instagram_media", "instagram_account"] },
  { name: "reach", surfaces: ["instagram_media", "instagram_account"] },
  { name: "likes", surfaces: ["instagram_media"] },
  { name: "comments", surfaces: ["instagram_media"] },
  { name: "shares", surfaces: ["instagram_media"] },
  { name: "saved", surfaces: ["instagram_media"] },
  { name: "total_interactions", surfaces: ["instagram_media", "instagram_account"], sinceVersion: "v18.0" },
  { name: "follows", surfaces: ["instagram_media"] },
  { name: "profile_visits", surfaces: ["instagram_media"] },
  { name: "replies", surfaces: ["instagram_media"] },
  { name: "navigation", surfaces: ["instagram_media"] },
  { name: "ig_reels_avg_watch_time", surfaces: ["instagram_media"] },
  { name: "ig_reels_video_view_total_time", surfaces: ["instagram_media"] },
  // Instagram account.
  { name: "accounts_engaged", surfaces: ["instagram_account"] },
  { name: "profile_links_taps", surfaces: ["instagram_account"] },
  { name: "follower_count", surfaces: ["instagram_account"] },
  { name: "online_followers", surfaces: ["instagram_account"] },
  // Facebook Page posts.
  { name: "post_total_media_view_unique", surfaces: ["facebook_post"] },
  { name: "post_media_view", surfaces: ["facebook_post"] },
  { name: "post_clicks", surfaces: ["facebook_post"] },
  { name: "post_reactions_like_total", surfaces: ["facebook_post"] },
  { name: "post_reactions_love_total", surfaces: ["facebook_post"] },
  { name: "post_reactions_wow_total", surfaces: ["facebook_post"] },
  { name: "post_reactions_haha_total", surfaces: ["facebook_post"] },
  { name: "post_reactions_sorry_total", surfaces: ["facebook_post"] },
  { name: "post_reactions_anger_total", surfaces: ["facebook_post"] },
  // Facebook videos (`/{video-id}/video_insights`, lifetime).
  { name: "total_video_views", surfaces: ["facebook_video"] },
  { name: "total_video_views_unique", surfaces: ["facebook_video"] },
  { name: "total_video_avg_time_watched", surfaces: ["facebook_video"] },
  { name: "total_video_view_total_time", surfaces: ["facebook_video"] },
  // Facebook reels (`/{video-id}/video_insights` of the reel's Video, lifetime). Meta's reels list also has
  // `post_impressions_unique` (reach), a name Meta retired for Page posts ("post_impressions_unique →
  // post_total_media_view_unique", deprecated-metrics page); it is not asked, so a retirement that reaches
  // reels too cannot fail the whole read.
  { name: "blue_reels_play_count", surfaces: ["facebook_video"] },
  { name: "fb_reels_total_plays", surfaces: ["facebook_video"] },
  { name: "post_video_avg_time_watched", surfaces: ["facebook_video"] },
  { name: "post_video_view_time", surfaces: ["facebook_video"] },
  { name: "post_video_followers", surfaces: ["facebook_video"] },
  // Facebook Page.
  { name: "page_follows", surfaces: ["facebook_page"] },
  { name: "page_media_view", surfaces: ["facebook_page"] },
  { name: "page_total_media_view_unique", surfaces: ["facebook_page"] },
  { name: "page_post_engagements", surfaces: ["facebook_page"] },
]

export type DeprecatedMetric = {
  name: string
  surfaces: readonly InsightsSurface[]
  /** What Meta names as its replacement; null when Meta names none. */
  replacement: string | null
  /** The version from which Meta refuses it (before its all-versions date). */
  fromVersion?: string
  /** From this day (UTC) Meta refuses it at every version. */
  allVersionsFrom: string
  source: string
}

const IG_MEDIA_V22 = "https://developers.facebook.com/docs/graph-api/changelog/version22.0"
const IG_V21 = "https://developers.facebook.com/docs/graph-api/changelog/version21.0/"
const IG_V18 = "https://developers.facebook.com/docs/graph-api/changelog/version18.0"
const FB_DEPRECATED = "https://developers.facebook.com/docs/platforminsights/page/deprecated-metrics"

function retired(
  names: readonly string[],
  surfaces: readonly InsightsSurface[],
  replacement: string | null,
  allVersionsFrom: string,
  source: string,
  fromVersion?: string
): DeprecatedMetric[] {
  return names.map((name) => ({ name, surfaces, replacement, allVersionsFrom, source, ...(fromVersion ? { fromVersion } : {}) }))
}

/**
 * Names Meta has retired, with the replacement Meta names. Requesting any of them fails the whole call, at
 * every version once its all-versions date has passed (they all have).
 */
export const DEPRECATED_INSIGHT_METRICS: readonly DeprecatedMetric[] = [
  // "deprecated for v22.0 and will be deprecated for all versions on April 21, 2025" (media and user insights).
  ...retired(["impressions"], ["instagram_media", "instagram_account"], "views", "2025-04-21", IG_MEDIA_V22, "v22.0"),
  ...retired(["plays", "clips_replays_count", "ig_reels_aggregated_all_plays_count"], ["instagram_media"], "views", "2025-04-21", IG_MEDIA_V22, "v22.0"),
  // "The video media metric video_views will no longer be supported" (v21.0+, all versions January 8, 2025).
  ...retired(["video_views"], ["instagram_media"], "views", "2025-01-08", IG_V21, "v21.0"),
  ...retired(["website_clicks", "email_contacts", "get_direction_clicks", "phone_call_clicks", "text_message_clicks"], ["instagram_account"], "profile_links_taps", "2025-01-08", IG_V21, "v21.0"),
  ...retired(["profile_views"], ["instagram_account"], null, "2025-01-08", IG_V21, "v21.0"),
  // "Duplicative and legacy Instagram insight metrics are being deprecated" (v18.0+, all versions December 11, 2023).
  ...retired(["engagement", "carousel_album_engagement"], ["instagram_media"], "total_interactions", "2023-12-11", IG_V18, "v18.0"),
  ...retired(["carousel_album_impressions", "carousel_album_video_views"], ["instagram_media"], "views", "2023-12-11", IG_V18, "v18.0"),
  ...retired(["carousel_album_reach"], ["instagram_media"], "reach", "2023-12-11", IG_V18, "v18.0"),
  ...retired(["carousel_album_saved"], ["instagram_media"], "saved", "2023-12-11", IG_V18, "v18.0"),
  ...retired(["taps_forward", "taps_back", "exits"], ["instagram_media"], "navigation", "2023-12-11", IG_V18, "v18.0"),
  ...retired(["audience_gender_age", "audience_locale", "audience_country", "audience_city"], ["instagram_account"], "follower_demographics", "2023-12-11", IG_V18, "v18.0"),
  // Facebook Page insights: "By June 15, 2025 … deprecated for all API versions".
  ...retired(["page_impressions_unique"], ["facebook_page"], "page_total_media_view_unique", "2025-06-15", FB_DEPRECATED),
  ...retired(
    [
      "page_impressions_paid_unique",
      "page_impressions_viral_unique",
      "page_impressions_nonviral_unique",
      "page_posts_impressions",
      "page_posts_impressions_unique",
      "page_posts_impressions_paid",
      "page_posts_impressions_paid_unique",
      "page_posts_impressions_organic_unique",
      "page_posts_served_impressions_organic_unique",
      "page_posts_impressions_viral",
      "page_posts_impressions_viral_unique",
      "page_posts_impressions_nonviral",
      "page_posts_impressions_nonviral_unique",
    ],
    ["facebook_page"],
    null,
    "2025-06-15",
    FB_DEPRECATED
  ),
  ...retired(["post_impressions_unique"], ["facebook_post"], "post_total_media_view_unique", "2025-06-15", FB_DEPRECATED),
  ...retired(
    ["post_impressions_paid_unique", "post_impressions_fan_unique", "post_impressions_organic_unique", "post_impressions_viral_unique", "post_impressions_nonviral_unique"],
    ["facebook_post"],
    null,
    "2025-06-15",
    FB_DEPRECATED
  ),
  // "Beginning November 15, 2025, we're deprecating the 'impressions' and 'page fans' metrics … replaced by the
  // views metric on all API versions" (https://developers.facebook.com/blog/post/2025/08/15/page-insights-api-updates/).
  ...retired(["page_impressions"], ["facebook_page"], "page_media_view", "2025-11-15", FB_DEPRECATED),
  ...retired(["post_impressions"], ["facebook_post"], "post_media_view", "2025-11-15", FB_DEPRECATED),
  ...retired(["page_fans"], ["facebook_page"], "page_follows", "2025-11-15", FB_DEPRECATED),
  ...retired(["page_fans_city"], ["facebook_page"], "page_follows_city", "2025-11-15", FB_DEPRECATED),
  ...retired(["page_fans_country"], ["facebook_page"], "page_follows_country", "2025-11-15", FB_DEPRECATED),
  ...retired(["page_fans_locale", "page_fan_adds"], ["facebook_page"], null, "2025-11-15", FB_DEPRECATED),
  // "On March 14, 2024, the following Facebook Page Insights metrics were deprecated for all API versions".
  ...retired(["page_engaged_users"], ["facebook_page"], "page_post_engagements", "2024-03-14", FB_DEPRECATED),
  ...retired(["page_consumptions", "page_content_activity"], ["facebook_page"], null, "2024-03-14", FB_DEPRECATED),
]

const DEPRECATED_BY_NAME = new Map<string, DeprecatedMetric[]>()
for (const entry of DEPRECATED_INSIGHT_METRICS) {
  const list = DEPRECATED_BY_NAME.get(entry.name) ?? []
  list.push(entry)
  DEPRECATED_BY_NAME.set(entry.name, list)
}

const CURRENT_BY_NAME = new Map(CURRENT_METRICS.map((spec) => [spec.name, spec]))

/** "v25.0" → 25000; throws on anything else, so a typo in the configured version is loud. */
function versionNumber(version: string): number {
  const match = /^v(\d+)\.(\d+)$/.exec(version)
  if (!match) throw new Error(`Graph API version must look like "v25.0", got "${version}"`)
  return Number(match[1]) * 1000 + Number(match[2])
}

function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`)
}

/** The retirement that applies to `metric` on `surface` (any surface when omitted), if Meta retired it. */
export function deprecatedMetric(metric: string, surface?: InsightsSurface): DeprecatedMetric | undefined {
  const entries = DEPRECATED_BY_NAME.get(metric)
  if (!entries) return undefined
  return surface === undefined ? entries[0] : entries.find((e) => e.surfaces.includes(surface))
}

/**
 * Whether Meta answers `metric` at `apiVersion` (on `surface` when given) on the day `at` (default now). Only
 * metrics this plugin knows as current are valid: an unknown name is not guessed to be fine.
 */
export function isMetricValidAt(
  metric: string,
  apiVersion: string,
  opts: { surface?: InsightsSurface; at?: Date } = {}
): boolean {
  const version = versionNumber(apiVersion)
  const at = (opts.at ?? new Date()).getTime()
  const retirement = deprecatedMetric(metric, opts.surface)
  if (retirement) {
    if (Number.isFinite(at) && at >= dayMs(retirement.allVersionsFrom)) return false
    if (retirement.fromVersion && version >= versionNumber(retirement.fromVersion)) return false
  }
  const spec = CURRENT_BY_NAME.get(metric)
  if (!spec) return false
  if (opts.surface && !spec.surfaces.includes(opts.surface)) return false
  return spec.sinceVersion === undefined || version >= versionNumber(spec.sinceVersion)
}

/**
 * Per kind, in the order they are shown. Carousels get the FEED metrics Meta reports on an album itself, without
 * `follows` / `profile_visits` (documented for FEED and STORY posts, not for albums); stories get STORY metrics
 * (`replies`, `navigation`), reels the REELS ones (watch time). Facebook reactions are the numeric per-type
 * totals, not `post_reactions_by_type_total` (an object), so every value parses to a number.
 */
const PUBLICATION_METRICS: Record<MetaPublicationKind, { surface: InsightsSurface; edge: InsightsEdge; metrics: readonly string[] }> = {
  instagram_image: {
    surface: "instagram_media",
    edge: "insights",
    metrics: ["views", "reach", "likes", "comments", "shares", "saved", "total_interactions", "follows", "profile_visits"],
  },
  instagram_carousel: {
    surface: "instagram_media",
    edge: "insights",
    metrics: ["views", "reach", "likes", "comments", "shares", "saved", "total_interactions"],
  },
  instagram_reel: {
    surface: "instagram_media",
    edge: "insights",
    metrics: ["views", "reach", "likes", "comments", "shares", "saved", "total_interactions", "ig_reels_avg_watch_time", "ig_reels_video_view_total_time"],
  },
  instagram_story: {
    surface: "instagram_media",
    edge: "insights",
    metrics: ["views", "reach", "replies", "shares", "total_interactions", "follows", "profile_visits", "navigation"],
  },
  facebook_post: { surface: "facebook_post", edge: "insights", metrics: facebookPostMetrics() },
  facebook_photo: { surface: "facebook_post", edge: "insights", metrics: facebookPostMetrics() },
  facebook_multi_photo: { surface: "facebook_post", edge: "insights", metrics: facebookPostMetrics() },
  // The publisher keeps the Video id for a video post; a Video answers on /video_insights only.
  facebook_video: {
    surface: "facebook_video",
    edge: "video_insights",
    metrics: ["total_video_views", "total_video_views_unique", "total_video_avg_time_watched", "total_video_view_total_time"],
  },
  // A reel is kept by its Video id too (https://developers.facebook.com/docs/video-api/guides/reels-publishing)
  // and reports the reels metrics: plays (first plays, and with replays), watch time, follows.
  facebook_reel: {
    surface: "facebook_video",
    edge: "video_insights",
    metrics: ["blue_reels_play_count", "fb_reels_total_plays", "post_video_avg_time_watched", "post_video_view_time", "post_video_followers"],
  },
}

function facebookPostMetrics(): string[] {
  return [
    "post_total_media_view_unique",
    "post_media_view",
    "post_clicks",
    "post_reactions_like_total",
    "post_reactions_love_total",
    "post_reactions_wow_total",
    "post_reactions_haha_total",
    "post_reactions_sorry_total",
    "post_reactions_anger_total",
  ]
}

/** The call that reads one publication's figures: which edge, which metrics (valid at `apiVersion`). */
export function publicationInsightsQuery(input: {
  platform: MetaPublishingPlatform
  kind: MetaPublicationKind
  apiVersion: string
  at?: Date
}): PublicationInsightsQuery {
  const spec = KIND_SPECS[input.kind]
  const entry = PUBLICATION_METRICS[input.kind]
  if (!spec || !entry) throw new Error(`Unknown publication kind "${String(input.kind)}"`)
  if (spec.platform !== input.platform) {
    throw new Error(`A ${input.kind} publication belongs to ${spec.platform}, not ${input.platform}`)
  }
  const metrics = entry.metrics.filter((m) => isMetricValidAt(m, input.apiVersion, { surface: entry.surface, at: input.at }))
  return { surface: entry.surface, edge: entry.edge, metrics }
}

/** The metric names for one publication, valid at `apiVersion`. */
export function metricsForPublication(input: {
  platform: MetaPublishingPlatform
  kind: MetaPublicationKind
  apiVersion: string
  at?: Date
}): string[] {
  return publicationInsightsQuery(input).metrics
}

/**
 * The calls that read an account's figures. Instagram: the daily totals with `metric_type=total_value`
 * (`views`, `accounts_engaged`, `total_interactions`, `profile_links_taps` are total_value-only; `reach`
 * takes both), `follower_count` as a daily series, `online_followers` with `period=lifetime` (values per day,
 * keyed by hour). Facebook Page: one daily series call.
 */
export function accountInsightsQueries(input: { platform: MetaPublishingPlatform; apiVersion: string; at?: Date }): AccountInsightsQuery[] {
  const keep = (metrics: string[], surface: InsightsSurface) =>
    metrics.filter((m) => isMetricValidAt(m, input.apiVersion, { surface, at: input.at }))
  const queries: AccountInsightsQuery[] =
    input.platform === "instagram"
      ? [
          {
            purpose: "daily_totals",
            metrics: keep(["reach", "views", "accounts_engaged", "total_interactions", "profile_links_taps"], "instagram_account"),
            params: { period: "day", metric_type: "total_value" },
          },
          { purpose: "follower_count", metrics: keep(["follower_count"], "instagram_account"), params: { period: "day" } },
          { purpose: "online_followers", metrics: keep(["online_followers"], "instagram_account"), params: { period: "lifetime" } },
        ]
      : input.platform === "facebook"
        ? [
            {
              purpose: "page_daily",
              metrics: keep(["page_follows", "page_media_view", "page_total_media_view_unique", "page_post_engagements"], "facebook_page"),
              params: { period: "day" },
            },
          ]
        : []
  if (queries.length === 0) throw new Error(`Unknown platform "${String(input.platform)}"`)
  return queries.filter((q) => q.metrics.length > 0)
}

/**
 * Metrics whose daily values may be summed over a range. Reach-like (unique people) figures and levels
 * (`page_follows`, `follower_count`) are not additive: the same person is counted on several days.
 */
const ADDITIVE_METRICS = new Set([
  "views",
  "total_interactions",
  "profile_links_taps",
  "likes",
  "comments",
  "shares",
  "saved",
  "replies",
  "follows",
  "profile_visits",
  "page_media_view",
  "page_post_engagements",
  "post_media_view",
  "post_clicks",
])

export function isAdditiveMetric(metric: string): boolean {
  return ADDITIVE_METRICS.has(metric)
}
