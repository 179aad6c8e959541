import {
  classifyInsightsError,
  engagementOf,
  engagementRate,
  insightDayOf,
  insightNumber,
  parseInsightMetrics,
  parseInsightSeries,
  parseOnlineFollowers,
  reachOf,
  readInsightsAnswer,
  REASON_BEFORE_CONVERSION,
  REASON_EMPTY,
  REASON_GONE,
  REASON_NOT_ENOUGH_VIEWERS,
  REASON_RECONNECT,
  REASON_STORY_EXPIRED,
  REASON_TOO_NEW,
  REASON_TOO_OLD,
  refusedMetricsOf,
} from "../parse-insights"

const NOW = new Date("2026-09-10T12:00:00Z")
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000)

describe("insightNumber", () => {
  it.each([
    [12, 12],
    [0, 0],
    [3.5, 3.5],
    ["42", 42],
    [" 7 ", 7],
    ["1.25", 1.25],
    ["-3", -3],
  ])("%p → %p", (input, expected) => expect(insightNumber(input)).toBe(expected))

  it.each([[NaN], [Infinity], [-Infinity], [""], ["12abc"], ["1e3"], ["0x10"], [null], [undefined], [true], [{ value: 1 }], [[1]]])(
    "%p is not a figure",
    (input) => expect(insightNumber(input)).toBeUndefined()
  )
})

describe("parseInsightMetrics", () => {
  it("reads values[] (lifetime) and total_value", () => {
    const body = {
      data: [
        { name: "reach", period: "lifetime", values: [{ value: 1240 }], title: "Accounts reached", id: "1/insights/reach/lifetime" },
        { name: "views", period: "day", total_value: { value: 5300 } },
        { name: "saved", period: "lifetime", values: [{ value: "17" }] },
      ],
    }
    expect(parseInsightMetrics(body)).toEqual({ reach: 1240, views: 5300, saved: 17 })
  })

  it("keeps a real 0 and leaves unreported metrics absent (an empty set is not 0)", () => {
    expect(parseInsightMetrics({ data: [{ name: "likes", values: [{ value: 0 }] }] })).toEqual({ likes: 0 })
    expect(parseInsightMetrics({ data: [] })).toEqual({})
    expect(parseInsightMetrics({ data: [{ name: "likes", values: [] }] })).toEqual({})
    expect(parseInsightMetrics({ data: [{ name: "likes" }] })).toEqual({})
  })

  it("prefers total_value, takes the latest usable value, and ignores breakdown objects", () => {
    const body = {
      data: [
        { name: "reach", total_value: { value: 9, breakdowns: [{ dimension_keys: ["follow_type"] }] }, values: [{ value: 1 }] },
        { name: "views", values: [{ value: 1 }, { value: 3 }, { value: { a: 1 } }] },
        { name: "post_reactions_by_type_total", values: [{ value: { like: 3, love: 1 } }] },
        { name: "online_followers", values: [{ value: { "0": 5 } }] },
        { name: "page_media_view", total_value: { value: "not a number" } },
      ],
    }
    expect(parseInsightMetrics(body)).toEqual({ reach: 9, views: 3 })
  })

  it("survives garbage without throwing", () => {
    for (const body of [null, undefined, "x", 42, [], {}, { data: "x" }, { data: [null, 1, "a", { name: "" }, { name: 3 }, { values: [{ value: 1 }] }] }]) {
      expect(parseInsightMetrics(body)).toEqual({})
    }
    expect(parseInsightMetrics({ data: [{ name: "reach", values: [null, 3, { value: NaN }, { value: 4 }] }] })).toEqual({ reach: 4 })
  })

  it("lets a metric Meta sends twice keep its later value", () => {
    expect(parseInsightMetrics({ data: [{ name: "reach", values: [{ value: 1 }] }, { name: "reach", values: [{ value: 2 }] }] })).toEqual({ reach: 2 })
  })
})

describe("insightDayOf", () => {
  it.each([
    ["2024-05-02T07:00:00+0000", "2024-05-01"],
    ["2024-05-02T08:00:00+0000", "2024-05-01"],
    ["2024-05-02T00:00:00+0000", "2024-05-01"],
    ["2024-05-01T22:00:00+0000", "2024-05-01"],
    ["2024-05-02T07:00:00+00:00", "2024-05-01"],
    ["2024-03-01T08:00:00+0000", "2024-02-29"],
    ["2025-01-01T08:00:00+0000", "2024-12-31"],
  ])("%s closes %s", (endTime, day) => expect(insightDayOf(endTime)).toBe(day))

  it.each([[undefined], [null], [""], ["yesterday"], [1714633200]])("%p has no day", (endTime) => expect(insightDayOf(endTime)).toBeUndefined())
})

