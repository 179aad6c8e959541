import {
  defaultCurveValue,
  MIN_POSTS_FOR_ENGAGEMENT,
  rankBestTimes,
  type BestTimesInput,
} from "../best-times"

// Thursday 10 September 2026, noon UTC.
const NOW = new Date("2026-09-10T12:00:00Z")
const DAY = 24 * 3_600_000

/** A date (YYYY-MM-DD) `weeksAgo` weeks before the latest `weekday` on or before NOW. */
function dateOn(weekday: number, weeksAgo = 0): string {
  const base = new Date(Date.UTC(2026, 8, 10))
  const back = (base.getUTCDay() - weekday + 7) % 7
  return new Date(base.getTime() - (back + 7 * weeksAgo) * DAY).toISOString().slice(0, 10)
}

/** A post at UTC weekday/hour `weeksAgo` weeks back. */
function postAt(weekday: number, hour: number, rate: number, weeksAgo = 1, reach = 1000) {
  const date = dateOn(weekday, weeksAgo)
  return { publishedAt: new Date(`${date}T${String(hour).padStart(2, "0")}:15:00Z`), engagement: rate * reach, reach }
}

/**
 * online_followers hour keys are Los Angeles hours (ONLINE_FOLLOWERS_TIME_ZONE); in August–September that is
 * UTC−7, so a Los Angeles weekday/hour is this UTC slot.
 */
const PDT = 7
function utcSlot(weekday: number, hour: number): [number, number] {
  const slot = (weekday * 24 + hour + PDT) % 168
  return [Math.floor(slot / 24), slot % 24]
}

/** Four weeks of online_followers with `level(weekday, hour)` followers online (Los Angeles weekday and hour). */
function onlineDays(level: (weekday: number, hour: number) => number | null, weeks = 4): BestTimesInput["onlineFollowers"] {
  const days: { date: string; hours: (number | null)[] }[] = []
  for (let w = 0; w < weeks; w++) {
    for (let wd = 0; wd < 7; wd++) days.push({ date: dateOn(wd, w + 1), hours: Array.from({ length: 24 }, (_, h) => level(wd, h)) })
  }
  return days
}

const base: BestTimesInput = { onlineFollowers: [], posts: [], followersCount: 5_000, now: NOW }
const slotOf = (r: ReturnType<typeof rankBestTimes>, weekday: number, hour: number) => r.slots.find((s) => s.weekday === weekday && s.hour === hour)!
const rankOf = (r: ReturnType<typeof rankBestTimes>, weekday: number, hour: number) => r.slots.findIndex((s) => s.weekday === weekday && s.hour === hour)

function expectWellFormed(r: ReturnType<typeof rankBestTimes>): void {
  expect(r.slots).toHaveLength(168)
  const keys = new Set(r.slots.map((s) => s.weekday * 24 + s.hour))
  expect(keys.size).toBe(168)
  for (const s of r.slots) {
    expect(Number.isInteger(s.score)).toBe(true)
    expect(s.score).toBeGreaterThanOrEqual(0)
    expect(s.score).toBeLessThanOrEqual(100)
    expect(s.weekday).toBeGreaterThanOrEqual(0)
    expect(s.weekday).toBeLessThanOrEqual(6)
    expect(s.hour).toBeGreaterThanOrEqual(0)
    expect(s.hour).toBeLessThanOrEqual(23)
    expect(s.reason.length).toBeGreaterThan(0)
  }
  for (let i = 1; i < r.slots.length; i++) expect(r.slots[i - 1].score).toBeGreaterThanOrEqual(r.slots[i].score)
  expect(r.slots[0].score).toBe(100)
}

