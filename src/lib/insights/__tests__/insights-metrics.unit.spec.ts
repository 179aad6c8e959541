import { PUBLICATION_KINDS, platformOfKind } from "../../publishing/kinds"
import {
  accountInsightsQueries,
  DEPRECATED_INSIGHT_METRICS,
  deprecatedMetric,
  isAdditiveMetric,
  isMetricValidAt,
  metricsForPublication,
  publicationInsightsQuery,
} from "../insights-metrics"

const AT = new Date("2026-09-01T00:00:00Z")
const VERSIONS = ["v25.0", "v22.0", "v26.0", "v21.0"]
const deprecatedNames = new Set(DEPRECATED_INSIGHT_METRICS.map((d) => d.name))

describe("metricsForPublication", () => {
  it.each(PUBLICATION_KINDS.flatMap((kind) => VERSIONS.map((v) => [kind, v] as const)))(
    "%s at %s asks for no retired metric, no duplicate, and only names valid at that version",
    (kind, apiVersion) => {
      const metrics = metricsForPublication({ platform: platformOfKind(kind), kind, apiVersion, at: AT })
      expect(metrics.length).toBeGreaterThan(0)
      expect(new Set(metrics).size).toBe(metrics.length)
      for (const m of metrics) {
        expect(deprecatedNames.has(m)).toBe(false)
        expect(isMetricValidAt(m, apiVersion, { at: AT })).toBe(true)
      }
    }
  )

  it("never asks for impressions, plays, video_views, post_impressions* or page_fans at v25.0 or v22.0", () => {
    for (const apiVersion of ["v25.0", "v22.0"]) {
      const all = PUBLICATION_KINDS.flatMap((kind) => metricsForPublication({ platform: platformOfKind(kind), kind, apiVersion, at: AT }))
      for (const bad of ["impressions", "plays", "video_views", "clips_replays_count", "ig_reels_aggregated_all_plays_count", "engagement"]) {
        expect(all).not.toContain(bad)
      }
      expect(all.filter((m) => /impressions|page_fans|engaged_users/.test(m))).toEqual([])
    }
  })

  it("picks Meta's metrics per Instagram media product type", () => {
    const at = (kind: Parameters<typeof metricsForPublication>[0]["kind"]) =>
      metricsForPublication({ platform: "instagram", kind, apiVersion: "v25.0", at: AT })
    expect(at("instagram_image")).toEqual(["views", "reach", "likes", "comments", "shares", "saved", "total_interactions", "follows", "profile_visits"])
    expect(at("instagram_carousel")).toEqual(["views", "reach", "likes", "comments", "shares", "saved", "total_interactions"])
    expect(at("instagram_reel")).toEqual(expect.arrayContaining(["views", "reach", "ig_reels_avg_watch_time", "ig_reels_video_view_total_time"]))
    expect(at("instagram_reel")).not.toContain("follows")
    expect(at("instagram_story")).toEqual(expect.arrayContaining(["views", "reach", "replies", "navigation"]))
    // STORY has no likes, comments or saves
    expect(at("instagram_story")).not.toEqual(expect.arrayContaining(["likes"]))
    expect(at("instagram_story")).not.toContain("saved")
    expect(at("instagram_story")).not.toContain("comments")
  })

  it("reads Facebook posts on /insights with the media-view replacements, and videos on /video_insights", () => {
    for (const kind of ["facebook_post", "facebook_photo", "facebook_multi_photo"] as const) {
      const query = publicationInsightsQuery({ platform: "facebook", kind, apiVersion: "v25.0", at: AT })
      expect(query.edge).toBe("insights")
      expect(query.surface).toBe("facebook_post")
      expect(query.metrics).toEqual(expect.arrayContaining(["post_total_media_view_unique", "post_media_view", "post_clicks", "post_reactions_like_total"]))
      expect(query.metrics).not.toContain("post_reactions_by_type_total")
    }
    const video = publicationInsightsQuery({ platform: "facebook", kind: "facebook_video", apiVersion: "v25.0", at: AT })
    expect(video).toMatchObject({ edge: "video_insights", surface: "facebook_video" })
    expect(video.metrics).toContain("total_video_views")
  })

  it("reads a Facebook reel's Video on /video_insights with the reels metrics, not the total_video_* ones", () => {
    const reel = publicationInsightsQuery({ platform: "facebook", kind: "facebook_reel", apiVersion: "v25.0", at: AT })
    expect(reel).toEqual({
      edge: "video_insights",
      surface: "facebook_video",
      metrics: ["blue_reels_play_count", "fb_reels_total_plays", "post_video_avg_time_watched", "post_video_view_time", "post_video_followers"],
    })
    // reach on a reel goes by a name Meta retired for Page posts: not asked
    expect(isMetricValidAt("post_impressions_unique", "v25.0", { surface: "facebook_video", at: AT })).toBe(false)
    expect(isMetricValidAt("total_video_views", "v25.0", { surface: "facebook_video", at: AT })).toBe(true)
    expect(isMetricValidAt("blue_reels_play_count", "v25.0", { surface: "facebook_post", at: AT })).toBe(false)
  })

  it("drops total_interactions below v18.0, where Meta does not answer it", () => {
    const old = metricsForPublication({ platform: "instagram", kind: "instagram_image", apiVersion: "v17.0", at: AT })
    expect(old).not.toContain("total_interactions")
    expect(old).toContain("reach")
  })

  it("refuses a kind on the wrong platform, an unknown kind and a malformed version", () => {
    expect(() => metricsForPublication({ platform: "facebook", kind: "instagram_reel", apiVersion: "v25.0" })).toThrow(
      "A instagram_reel publication belongs to instagram, not facebook"
    )
    expect(() => metricsForPublication({ platform: "instagram", kind: "instagram_tv" as never, apiVersion: "v25.0" })).toThrow(/Unknown publication kind/)
    expect(() => metricsForPublication({ platform: "instagram", kind: "instagram_image", apiVersion: "25.0" })).toThrow(/v25\.0/)
    expect(() => metricsForPublication({ platform: "instagram", kind: "instagram_image", apiVersion: "v25" })).toThrow(/v25\.0/)
  })
})