describe("parseInsightSeries", () => {
  it("groups daily values by day, oldest first", () => {
    const body = {
      data: [
        {
          name: "follower_count",
          period: "day",
          values: [
            { value: 12, end_time: "2026-09-03T07:00:00+0000" },
            { value: "15", end_time: "2026-09-02T07:00:00+0000" },
            { value: { x: 1 }, end_time: "2026-09-04T07:00:00+0000" },
            { value: 20 },
          ],
        },
        { name: "reach", period: "day", values: [{ value: 300, end_time: "2026-09-03T07:00:00+0000" }] },
        { name: "views", total_value: { value: 999 } },
      ],
    }
    expect(parseInsightSeries(body)).toEqual([
      { day: "2026-09-01", metrics: { follower_count: 15 } },
      { day: "2026-09-02", metrics: { follower_count: 12, reach: 300 } },
    ])
    expect(parseInsightSeries({ data: [] })).toEqual([])
    expect(parseInsightSeries(null)).toEqual([])
  })
})

describe("parseOnlineFollowers", () => {
  const day = (endTime: string, value: unknown) => ({ value, end_time: endTime })
  const body = (...values: unknown[]) => ({ data: [{ name: "online_followers", period: "lifetime", values }] })

  it("turns hour maps into 24-hour arrays per day, with missing hours as null and string counts as numbers", () => {
    const parsed = parseOnlineFollowers(
      body(day("2026-09-02T07:00:00+0000", { "0": 10, "1": "12", "13": 400, "23": 0, "5": "n/a", "7": -1, "8": NaN, "24": 99, x: 5, "02": 7 }))
    )
    expect(parsed).toHaveLength(1)
    expect(parsed[0].date).toBe("2026-09-01")
    expect(parsed[0].hours).toHaveLength(24)
    expect(parsed[0].hours[0]).toBe(10)
    expect(parsed[0].hours[1]).toBe(12)
    expect(parsed[0].hours[2]).toBe(7)
    expect(parsed[0].hours[13]).toBe(400)
    expect(parsed[0].hours[23]).toBe(0)
    expect(parsed[0].hours[5]).toBeNull()
    expect(parsed[0].hours[7]).toBeNull()
    expect(parsed[0].hours[8]).toBeNull()
    expect(parsed[0].hours[12]).toBeNull()
  })

  it("drops days without any usable count, without a date, or that are not maps; keeps the later of duplicates; sorts", () => {
    const parsed = parseOnlineFollowers(
      body(
        day("2026-09-03T07:00:00+0000", { "3": 30 }),
        day("2026-09-02T07:00:00+0000", {}),
        day("2026-09-04T07:00:00+0000", 55),
        { value: { "1": 1 } },
        day("2026-09-03T07:00:00+0000", { "3": 31 }),
        day("2026-08-30T07:00:00+0000", { "0": "0" })
      )
    )
    expect(parsed.map((d) => d.date)).toEqual(["2026-08-29", "2026-09-02"])
    expect(parsed[1].hours[3]).toBe(31)
    expect(parsed[0].hours[0]).toBe(0)
  })

  it("ignores other metrics and empty answers (accounts under 100 followers)", () => {
    expect(parseOnlineFollowers({ data: [] })).toEqual([])
    expect(parseOnlineFollowers({ data: [{ name: "reach", values: [{ value: { "1": 2 }, end_time: "2026-09-02T07:00:00+0000" }] }] })).toEqual([])
    expect(parseOnlineFollowers(undefined)).toEqual([])
  })
})

describe("engagementOf / reachOf / engagementRate", () => {
  it("uses total_interactions when Meta reports it", () => {
    expect(engagementOf({ total_interactions: 40, likes: 1000 })).toBe(40)
    expect(engagementOf({ total_interactions: 0 })).toBe(0)
  })

  it("sums the parts Meta reported otherwise", () => {
    expect(engagementOf({ likes: 10, comments: 2, saved: 3 })).toBe(15)
    expect(engagementOf({ post_reactions_like_total: 5, post_reactions_love_total: 2, post_clicks: 10 })).toBe(17)
    expect(engagementOf({ page_post_engagements: 88 })).toBe(88)
  })

  it("is null when nothing was reported (not 0)", () => {
    expect(engagementOf({})).toBeNull()
    expect(engagementOf({ reach: 100, views: 300 })).toBeNull()
    expect(engagementOf({ likes: undefined })).toBeNull()
  })

  it("knows reach on both platforms", () => {
    expect(reachOf({ reach: 10 })).toBe(10)
    expect(reachOf({ post_total_media_view_unique: 20 })).toBe(20)
    expect(reachOf({ page_total_media_view_unique: 30 })).toBe(30)
    expect(reachOf({ views: 30 })).toBeNull()
  })

  it("divides interactions by reach, and is null when reach is unknown or 0", () => {
    expect(engagementRate({ total_interactions: 50, reach: 1000 })).toBe(0.05)
    expect(engagementRate({ post_clicks: 3, post_reactions_like_total: 1, post_total_media_view_unique: 8 })).toBe(0.5)
    expect(engagementRate({ total_interactions: 50 })).toBeNull()
    expect(engagementRate({ total_interactions: 50, reach: 0 })).toBeNull()
    expect(engagementRate({ reach: 100 })).toBeNull()
    expect(engagementRate({ total_interactions: 0, reach: 100 })).toBe(0)
    expect(engagementRate({ total_interactions: NaN, reach: 100 })).toBeNull()
  })
})