describe("rankBestTimes: new and small accounts", () => {
  it("falls back to the documented default curve with a note (no online_followers under 100 followers, few posts)", () => {
    const r = rankBestTimes({ ...base, followersCount: 42, posts: [postAt(1, 9, 0.1), postAt(2, 9, 0.2)] })
    expectWellFormed(r)
    expect(r.basis).toEqual(["default"])
    expect(r.posts_considered).toBe(0)
    expect(r.note).toBe(
      "Fewer than 100 followers: Meta does not report when they are online. Your own posts count once 10 of them have insights (2 so far). Until then these are typical good times: weekday lunchtime and evening."
    )
    // weekday lunchtime first (noon UTC with no offset), nights last
    expect(r.slots[0].hour).toBe(12)
    expect([1, 2, 3, 4, 5]).toContain(r.slots[0].weekday)
    expect(r.slots[0].reason).toBe("A typical good time to post: weekday lunchtime")
    expect(r.slots[167].hour).toBeLessThan(6)
    expect(slotOf(r, 3, 3).reason).toBe("Most people are asleep at this hour")
    expect(slotOf(r, 6, 11).reason).toBe("A typical good time to post: weekend late morning")
  })

  it("says so when Meta has not reported online followers for a larger account", () => {
    const r = rankBestTimes({ ...base, followersCount: null })
    expect(r.basis).toEqual(["default"])
    expect(r.note).toMatch(/^Meta has not reported when your followers are online\. Your own posts count once 10 of them have insights \(0 so far\)\./)
  })

  it("places the default curve at the store's local lunchtime", () => {
    // New York in winter: local noon is 17:00 UTC
    const r = rankBestTimes({ ...base, followersCount: 10, utcOffsetMinutes: -300 })
    expect(r.slots[0].hour).toBe(17)
    expect([1, 2, 3, 4, 5]).toContain(r.slots[0].weekday)
    // Tokyo: local noon is 03:00 UTC
    expect(rankBestTimes({ ...base, followersCount: 10, utcOffsetMinutes: 540 }).slots[0].hour).toBe(3)
  })

  it("is deterministic: equal scores break by weekday, then hour", () => {
    const a = rankBestTimes({ ...base, followersCount: 10 })
    const b = rankBestTimes({ ...base, followersCount: 10 })
    expect(a).toEqual(b)
    const lunch = a.slots.filter((s) => s.hour === 12 && s.score === 100)
    expect(lunch.map((s) => s.weekday)).toEqual([1, 2, 3, 4, 5])
  })

  it("keeps the default curve ordered: weekday lunch and evening above mid-afternoon above night", () => {
    expect(defaultCurveValue(2, 12)).toBeGreaterThan(defaultCurveValue(2, 15))
    expect(defaultCurveValue(2, 19)).toBeGreaterThan(defaultCurveValue(2, 15))
    expect(defaultCurveValue(2, 15)).toBeGreaterThan(defaultCurveValue(2, 3))
    expect(defaultCurveValue(6, 11)).toBeGreaterThan(defaultCurveValue(6, 15))
  })
})