describe("accountInsightsQueries", () => {
  it("reads an Instagram account with total_value daily totals, follower_count per day and online_followers lifetime", () => {
    const queries = accountInsightsQueries({ platform: "instagram", apiVersion: "v25.0", at: AT })
    expect(queries).toEqual([
      {
        purpose: "daily_totals",
        metrics: ["reach", "views", "accounts_engaged", "total_interactions", "profile_links_taps"],
        params: { period: "day", metric_type: "total_value" },
      },
      { purpose: "follower_count", metrics: ["follower_count"], params: { period: "day" } },
      { purpose: "online_followers", metrics: ["online_followers"], params: { period: "lifetime" } },
    ])
  })

  it("reads a Facebook Page with page_follows and the media-view metrics, never page_fans or page_impressions", () => {
    const [query] = accountInsightsQueries({ platform: "facebook", apiVersion: "v25.0", at: AT })
    expect(query).toEqual({
      purpose: "page_daily",
      metrics: ["page_follows", "page_media_view", "page_total_media_view_unique", "page_post_engagements"],
      params: { period: "day" },
    })
  })

  it.each(["v25.0", "v22.0"])("holds no retired metric at %s", (apiVersion) => {
    for (const platform of ["instagram", "facebook"] as const) {
      for (const q of accountInsightsQueries({ platform, apiVersion, at: AT })) {
        for (const m of q.metrics) expect(deprecatedNames.has(m)).toBe(false)
      }
    }
  })

  it("refuses an unknown platform", () => {
    expect(() => accountInsightsQueries({ platform: "threads" as never, apiVersion: "v25.0" })).toThrow(/Unknown platform/)
  })
})

