import {
  dueDecision,
  MAX_PUBLISH_ATTEMPTS,
  notReadyDelayMs,
  QUOTA_CLOCK_SLACK_MS,
  QUOTA_RECHECK_MS,
  quotaRetryAt,
  quotaWaitUntil,
  retryDelayMs,
  RETRY_MAX_MS,
} from "../publish-schedule"

const MIN = 60_000
const HOUR = 60 * MIN

describe("retryDelayMs", () => {
  it.each([
    [1, 30_000],
    [2, MIN],
    [3, 2 * MIN],
    [4, 4 * MIN],
    [5, 8 * MIN],
    [6, 16 * MIN],
    [7, 30 * MIN],
    [8, 30 * MIN],
    [1000, 30 * MIN],
    [Number.MAX_SAFE_INTEGER, 30 * MIN],
    [0, 30_000],
    [-3, 30_000],
    [Number.NaN, 30_000],
    [Infinity, 30_000],
    [2.7, MIN],
  ])("attempt %p → %i ms", (attempt, expected) => {
    expect(retryDelayMs(attempt)).toBe(expected)
  })

  it("is deterministic and never above the cap", () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      expect(retryDelayMs(attempt)).toBe(retryDelayMs(attempt))
      expect(retryDelayMs(attempt)).toBeLessThanOrEqual(RETRY_MAX_MS)
    }
  })

  it("spreads the attempts over about an hour and a half", () => {
    const total = Array.from({ length: MAX_PUBLISH_ATTEMPTS }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0)
    expect(MAX_PUBLISH_ATTEMPTS).toBe(8)
    expect(total).toBeGreaterThan(HOUR)
    expect(total).toBeLessThan(3 * HOUR)
  })
})

describe("notReadyDelayMs", () => {
  it.each([
    [0, 5_000],
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [4, 60_000],
    [50, 60_000],
    [-1, 5_000],
    [Number.NaN, 5_000],
  ])("poll %p → %i ms", (poll, expected) => {
    expect(notReadyDelayMs(poll)).toBe(expected)
  })
})

describe("dueDecision", () => {
  const now = new Date("2026-12-01T12:00:00Z")
  const at = (offset: number) => new Date(now.getTime() + offset)
  const grace = HOUR

  it.each([
    [1, "not_due"],
    [HOUR, "not_due"],
    [0, "publish"],
    [-1, "publish"],
    [-HOUR, "publish"],
    [-HOUR - 1, "missed"],
    [-24 * HOUR, "missed"],
  ])("scheduled %i ms from now → %s", (offset, expected) => {
    expect(dueDecision({ scheduledAt: at(offset), now, graceMs: grace })).toBe(expected)
  })

  it("accepts ISO strings", () => {
    expect(dueDecision({ scheduledAt: "2026-12-01T11:59:00Z", now, graceMs: grace })).toBe("publish")
  })

  it("treats a bad grace as none", () => {
    expect(dueDecision({ scheduledAt: at(-1), now, graceMs: -5 })).toBe("missed")
    expect(dueDecision({ scheduledAt: at(0), now, graceMs: Number.NaN })).toBe("publish")
  })

  it.each([null, undefined, "", "soon", new Date("invalid")])("never publishes on an unreadable time %p", (scheduledAt) => {
    expect(dueDecision({ scheduledAt, now, graceMs: grace })).toBe("missed")
  })
})

describe("quotaRetryAt / quotaWaitUntil", () => {
  const now = new Date("2026-12-01T12:00:00Z")
  const ago = (ms: number) => new Date(now.getTime() - ms)
  const DAY = 24 * HOUR

  it("looks again in half an hour when nothing is known", () => {
    expect(quotaRetryAt(now).getTime() - now.getTime()).toBe(QUOTA_RECHECK_MS)
    expect(quotaWaitUntil({ now }).getTime()).toBe(now.getTime() + QUOTA_RECHECK_MS)
    expect(quotaWaitUntil({ now, usage: 50, total: 50 }).getTime()).toBe(now.getTime() + QUOTA_RECHECK_MS)
  })

  it("knows exactly when every post in the window is ours", () => {
    // 3 posts, limit 3: the oldest (published 23 h ago) leaves the window in 1 h.
    const publishedAt = [ago(2 * HOUR), ago(23 * HOUR), ago(10 * HOUR)]
    expect(quotaWaitUntil({ now, usage: 3, total: 3, publishedAt }).getTime()).toBe(now.getTime() + HOUR + QUOTA_CLOCK_SLACK_MS)
  })

  it("waits for more than one to leave when the limit was lowered", () => {
    const publishedAt = [ago(23 * HOUR), ago(20 * HOUR), ago(2 * HOUR)]
    // usage 3, total 2: two must leave; the second oldest leaves in 4 h.
    expect(quotaWaitUntil({ now, usage: 3, total: 2, publishedAt }).getTime()).toBe(now.getTime() + 4 * HOUR + QUOTA_CLOCK_SLACK_MS)
  })

  it("never waits past the recheck when other tools published too", () => {
    // Meta counts 5, we know of 2: others may leave earlier than ours.
    const publishedAt = [ago(2 * HOUR), ago(3 * HOUR)]
    expect(quotaWaitUntil({ now, usage: 5, total: 5, publishedAt }).getTime()).toBe(now.getTime() + QUOTA_RECHECK_MS)
    // …but is sooner when ours leaves sooner.
    expect(quotaWaitUntil({ now, usage: 5, total: 5, publishedAt: [ago(DAY - 5 * MIN)] }).getTime()).toBe(
      now.getTime() + 5 * MIN + QUOTA_CLOCK_SLACK_MS
    )
  })

  it("ignores times outside the window, in the future or unreadable", () => {
    const publishedAt = [ago(25 * HOUR), new Date(now.getTime() + HOUR), "garbage", new Date("invalid"), ago(23 * HOUR).toISOString()]
    expect(quotaWaitUntil({ now, usage: 1, total: 1, publishedAt }).getTime()).toBe(now.getTime() + HOUR + QUOTA_CLOCK_SLACK_MS)
  })

  it("uses the window Meta reports", () => {
    expect(quotaWaitUntil({ now, usage: 1, total: 1, publishedAt: [ago(30 * MIN)], durationSeconds: 3600 }).getTime()).toBe(
      now.getTime() + 30 * MIN + QUOTA_CLOCK_SLACK_MS
    )
  })

  it("answers almost at once when the quota is not actually used", () => {
    expect(quotaWaitUntil({ now, usage: 10, total: 50, publishedAt: [ago(HOUR)] }).getTime()).toBe(now.getTime() + QUOTA_CLOCK_SLACK_MS)
  })

  it("adds the clock slack to a post that is just leaving", () => {
    expect(quotaWaitUntil({ now, usage: 1, total: 1, publishedAt: [ago(DAY - 1)] }).getTime()).toBe(now.getTime() + 1 + QUOTA_CLOCK_SLACK_MS)
  })

  it("estimates from the oldest known post without usage figures", () => {
    expect(quotaWaitUntil({ now, publishedAt: [ago(DAY - 10 * MIN), ago(HOUR)] }).getTime()).toBe(now.getTime() + 10 * MIN + QUOTA_CLOCK_SLACK_MS)
  })

  it("survives garbage", () => {
    expect(() => quotaWaitUntil({ now, usage: Number.NaN, total: null, publishedAt: "x" as never, durationSeconds: -1 })).not.toThrow()
    expect(quotaWaitUntil({ now, usage: 0, total: 0 }).getTime()).toBe(now.getTime() + QUOTA_RECHECK_MS)
  })
})