describe("rankBestTimes: online followers", () => {
  it("ranks by the average followers online per UTC weekday × hour", () => {
    const r = rankBestTimes({ ...base, onlineFollowers: onlineDays((wd, h) => (wd === 2 && h === 18 ? 1240 : 200 + h)) })
    expectWellFormed(r)
    expect(r.basis).toEqual(["followers_online"])
    const [weekday, hour] = utcSlot(2, 18)
    expect(r.slots[0]).toMatchObject({ weekday, hour, score: 100 })
    expect(r.slots[0].reason).toBe("Most of your followers are online (1,240 on average)")
    expect(r.note).toBe("Based on when your followers are online. Your own posts count once 10 of them have insights (0 so far).")
  })

  it("averages across weeks and skips missing hours, null and non-numbers instead of counting them as 0", () => {
    const days = [
      { date: dateOn(1, 1), hours: Array.from({ length: 24 }, (_, h) => (h === 9 ? 1000 : 100)) },
      { date: dateOn(1, 2), hours: Array.from({ length: 24 }, (_, h) => (h === 9 ? null : 100)) },
      { date: dateOn(1, 3), hours: Array.from({ length: 24 }, (_, h) => (h === 9 ? NaN : 100)) },
      { date: dateOn(1, 4), hours: Array.from({ length: 24 }, (_, h) => (h === 9 ? ("lots" as never) : 100)) },
      { date: dateOn(1, 5), hours: [100, 100, 100] },
    ]
    const r = rankBestTimes({ ...base, onlineFollowers: days })
    const [weekday, hour] = utcSlot(1, 9)
    expect(r.slots[0]).toMatchObject({ weekday, hour })
    expect(r.slots[0].reason).toBe("Most of your followers are online (1,000 on average)")
  })

  it("fills weekdays Meta did not report from the same hour on other days", () => {
    // Only Mondays reported: every weekday's 20:00 inherits Monday's peak
    const days = [{ date: dateOn(1, 1), hours: Array.from({ length: 24 }, (_, h) => (h === 20 ? 900 : 90)) }]
    const r = rankBestTimes({ ...base, onlineFollowers: days })
    const [, hour] = utcSlot(1, 20)
    expect(r.slots.slice(0, 7).map((s) => s.hour)).toEqual(Array(7).fill(hour))
    expect(slotOf(r, ...utcSlot(4, 20)).reason).toBe("Most of your followers are online (900 on average)")
  })

  it("reads the hour keys as Los Angeles hours, following daylight saving", () => {
    const peakAt2 = Array.from({ length: 24 }, (_, h) => (h === 2 ? 500 : 10))
    // Monday 5 January 2026: Pacific standard time, 02:00 in Los Angeles is 10:00 UTC
    // (one reported day: the other weekdays borrow the same hour, so the hour is what ranks first)
    const winter = rankBestTimes({ ...base, onlineFollowers: [{ date: "2026-01-05", hours: peakAt2 }] })
    expect(winter.slots[0].hour).toBe(10)
    expect(slotOf(winter, 1, 10).reason).toContain("500 on average")
    // Monday 6 July 2026: Pacific daylight time, 02:00 is 09:00 UTC
    const summer = rankBestTimes({ ...base, onlineFollowers: [{ date: "2026-07-06", hours: peakAt2 }] })
    expect(summer.slots[0].hour).toBe(9)
    expect(slotOf(summer, 1, 9).reason).toContain("500 on average")
    // Saturday 23:00 in Los Angeles is already Sunday in UTC
    const lateSaturday = rankBestTimes({ ...base, onlineFollowers: [{ date: "2026-07-04", hours: Array.from({ length: 24 }, (_, h) => (h === 23 ? 500 : 10)) }] })
    expect(lateSaturday.slots[0].hour).toBe(6)
    expect(slotOf(lateSaturday, 0, 6).reason).toContain("500 on average")
  })

  it("maps the 24 keys of a day on which the clocks change without losing or doubling a slot's day", () => {
    // 8 March 2026: 02:00 does not exist in Los Angeles; every key still lands in one UTC slot of that day's run
    const r = rankBestTimes({ ...base, onlineFollowers: [{ date: "2026-03-08", hours: Array.from({ length: 24 }, (_, h) => (h === 12 ? 800 : 10)) }] })
    expect(r.slots[0].hour).toBe(19)
    expect(slotOf(r, 0, 19).reason).toContain("800 on average")
  })

  it("treats all-zero, empty or broken online data as no data", () => {
    for (const onlineFollowers of [
      onlineDays(() => 0),
      [],
      [{ date: "2026-02-31", hours: Array(24).fill(100) }],
      [{ date: "not-a-date", hours: Array(24).fill(100) }],
      [{ date: dateOn(1, 1), hours: "x" as never }],
      [null as never],
    ]) {
      const r = rankBestTimes({ ...base, followersCount: 50, onlineFollowers })
      expect(r.basis).toEqual(["default"])
    }
  })

  it("ignores online data dated in the future", () => {
    const r = rankBestTimes({ ...base, onlineFollowers: [{ date: "2027-01-04", hours: Array(24).fill(100) }] })
    expect(r.basis).toEqual(["default"])
  })

  it("uses the later entry when a date repeats", () => {
    const date = dateOn(3, 1)
    const r = rankBestTimes({
      ...base,
      onlineFollowers: [
        { date, hours: Array.from({ length: 24 }, (_, h) => (h === 1 ? 999 : 1)) },
        { date, hours: Array.from({ length: 24 }, (_, h) => (h === 15 ? 999 : 1)) },
      ],
    })
    expect(r.slots[0].hour).toBe(utcSlot(3, 15)[1])
    expect(slotOf(r, ...utcSlot(3, 15)).reason).toBe("Most of your followers are online (999 on average)")
    expect(slotOf(r, ...utcSlot(3, 1)).reason).toBe("Fewer of your followers are online (1 on average)")
  })
})