describe("deprecated metrics", () => {
  it.each([
    ["impressions", "instagram_media", "views"],
    ["plays", "instagram_media", "views"],
    ["video_views", "instagram_media", "views"],
    ["impressions", "instagram_account", "views"],
    ["website_clicks", "instagram_account", "profile_links_taps"],
    ["post_impressions_unique", "facebook_post", "post_total_media_view_unique"],
    ["post_impressions", "facebook_post", "post_media_view"],
    ["page_impressions_unique", "facebook_page", "page_total_media_view_unique"],
    ["page_fans", "facebook_page", "page_follows"],
    ["engagement", "instagram_media", "total_interactions"],
    ["taps_forward", "instagram_media", "navigation"],
  ] as const)("%s on %s → %s", (name, surface, replacement) => {
    expect(deprecatedMetric(name, surface)?.replacement).toBe(replacement)
  })

  it("cites a Meta URL and a past all-versions date for every entry", () => {
    for (const d of DEPRECATED_INSIGHT_METRICS) {
      expect(d.source).toMatch(/^https:\/\/developers\.facebook\.com\//)
      expect(Date.parse(`${d.allVersionsFrom}T00:00:00Z`)).toBeLessThan(AT.getTime())
    }
  })

  it("knows a metric retired on one surface only there", () => {
    expect(deprecatedMetric("impressions", "facebook_page")).toBeUndefined()
    expect(deprecatedMetric("reach", "instagram_media")).toBeUndefined()
    expect(deprecatedMetric("no_such_metric")).toBeUndefined()
  })
})

describe("isMetricValidAt", () => {
  it("refuses retired names at every version once their all-versions date has passed", () => {
    for (const v of ["v17.0", "v21.0", "v22.0", "v25.0", "v26.0"]) {
      expect(isMetricValidAt("impressions", v, { at: AT })).toBe(false)
      expect(isMetricValidAt("plays", v, { at: AT })).toBe(false)
      expect(isMetricValidAt("page_fans", v, { at: AT })).toBe(false)
      expect(isMetricValidAt("post_impressions_unique", v, { at: AT })).toBe(false)
    }
  })

  it("before the all-versions date, refuses a name only from the version that retired it", () => {
    const before = new Date("2025-03-01T00:00:00Z")
    expect(isMetricValidAt("impressions", "v21.0", { at: before })).toBe(false) // not a current metric of ours
    expect(deprecatedMetric("impressions")?.fromVersion).toBe("v22.0")
    expect(isMetricValidAt("views", "v21.0", { at: before })).toBe(true)
  })

  it("accepts current metrics, checks the surface, and does not guess unknown names", () => {
    expect(isMetricValidAt("views", "v25.0", { at: AT })).toBe(true)
    expect(isMetricValidAt("views", "v25.0", { surface: "instagram_media", at: AT })).toBe(true)
    expect(isMetricValidAt("views", "v25.0", { surface: "facebook_page", at: AT })).toBe(false)
    expect(isMetricValidAt("page_follows", "v25.0", { surface: "facebook_page" })).toBe(true)
    expect(isMetricValidAt("made_up_metric", "v25.0")).toBe(false)
    expect(isMetricValidAt("total_interactions", "v17.0", { at: AT })).toBe(false)
    expect(isMetricValidAt("total_interactions", "v18.0", { at: AT })).toBe(true)
  })

  it("throws on a version that is not vNN.N", () => {
    expect(() => isMetricValidAt("views", "latest")).toThrow(/v25\.0/)
  })
})

describe("isAdditiveMetric", () => {
  it("sums counts of events, never reach or follower levels", () => {
    expect(isAdditiveMetric("views")).toBe(true)
    expect(isAdditiveMetric("total_interactions")).toBe(true)
    expect(isAdditiveMetric("page_post_engagements")).toBe(true)
    expect(isAdditiveMetric("reach")).toBe(false)
    expect(isAdditiveMetric("accounts_engaged")).toBe(false)
    expect(isAdditiveMetric("page_total_media_view_unique")).toBe(false)
    expect(isAdditiveMetric("page_follows")).toBe(false)
    expect(isAdditiveMetric("follower_count")).toBe(false)
  })
})