describe("readInsightsAnswer", () => {
  it("returns the figures when Meta gave any", () => {
    const reading = readInsightsAnswer({ data: [{ name: "reach", values: [{ value: 5 }] }] }, { publishedAt: hoursAgo(2), now: NOW })
    expect(reading).toEqual({ outcome: "figures", metrics: { reach: 5 }, reason: null, retry: false })
  })

  it("explains an empty set by the post's age", () => {
    expect(readInsightsAnswer({ data: [] }, { publishedAt: hoursAgo(3), now: NOW })).toMatchObject({
      outcome: "no_figures_yet",
      reason: REASON_TOO_NEW,
      retry: true,
      metrics: {},
    })
    expect(REASON_TOO_NEW).toMatch(/up to 48 hours after publishing/)
    expect(readInsightsAnswer({ data: [] }, { kind: "instagram_story", publishedAt: hoursAgo(30), now: NOW })).toMatchObject({
      outcome: "unavailable",
      reason: REASON_STORY_EXPIRED,
    })
    expect(readInsightsAnswer({ data: [] }, { publishedAt: hoursAgo(24 * 800), now: NOW })).toMatchObject({ outcome: "unavailable", reason: REASON_TOO_OLD })
    expect(readInsightsAnswer({ data: [] }, { publishedAt: hoursAgo(24 * 10), now: NOW })).toMatchObject({ outcome: "no_figures_yet", reason: REASON_EMPTY, retry: false })
    expect(readInsightsAnswer({ data: [] })).toMatchObject({ reason: REASON_EMPTY })
    expect(readInsightsAnswer({ data: [] }, { publishedAt: "not a date", now: NOW })).toMatchObject({ reason: REASON_EMPTY })
    expect(readInsightsAnswer(undefined, { publishedAt: hoursAgo(1).toISOString(), now: NOW })).toMatchObject({ reason: REASON_TOO_NEW })
  })

  it("a fresh story is too new, not expired", () => {
    expect(readInsightsAnswer({ data: [] }, { kind: "instagram_story", publishedAt: hoursAgo(2), now: NOW }).reason).toBe(REASON_TOO_NEW)
  })
})