describe("rankBestTimes: the account's own posts", () => {
  /** Twelve ordinary posts spread over the week at 2 % engagement. */
  const ordinary = Array.from({ length: 12 }, (_, i) => postAt(i % 7, 8 + i, 0.02, 2 + (i % 5)))

  it("learns from its posts once there are enough, relative to the account's average", () => {
    const strong = [1, 2, 3, 4, 5, 6].map((w) => postAt(3, 21, 0.042, w))
    const r = rankBestTimes({ ...base, followersCount: 60, posts: [...ordinary, ...strong] })
    expectWellFormed(r)
    expect(r.basis).toEqual(["engagement"])
    expect(r.posts_considered).toBe(18)
    expect(r.slots[0]).toMatchObject({ weekday: 3, hour: 21 })
    expect(r.slots[0].reason).toMatch(/^Your posts at this hour get \d\.\d× your usual engagement \(6 posts\)$/)
    expect(r.note).toBe("Fewer than 100 followers: Meta does not report when they are online. This ranking is based on how your own posts did.")
  })

  it("does not let one viral post outrank a slot that is consistently good", () => {
    const viral = postAt(5, 10, 0.9)
    const consistent = [1, 2, 3, 4, 5, 6].map((w) => postAt(2, 16, 0.045, w))
    const r = rankBestTimes({ ...base, posts: [...ordinary, viral, ...consistent] })
    expect(rankOf(r, 2, 16)).toBeLessThan(rankOf(r, 5, 10))
    expect(slotOf(r, 5, 10).reason).toMatch(/\(1 post\)$/)
  })

  it("says 'around this hour' for slots next to where the posts were", () => {
    const strong = [1, 2, 3, 4, 5, 6].map((w) => postAt(3, 21, 0.05, w))
    const r = rankBestTimes({ ...base, followersCount: 60, posts: [...ordinary, ...strong] })
    expect(slotOf(r, 3, 22).reason).toMatch(/^Your posts around this hour get .*× your usual engagement \(6 posts\)$/)
    // a slot without posts nearby falls back to the typical times
    expect(slotOf(r, 0, 3).reason).toBe("Most people are asleep at this hour")
  })

  it("reports weaker slots as less engagement than usual", () => {
    const weak = [1, 2, 3, 4].map((w) => postAt(1, 6, 0.004, w))
    const r = rankBestTimes({ ...base, followersCount: 60, posts: [...ordinary, ...weak] })
    expect(slotOf(r, 1, 6).reason).toMatch(/^Your posts at this hour get \d+% less engagement than usual \(4 posts\)$/)
    expect(rankOf(r, 1, 6)).toBeGreaterThan(84)
  })

  it("weights recent posts more than old ones", () => {
    const recent = [1, 2, 3].map((w) => postAt(4, 14, 0.06, w))
    const old = [100, 101, 102].map((w) => postAt(0, 14, 0.06, w))
    const r = rankBestTimes({ ...base, followersCount: 60, posts: [...ordinary, ...recent, ...old] })
    expect(slotOf(r, 4, 14).score).toBeGreaterThan(slotOf(r, 0, 14).score)
  })

  it("ignores posts without reach or engagement, in the future, or with broken dates", () => {
    const junk = [
      { publishedAt: new Date(NOW.getTime() - DAY), engagement: 10, reach: 0 },
      { publishedAt: new Date(NOW.getTime() - DAY), engagement: null, reach: 100 },
      { publishedAt: new Date(NOW.getTime() - DAY), engagement: 10, reach: null },
      { publishedAt: new Date(NOW.getTime() - DAY), engagement: NaN, reach: 100 },
      { publishedAt: new Date(NOW.getTime() - DAY), engagement: -5, reach: 100 },
      { publishedAt: new Date("invalid"), engagement: 10, reach: 100 },
      { publishedAt: new Date(NOW.getTime() + 30 * DAY), engagement: 10, reach: 100 },
      { publishedAt: "2026-09-01" as never, engagement: 10, reach: 100 },
      null as never,
    ]
    const r = rankBestTimes({ ...base, followersCount: 60, posts: [...junk, ...ordinary.slice(0, MIN_POSTS_FOR_ENGAGEMENT - 1)] })
    expect(r.basis).toEqual(["default"])
    expect(r.note).toContain("(9 so far)")
  })

  it("a single post is not enough to learn from", () => {
    const r = rankBestTimes({ ...base, followersCount: 60, posts: [postAt(2, 12, 0.5)] })
    expect(r.basis).toEqual(["default"])
    expect(r.posts_considered).toBe(0)
    expect(r.note).toContain("(1 so far)")
  })

  it("does not learn from posts that all had zero engagement", () => {
    const zero = Array.from({ length: 15 }, (_, i) => postAt(i % 7, 10, 0, 1 + (i % 4)))
    const r = rankBestTimes({ ...base, followersCount: 60, posts: zero })
    expect(r.basis).toEqual(["default"])
    expect(r.note).toContain("Your posts have no recorded engagement yet, so they do not count.")
  })
})

