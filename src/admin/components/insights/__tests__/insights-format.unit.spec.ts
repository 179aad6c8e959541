import type { MetaAccountInsightDay } from "../../../../types/http/insights"
import {
  accountSeries,
  captionPreview,
  dailyAverage,
  followersChange,
  formatChange,
  formatCount,
  formatInsightDay,
  formatMoney,
  formatRate,
  formatRevenue,
  rangeForPreset,
  rangeTotal,
  readMetric,
  topByInteractions,
} from "../insights-format"

const day = (d: string, followers: number | null, metrics: Record<string, number> = {}): MetaAccountInsightDay => ({
  day: d,
  followers_count: followers,
  metrics,
})

describe("readMetric", () => {
  it("reads Instagram's names and Facebook's renamed ones", () => {
    expect(readMetric({ views: 10, reach: 7, total_interactions: 3 }, "views")).toBe(10)
    expect(readMetric({ page_media_view: 12 }, "views")).toBe(12)
    expect(readMetric({ post_total_media_view_unique: 5 }, "reach")).toBe(5)
    expect(readMetric({ page_post_engagements: 4 }, "interactions")).toBe(4)
    expect(readMetric({ total_video_views: 8 }, "views")).toBe(8)
    expect(readMetric({ blue_reels_play_count: 9, fb_reels_total_plays: 11 }, "views")).toBe(9)
  })

  it("counts a Facebook post's interactions from its reactions, as the engagement rate does", () => {
    expect(readMetric({ post_reactions_like_total: 3, post_reactions_love_total: 2 }, "interactions")).toBe(5)
  })

  it("is null for a metric Meta did not report, and keeps a reported 0", () => {
    expect(readMetric({ reach: 3 }, "views")).toBeNull()
    expect(readMetric(undefined, "views")).toBeNull()
    expect(readMetric({ views: 0 }, "views")).toBe(0)
  })
})

describe("numbers", () => {
  it("formats counts, rates and changes, with a dash for a missing figure", () => {
    expect(formatCount(12345, "en-US")).toBe("12,345")
    expect(formatCount(null, "en-US")).toBe("—")
    expect(formatRate(0.034, "en-US")).toBe("3.4%")
    expect(formatRate(null, "en-US")).toBe("—")
    expect(formatChange(120, "en-US")).toBe("+120")
    expect(formatChange(-35, "en-US")).toBe("-35")
    expect(formatChange(0, "en-US")).toBe("0")
  })
})

describe("money", () => {
  it("formats an amount in its currency", () => {
    expect(formatMoney("129.90", "usd", "en-US")).toBe("$129.90")
    expect(formatMoney("1000", "JPY", "en-US")).toBe("¥1,000")
  })

  it("shows the amount and the code when the currency is not one Intl knows", () => {
    expect(formatMoney("12.00", "xx", "en-US")).toBe("12.00 XX")
  })

  it("keeps one text per currency, never a sum across them", () => {
    expect(
      formatRevenue(
        [
          { currency_code: "usd", amount: "10.00" },
          { currency_code: "eur", amount: "40.5" },
        ],
        "en-US"
      )
    ).toEqual(["€40.50", "$10.00"])
    expect(formatRevenue([], "en-US")).toEqual([])
  })
})

describe("formatInsightDay", () => {
  it("labels the UTC day whatever the browser's zone", () => {
    expect(formatInsightDay("2026-03-12", "en-US")).toBe("Mar 12")
    expect(formatInsightDay("not a day", "en-US")).toBe("not a day")
  })
})

describe("rangeForPreset", () => {
  it("runs from the first day's local midnight to the end of today", () => {
    const now = new Date(2026, 2, 12, 15, 45)
    const { from, to } = rangeForPreset(7, now)
    expect(new Date(from).getTime()).toBe(new Date(2026, 2, 6).getTime())
    expect(new Date(to).getTime()).toBe(new Date(2026, 2, 13).getTime() - 1)
  })

  it("is the same all day, so the answer stays cached", () => {
    expect(rangeForPreset(30, new Date(2026, 2, 12, 0, 1))).toEqual(rangeForPreset(30, new Date(2026, 2, 12, 23, 59)))
  })
})

describe("account figures", () => {
  const days = [
    day("2026-03-02", 1010, { reach: 30, views: 100 }),
    day("2026-03-01", 1000, { reach: 10, views: 50 }),
    day("2026-03-03", null, { views: 20 }),
  ]

  it("reads the followers at the end and the change over the range", () => {
    expect(followersChange(accountSeries(days).map((p) => day(p.day, p.followers)))).toEqual({ current: 1010, change: 10 })
    expect(followersChange([day("2026-03-01", 5)])).toEqual({ current: 5, change: null })
    expect(followersChange([day("2026-03-01", null)])).toBeNull()
  })

  it("averages reach over the days Meta reported it", () => {
    expect(dailyAverage(days, "reach")).toBe(20)
    expect(dailyAverage([day("2026-03-01", null)], "reach")).toBeNull()
  })

  it("takes the routes' total, else adds the days up", () => {
    expect(rangeTotal({ views: 999 }, days, "views")).toBe(999)
    expect(rangeTotal({}, days, "views")).toBe(170)
    expect(rangeTotal({}, days, "interactions")).toBeNull()
  })

  it("orders the chart's points by day and leaves gaps where a figure is missing", () => {
    expect(accountSeries(days)).toEqual([
      { day: "2026-03-01", followers: 1000, reach: 10, views: 50, interactions: null },
      { day: "2026-03-02", followers: 1010, reach: 30, views: 100, interactions: null },
      { day: "2026-03-03", followers: null, reach: null, views: 20, interactions: null },
    ])
  })
})

describe("topByInteractions", () => {
  it("puts the most interacted-with first and posts without the figure last", () => {
    const posts = [
      { id: "a", metrics: { total_interactions: 5 } },
      { id: "b", metrics: {} },
      { id: "c", metrics: { total_interactions: 50 } },
      { id: "d", metrics: { total_interactions: 5 } },
    ]
    expect(topByInteractions(posts, 3).map((p) => p.id)).toEqual(["c", "a", "d"])
  })
})

describe("captionPreview", () => {
  it("keeps the first line and cuts long ones without splitting an emoji", () => {
    expect(captionPreview("New in: linen shirts\n\nhttps://shop")).toBe("New in: linen shirts")
    expect(captionPreview("😀".repeat(10), 5)).toBe("😀😀😀😀…")
    expect(captionPreview(null)).toBe("")
  })
})