describe("classifyInsightsError", () => {
  it("treats code 10 'Not enough viewers' as no figures yet, not a permission problem", () => {
    const reading = classifyInsightsError(
      { code: 10, message: "(#10) Not enough viewers for the media to show insights", category: "permission", httpStatus: 400 },
      { publishedAt: hoursAgo(72), now: NOW }
    )
    expect(reading).toMatchObject({ outcome: "no_figures_yet", reason: REASON_NOT_ENOUGH_VIEWERS, metrics: {} })
    expect(reading.error).toEqual({ code: 10, category: "permission", message: "(#10) Not enough viewers for the media to show insights", httpStatus: 400 })
  })

  it("treats other code 10 and 190/200 answers as a reconnect", () => {
    for (const input of [
      { code: 10, message: "(#10) Application does not have permission for this action", category: "permission" },
      { code: 190, subcode: 463, message: "Session has expired", category: "auth" },
      { code: 200, message: "(#200) Requires instagram_manage_insights permission" },
      { code: 102, message: "Session key invalid" },
    ]) {
      expect(classifyInsightsError(input)).toMatchObject({ outcome: "reconnect", reason: REASON_RECONNECT, retry: false })
    }
  })

  it("recognises a story past 24 hours", () => {
    const story = { kind: "instagram_story" as const, publishedAt: hoursAgo(26), now: NOW }
    expect(classifyInsightsError({ code: 100, message: "(#100) Object does not exist" }, story).reason).toBe(REASON_STORY_EXPIRED)
    expect(classifyInsightsError({ code: 10, message: "(#10) Not enough viewers for the media to show insights" }, story).reason).toBe(REASON_STORY_EXPIRED)
    expect(classifyInsightsError({ code: 100, message: "The story has expired" }).reason).toBe(REASON_STORY_EXPIRED)
    // Meta's permission-style answer for an expired story is not a reconnect
    const permissionStyle = {
      code: 10,
      category: "permission",
      message: "(#10) Application does not have permission for this action",
      userTitle: "Story insights expired",
      userMessage: "Story media metrics are only available for 24 hours after the story was published.",
    }
    expect(classifyInsightsError(permissionStyle).outcome).toBe("unavailable")
    expect(classifyInsightsError({ ...permissionStyle, userTitle: null, userMessage: null }, story).outcome).toBe("unavailable")
    // but an expired token on a story is still a reconnect
    expect(classifyInsightsError({ code: 190, message: "Session has expired", category: "auth" }, story).outcome).toBe("reconnect")
  })

  it("recognises media published before the business conversion", () => {
    expect(classifyInsightsError({ code: 10, subcode: 2108006, message: "(#10) Media Posted Before Business Account Conversion" })).toMatchObject({
      outcome: "unavailable",
      reason: REASON_BEFORE_CONVERSION,
    })
    expect(classifyInsightsError({ code: 100, message: "Media posted before business account conversion" }).reason).toBe(REASON_BEFORE_CONVERSION)
  })

  it("names the refused metric when Meta names it", () => {
    expect(classifyInsightsError({ code: 100, message: "(#100) The Media Insights API does not support the views metric for this media product type" })).toMatchObject({
      outcome: "invalid_metric",
      metrics_refused: ["views"],
      retry: false,
    })
    const two = classifyInsightsError({ code: 100, message: "(#100) The Media Insights API does not support the follows, profile_visits metric for this media product type." })
    expect(two.metrics_refused).toEqual(["follows", "profile_visits"])
    expect(two.reason).toBe('Meta does not accept the insights metrics "follows", "profile_visits" for this post; the plugin needs an update to read its figures.')
    const unnamed = classifyInsightsError({ code: 100, message: "(#100) The value must be a valid insights metric" })
    expect(unnamed.outcome).toBe("invalid_metric")
    expect(unnamed.metrics_refused).toBeUndefined()
    expect(
      classifyInsightsError({ code: 100, message: "(#100) Starting from version 22 and above, the impressions metric is no longer supported for the queried user." })
        .metrics_refused
    ).toEqual(["impressions"])
    expect(classifyInsightsError({ code: 100, message: "(#100) metric[5] must be one of the following values: reach, likes" }).outcome).toBe("invalid_metric")
  })

  it("makes a fresh post's code 100 'too new', an old one's 'too old', a missing object 'gone'", () => {
    expect(classifyInsightsError({ code: 100, message: "Unsupported get request." }, { publishedAt: hoursAgo(1), now: NOW })).toMatchObject({
      outcome: "no_figures_yet",
      reason: REASON_TOO_NEW,
      retry: true,
    })
    expect(classifyInsightsError({ code: 100, message: "x" }, { publishedAt: hoursAgo(24 * 900), now: NOW }).reason).toBe(REASON_TOO_OLD)
    expect(
      classifyInsightsError({ code: 100, subcode: 33, message: "Unsupported get request. Object with ID '1' does not exist" }, { publishedAt: hoursAgo(24 * 30), now: NOW })
    ).toMatchObject({ outcome: "unavailable", reason: REASON_GONE })
  })

  it("asks again later on throttling and transient errors", () => {
    for (const input of [
      { code: 4, message: "Application request limit reached" },
      { code: 80002, message: "too many calls", category: "throttled" },
      { code: 2, message: "Service temporarily unavailable" },
      { message: "Graph API request timed out", category: "transient" },
      { code: 613 },
    ]) {
      expect(classifyInsightsError(input)).toMatchObject({ outcome: "retry", retry: true })
    }
  })

  it("keeps anything else an error with Meta's message", () => {
    expect(classifyInsightsError({ code: 100, message: "(#100) Param since must be a unix timestamp" })).toMatchObject({
      outcome: "error",
      reason: "Meta refused to report figures for this post: (#100) Param since must be a unix timestamp",
    })
    expect(classifyInsightsError({})).toMatchObject({ outcome: "error", reason: "Meta refused to report figures for this post." })
  })
})

describe("refusedMetricsOf", () => {
  it.each([
    ["The Media Insights API does not support the follows metric for this media product type", ["follows"]],
    ["does not support the follows, views metric for this media product type", ["follows", "views"]],
    ["the impressions metric is no longer supported for the queried user", ["impressions"]],
    ['metric "plays" is not valid', ["plays"]],
    ["Invalid metric: impressions", ["impressions"]],
    ["(#100) The value must be a valid insights metric", []],
    ["", []],
    [null, []],
  ])("%p → %p", (message, metrics) => expect(refusedMetricsOf(message)).toEqual(metrics))
})