describe("rankBestTimes: both signals", () => {
  it("blends followers online with the account's own results and explains both", () => {
    // Los Angeles 10:00–13:00 is 17:00–20:00 UTC in September
    const online = onlineDays((wd, h) => (h >= 10 && h <= 13 ? 1200 : 300))
    const ordinary = Array.from({ length: 40 }, (_, i) => postAt(i % 7, 9 + (i % 6), 0.02, 1 + (i % 20)))
    const strong = [1, 2, 3, 4, 5, 6, 7, 8].map((w) => postAt(2, 18, 0.05, w))
    const r = rankBestTimes({ ...base, onlineFollowers: online, posts: [...ordinary, ...strong] })
    expectWellFormed(r)
    expect(r.basis).toEqual(["followers_online", "engagement"])
    expect(r.note).toBeNull()
    expect(r.posts_considered).toBe(48)
    expect(r.slots[0]).toMatchObject({ weekday: 2, hour: 18 })
    expect(r.slots[0].reason).toMatch(
      /^Most of your followers are online \(1,200 on average\)\. Your posts at this hour get \d\.\d× your usual engagement \(8 posts\)$/
    )
    // a slot without posts nearby explains the followers only
    expect(slotOf(r, 0, 3).reason).toBe("Fewer of your followers are online (300 on average)")
  })

  it("handles 5,000 posts over two years in one pass", () => {
    const posts = Array.from({ length: 5_000 }, (_, i) => ({
      publishedAt: new Date(NOW.getTime() - ((i * 7_919) % (730 * 24)) * 3_600_000),
      engagement: (i * 37) % 200,
      reach: 1_000 + ((i * 13) % 500),
    }))
    const online = onlineDays((wd, h) => 100 + ((wd * 24 + h) % 17) * 10)
    const started = process.hrtime.bigint()
    const r = rankBestTimes({ ...base, onlineFollowers: online, posts })
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6
    expectWellFormed(r)
    expect(r.posts_considered).toBe(5_000)
    // Timing is reported, not asserted (CI machines vary); the budget is 200 ms.
    process.stdout.write(`rankBestTimes: 5,000 posts ranked in ${elapsedMs.toFixed(1)} ms\n`)
  })

  it("refuses an invalid now", () => {
    expect(() => rankBestTimes({ ...base, now: new Date("nope") })).toThrow(/now/)
  })
})
