import { startGraphEmulator, type GraphEmulator } from "../index"
import { graphGet, graphSend, type GraphAnswer } from "./emulator-test-client"
import { startMediaServer, type MediaServer } from "./media-server"

const IG = "40001"
const PAGE = "30001"
const HOUR = 3600 * 1000
const DAY = 24 * HOUR
const unix = (ms: number) => String(Math.floor(ms / 1000))

describe("Graph emulator: insights", () => {
  let emulator: GraphEmulator
  let media: MediaServer
  let token: string

  beforeAll(async () => {
    emulator = await startGraphEmulator()
    media = await startMediaServer()
  })
  afterAll(async () => {
    await emulator.close()
    await media.close()
  })
  beforeEach(() => {
    emulator.reset()
    emulator.publishing.setContainerDelays({ imageMs: 0, videoMs: 0 })
    token = emulator.createSystemUserToken()
  })

  async function publish(params: Record<string, unknown>): Promise<string> {
    const created = await graphSend(emulator, "POST", `${IG}/media`, token, params)
    expect(created.status).toBe(200)
    for (let i = 0; i < 100; i++) {
      const status = (await graphGet(emulator, created.body.id, token, { fields: "status_code" })).body.status_code
      if (status === "FINISHED") break
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const answer = await graphSend(emulator, "POST", `${IG}/media_publish`, token, { creation_id: created.body.id })
    expect(answer.status).toBe(200)
    return answer.body.id
  }
  const image = () => publish({ image_url: media.url("/square.jpg"), caption: "Insights" })
  const reel = () => publish({ media_type: "REELS", video_url: media.url("/reel.mp4") })
  const story = () => publish({ media_type: "STORIES", image_url: media.url("/square.jpg") })

  const insights = (id: string, metric: string, as = token, params: Record<string, string> = {}) =>
    graphGet(emulator, `${id}/insights`, as, { metric, ...params })
  const valuesOf = (answer: GraphAnswer) => Object.fromEntries(answer.body.data.map((m: { name: string; values: { value: unknown }[] }) => [m.name, m.values[0].value]))

  describe("Instagram media", () => {
    it("answers lifetime values with Meta's shape, deterministically", async () => {
      const id = await image()
      emulator.insights.advance(2 * DAY)
      const answer = await insights(id, "views,reach,likes,comments,shares,saved,total_interactions,follows,profile_visits,profile_activity")
      expect(answer.status).toBe(200)
      expect(answer.body.data).toHaveLength(10)
      expect(answer.body.data[1]).toEqual({
        name: "reach",
        period: "lifetime",
        values: [{ value: expect.any(Number) }],
        title: "Accounts reached",
        description: expect.any(String),
        id: `${id}/insights/reach/lifetime`,
      })
      const v = valuesOf(answer)
      expect(v.reach).toBeGreaterThan(0)
      expect(v.views).toBeGreaterThanOrEqual(v.reach)
      expect(v.total_interactions).toBe(v.likes + v.comments + v.shares + v.saved)
      expect(valuesOf(await insights(id, "reach,likes"))).toEqual({ reach: v.reach, likes: v.likes })
      const total = await insights(id, "reach", token, { metric_type: "total_value" })
      expect(total.body.data[0].total_value).toEqual({ value: v.reach })
    })

    it.each(["impressions", "plays", "clips_replays_count", "ig_reels_aggregated_all_plays_count", "video_views", "engagement", "no_such_metric"])(
      "one retired or unknown metric (%s) fails the whole call with (#100)",
      async (retired) => {
        const id = await reel()
        const answer = await insights(id, `views,reach,${retired},likes`)
        expect(answer.status).toBe(400)
        expect(answer.body.error).toMatchObject({ code: 100, message: "(#100) The value must be a valid insights metric" })
      }
    )

    it("accepts only the metrics of the media product type", async () => {
      const [feed, clip] = [await image(), await reel()]
      emulator.insights.advance(DAY)
      const reels = await insights(clip, "views,reach,likes,comments,shares,saved,total_interactions,ig_reels_avg_watch_time,ig_reels_video_view_total_time,reels_skip_rate")
      expect(reels.status).toBe(200)
      const v = valuesOf(reels)
      expect(v.ig_reels_video_view_total_time).toBe(v.ig_reels_avg_watch_time * v.views)
      expect((await insights(feed, "reach,replies")).body.error).toMatchObject({
        code: 100,
        message: "(#100) The Media Insights API does not support the replies metric for this media product type.",
      })
      expect((await insights(clip, "profile_visits,follows")).body.error.message).toContain("profile_visits, follows metric")
      expect((await insights(feed, "ig_reels_avg_watch_time")).body.error.code).toBe(100)
    })

    it("grows with time since publishing; the growth factor and overrides steer it", async () => {
      const id = await image()
      const at = async (advanceMs: number) => {
        emulator.insights.advance(advanceMs)
        return valuesOf(await insights(id, "reach,views,likes"))
      }
      const first = await at(HOUR)
      const day = await at(DAY - HOUR)
      const later = await at(3 * DAY)
      expect(first.reach).toBeLessThan(day.reach)
      expect(day.reach).toBeLessThan(later.reach)
      expect(later.likes).toBeGreaterThanOrEqual(day.likes)
      expect(emulator.insights.mediaMetrics(id)).toMatchObject(later)

      emulator.insights.setGrowthFactor(2)
      expect(valuesOf(await insights(id, "reach")).reach).toBeGreaterThan(1.9 * later.reach)
      emulator.insights.setGrowthFactor(1)

      emulator.insights.setMediaMetrics(id, { reach: 1234, likes: 100, comments: null })
      const fixed = await insights(id, "reach,likes,comments,total_interactions")
      expect(fixed.body.data.map((m: { name: string }) => m.name)).toEqual(["reach", "likes", "total_interactions"])
      const f = valuesOf(fixed)
      expect(f).toMatchObject({ reach: 1234, likes: 100 })
      expect(f.total_interactions).toBeGreaterThanOrEqual(100)
      expect(() => emulator.insights.setMediaMetrics(id, { impressions: 1 })).toThrow(/not a metric/)
    })

    it("stories: too few viewers at first (#10), replies and navigation later, an error after 24 h", async () => {
      const id = await story()
      expect((await insights(id, "reach")).body.error).toMatchObject({ code: 10, message: "(#10) Not enough viewers for the media to show insights" })
      emulator.insights.advance(6 * HOUR)
      const answer = await insights(id, "views,reach,replies,navigation,shares,follows,profile_visits,total_interactions")
      expect(answer.status).toBe(200)
      expect(valuesOf(answer).replies).toBeGreaterThanOrEqual(0)
      expect((await insights(id, "likes")).body.error.code).toBe(100)
      emulator.insights.advance(18 * HOUR)
      const expired = await insights(id, "reach")
      expect(expired.status).toBe(400)
      expect(expired.body.error).toMatchObject({ code: 10, error_user_msg: expect.stringContaining("24 hours") })
    })

    it("carousel children have no insights; the album has FEED's", async () => {
      const children: string[] = []
      for (let i = 0; i < 2; i++) {
        children.push((await graphSend(emulator, "POST", `${IG}/media`, token, { image_url: media.url("/square.jpg"), is_carousel_item: true })).body.id)
      }
      const album = await publish({ media_type: "CAROUSEL", children: children.join(",") })
      emulator.insights.advance(DAY)
      const child = (await graphGet(emulator, album, token, { fields: "children{id}" })).body.children.data[0].id
      expect((await insights(child, "reach")).body).toEqual({ data: [] })
      expect((await insights(album, "reach,saved")).body.data).toHaveLength(2)
    })

    it("needs instagram_manage_insights (#10)", async () => {
      const id = await image()
      const weak = emulator.createSystemUserToken({ scopes: ["instagram_basic", "pages_read_engagement", "pages_show_list"] })
      const answer = await insights(id, "reach", weak)
      expect(answer.body.error).toMatchObject({ code: 10, message: expect.stringContaining("instagram_manage_insights") })
      expect((await insights(IG, "reach", weak, { period: "day" })).body.error.code).toBe(10)
    })

    it("reads several media at once: GET /insights?ids=…", async () => {
      const [a, b] = [await image(), await reel()]
      emulator.insights.advance(DAY)
      const answer = await graphGet(emulator, "insights", token, { ids: `${a},${b}`, metric: "reach,views" })
      expect(Object.keys(answer.body).sort()).toEqual([a, b].sort())
      expect(answer.body[a].data.map((m: { name: string }) => m.name)).toEqual(["reach", "views"])
      expect(emulator.requestCounts({ path: "/insights" })).toMatchObject({ logical: 2 })
    })
  })

  describe("Instagram account", () => {
    const account = (params: Record<string, string>, as = token) => graphGet(emulator, `${IG}/insights`, as, params)

    it("total_value metrics over since–until; the total_value-only ones refuse a time series", async () => {
      const now = emulator.insights.now()
      const answer = await account({
        metric: "reach,views,accounts_engaged,total_interactions,profile_links_taps",
        period: "day",
        metric_type: "total_value",
        since: unix(now - 7 * DAY),
        until: unix(now),
      })
      expect(answer.status).toBe(200)
      expect(answer.body.data.map((m: { name: string }) => m.name)).toEqual(["reach", "views", "accounts_engaged", "total_interactions", "profile_links_taps"])
      expect(answer.body.data[1]).toEqual({
        name: "views",
        period: "day",
        total_value: { value: expect.any(Number) },
        title: "Views",
        description: expect.any(String),
        id: `${IG}/insights/views/day`,
      })
      expect(answer.body.data[1].total_value.value).toBeGreaterThan(0)

      const series = await account({ metric: "reach,views", period: "day" })
      expect(series.body.error).toMatchObject({
        code: 100,
        message: "(#100) The following metrics (views) should be specified with parameter metric_type=total_value",
      })
      const reach = await account({ metric: "reach,follower_count", period: "day", since: unix(now - 3 * DAY), until: unix(now) })
      expect(reach.body.data[0].values[0]).toEqual({ value: expect.any(Number), end_time: expect.stringMatching(/T0[78]:00:00\+0000$/) })
      expect(reach.body.paging).toEqual({ previous: expect.stringContaining("since="), next: expect.stringContaining("until=") })
    })

    it("refuses retired and unknown metrics, ranges over 30 days, a missing period", async () => {
      const impressions = await account({ metric: "reach,impressions", period: "day" })
      expect(impressions.body.error.message).toContain("Starting from version 22 and above, the impressions metric is no longer supported")
      const profileViews = await account({ metric: "reach,profile_views", period: "day" })
      expect(profileViews.body.error.message).toMatch(/^\(#100\) metric\[1\] must be one of the following values: reach, views/)
      const now = emulator.insights.now()
      const long = await account({ metric: "reach", period: "day", since: unix(now - 31 * DAY), until: unix(now) })
      expect(long.body.error.message).toBe("(#100) There cannot be more than 30 days (2592000 s) between since and until")
      expect((await account({ metric: "reach" })).body.error.code).toBe(100)
      expect((await account({ metric: "online_followers", period: "day" })).body.error.code).toBe(100)
    })

    it("online_followers: one {\"0\"…\"23\"} per day of the last 30, peaking at 20 then 12, within followers_count", async () => {
      const followers = (await graphGet(emulator, IG, token, { fields: "followers_count" })).body.followers_count
      const now = emulator.insights.now()
      const answer = await account({ metric: "online_followers", period: "lifetime", since: unix(now - 7 * DAY), until: unix(now) })
      expect(answer.status).toBe(200)
      const [metric] = answer.body.data
      expect(metric).toMatchObject({ name: "online_followers", period: "lifetime", id: `${IG}/insights/online_followers/lifetime` })
      expect(metric.values.length).toBeGreaterThanOrEqual(7)
      for (const day of metric.values) {
        expect(Object.keys(day.value)).toEqual(Array.from({ length: 24 }, (_, h) => String(h)))
        const ranked = Object.entries(day.value as Record<string, number>).sort((a, b) => b[1] - a[1])
        expect(ranked[0][0]).toBe("20")
        expect(ranked.slice(0, 4).map(([h]) => h)).toContain("12")
        expect(Math.max(...Object.values(day.value as Record<string, number>))).toBeLessThanOrEqual(followers)
        expect(day.end_time).toMatch(/^\d{4}-\d\d-\d\dT0[78]:00:00\+0000$/)
      }
      // Deterministic: the same call answers the same curve.
      const again = await account({ metric: "online_followers", period: "lifetime", since: unix(now - 7 * DAY), until: unix(now) })
      expect(again.body.data).toEqual(answer.body.data)

      // Only the last 30 days exist.
      const old = await account({ metric: "online_followers", period: "lifetime", since: unix(now - 60 * DAY), until: unix(now - 35 * DAY) })
      expect(old.body.data).toEqual([])
    })

    it("setOnlineFollowers fixes the curve; under 100 followers online_followers and follower_count are empty", async () => {
      const hours = Array.from({ length: 24 }, (_, h) => (h === 9 ? 500 : 10))
      emulator.insights.setOnlineFollowers(IG, hours)
      const now = emulator.insights.now()
      const set = await account({ metric: "online_followers", period: "lifetime", since: unix(now - 2 * DAY), until: unix(now) })
      expect(set.body.data[0].values[0].value["9"]).toBe(500)
      expect(() => emulator.insights.setOnlineFollowers(IG, [1, 2, 3])).toThrow(/24/)

      emulator.state.igAccounts[IG].followersCount = 99
      expect((await graphGet(emulator, IG, token, { fields: "followers_count" })).body.followers_count).toBe(99)
      expect((await account({ metric: "online_followers", period: "lifetime" })).body).toEqual({ data: [] })
      const mixed = await account({ metric: "reach,follower_count", period: "day" })
      expect(mixed.body.data.map((m: { name: string }) => m.name)).toEqual(["reach"])
    })
  })

  describe("Facebook Page and posts", () => {
    let pageToken: string

    beforeEach(async () => {
      const accounts = await graphGet(emulator, "me/accounts", token, { fields: "id,access_token" })
      pageToken = accounts.body.data.find((p: { id: string }) => p.id === PAGE).access_token
    })

    it("page_follows, page_total_media_view_unique, page_post_engagements by day; page_follows ends at followers_count", async () => {
      const now = emulator.insights.now()
      const answer = await graphGet(emulator, `${PAGE}/insights`, pageToken, {
        metric: "page_follows,page_total_media_view_unique,page_post_engagements",
        period: "day",
        since: unix(now - 5 * DAY),
        until: unix(now),
      })
      expect(answer.status).toBe(200)
      expect(answer.body.data.map((m: { name: string; period: string }) => `${m.name}/${m.period}`)).toEqual([
        "page_follows/day",
        "page_total_media_view_unique/day",
        "page_post_engagements/day",
      ])
      const follows = answer.body.data[0].values
      expect(follows.length).toBeGreaterThanOrEqual(5)
      expect(follows[0]).toEqual({ value: expect.any(Number), end_time: expect.stringMatching(/T0[78]:00:00\+0000$/) })
      const fans = (await graphGet(emulator, PAGE, pageToken, { fields: "followers_count" })).body.followers_count
      expect(follows[follows.length - 1].value).toBe(fans)
      expect(follows[0].value).toBeLessThanOrEqual(fans)
      expect(answer.body.data[0].id).toBe(`${PAGE}/insights/page_follows/day`)

      const noPeriod = await graphGet(emulator, `${PAGE}/insights`, pageToken, { metric: "page_media_view" })
      expect(noPeriod.body.data.map((m: { period: string }) => m.period)).toEqual(["day", "week", "days_28"])
      const path = await graphGet(emulator, `${PAGE}/insights/page_post_engagements/week`, pageToken)
      expect(path.body.data.map((m: { name: string; period: string }) => [m.name, m.period])).toEqual([["page_post_engagements", "week"]])
    })

    it.each(["page_impressions", "page_impressions_unique", "page_fans", "page_fan_adds_unique", "page_engaged_users", "page_posts_impressions", "post_clicks"])(
      "a retired or misplaced metric (%s) fails the whole Page call",
      async (retired) => {
        const answer = await graphGet(emulator, `${PAGE}/insights`, pageToken, { metric: `page_follows,${retired}`, period: "day" })
        expect(answer.body.error).toMatchObject({ code: 100, message: "(#100) The value must be a valid insights metric" })
      }
    )

    it("needs a Page token (210) with read_insights (200); no metric is 3001/1504028; over 90 days is refused", async () => {
      expect((await graphGet(emulator, `${PAGE}/insights`, token, { metric: "page_follows" })).body.error.code).toBe(210)
      const weak = emulator.createSystemUserToken({ scopes: ["pages_show_list", "pages_read_engagement"] })
      const weakPage = (await graphGet(emulator, "me/accounts", weak, { fields: "id,access_token" })).body.data[0].access_token
      expect((await graphGet(emulator, `${PAGE}/insights`, weakPage, { metric: "page_follows" })).body.error).toMatchObject({
        code: 200,
        message: expect.stringContaining("read_insights"),
      })
      expect((await graphGet(emulator, `${PAGE}/insights`, pageToken)).body.error).toMatchObject({ code: 3001, error_subcode: 1504028 })
      const now = emulator.insights.now()
      const long = await graphGet(emulator, `${PAGE}/insights`, pageToken, { metric: "page_follows", since: unix(now - 91 * DAY), until: unix(now) })
      expect(long.body.error.message).toBe("(#100) There cannot be more than 90 days (7776000 s) between since and until")
    })

    it("post insights: lifetime values that grow; post_impressions* refused", async () => {
      const post = await graphSend(emulator, "POST", `${PAGE}/feed`, pageToken, { message: "Insights post", link: "https://shop.example.com/p/1" })
      const id = post.body.id
      const metric = "post_total_media_view_unique,post_media_view,post_clicks,post_clicks_by_type,post_reactions_like_total,post_reactions_by_type_total"
      emulator.insights.advance(2 * HOUR)
      const early = valuesOf(await graphGet(emulator, `${id}/insights`, pageToken, { metric }))
      emulator.insights.advance(2 * DAY)
      const answer = await graphGet(emulator, `${id}/insights`, pageToken, { metric })
      expect(answer.body.data[0]).toEqual({
        name: "post_total_media_view_unique",
        period: "lifetime",
        values: [{ value: expect.any(Number) }],
        title: expect.any(String),
        description: expect.any(String),
        id: `${id}/insights/post_total_media_view_unique/lifetime`,
      })
      const later = valuesOf(answer)
      expect(later.post_total_media_view_unique).toBeGreaterThan(early.post_total_media_view_unique)
      expect(later.post_media_view).toBeGreaterThanOrEqual(later.post_total_media_view_unique)
      expect(later.post_clicks_by_type["link clicks"]).toBeGreaterThan(0)
      expect(later.post_reactions_by_type_total.like).toBe(later.post_reactions_like_total)
      const retired = await graphGet(emulator, `${id}/insights`, pageToken, { metric: "post_impressions_unique,post_clicks" })
      expect(retired.body.error).toMatchObject({ code: 100, message: "(#100) The value must be a valid insights metric" })
      expect((await graphGet(emulator, `${id}/insights`, token, { metric: "post_clicks" })).body.error.code).toBe(210)
    })
  })

  it("control API: GET /_emulator/insights and POST /_emulator/insights/config", async () => {
    const id = await image()
    const config = await fetch(`${emulator.url}/_emulator/insights/config`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ advance_ms: DAY, growth_factor: 1.5, media: { [id]: { reach: 42 } }, online_followers: { [IG]: Array(24).fill(7) } }),
    })
    expect(config.status).toBe(200)
    expect(await config.json()).toMatchObject({ clockOffsetMs: DAY, growthFactor: 1.5, overrides: { [id]: { reach: 42 } }, onlineFollowers: [IG] })
    expect(valuesOf(await insights(id, "reach")).reach).toBe(42)
    const view = await (await fetch(`${emulator.url}/_emulator/insights`)).json()
    expect(view).toMatchObject({ clockOffsetMs: DAY, requests: { http: expect.any(Number), logical: expect.any(Number) } })
    expect(view.metrics.ig_media.STORY).toEqual(expect.arrayContaining(["replies", "navigation"]))
    const bad = await fetch(`${emulator.url}/_emulator/insights/config`, { method: "POST", body: JSON.stringify({ media: { nope: { reach: 1 } } }), headers: { "content-type": "application/json" } })
    expect(bad.status).toBe(400)
  })
})
