import { deliverIsolating, partitionExpired, retryDelayMs, RETRY_MAX_MS, type SendOutcome } from "../delivery"
import { MAX_EVENT_AGE_MS, splitIntoBatches } from "../limits"
import { matchQualityOf, summarizeMatchQuality } from "../match-quality"

describe("splitIntoBatches", () => {
  it.each([
    [0, []],
    [1, [1]],
    [1000, [1000]],
    [1001, [1000, 1]],
    [100_000, Array(100).fill(1000)],
  ])("%i events → batches of %j", (count, sizes) => {
    expect(splitIntoBatches(Array.from({ length: count }, (_, i) => i)).map((b) => b.length)).toEqual(sizes)
  })

  it("refuses batch sizes Meta would reject", () => {
    expect(() => splitIntoBatches([1], 1001)).toThrow("1…1000")
    expect(() => splitIntoBatches([1], 0)).toThrow()
  })
})

describe("retryDelayMs", () => {
  it.each([
    [1, undefined, 30_000],
    [2, undefined, 60_000],
    [5, undefined, 480_000],
    [20, undefined, RETRY_MAX_MS],
    [1, 600_000, 600_000],
    [3, 1_000, 120_000],
  ])("attempt %i, Meta asks %j → %i ms", (attempts, retryAfter, expected) => {
    expect(retryDelayMs(attempts, retryAfter)).toBe(expected)
  })
})

describe("partitionExpired", () => {
  it("expires events older than Meta's 7-day window", () => {
    const now = 1_800_000_000_000
    const fresh = { event_time: (now - MAX_EVENT_AGE_MS) / 1000 + 60 }
    const old = { event_time: (now - MAX_EVENT_AGE_MS) / 1000 - 60 }
    expect(partitionExpired([fresh, old], now)).toEqual({ fresh: [fresh], expired: [old] })
  })
})

describe("deliverIsolating", () => {
  const invalid = { ok: false as const, failure: { category: "invalid" as const, message: "Invalid parameter" } }

  it("isolates a bad event and delivers its neighbours", async () => {
    const events = Array.from({ length: 10 }, (_, i) => i)
    const send = async (batch: number[]): Promise<SendOutcome<string>> =>
      batch.includes(7) ? invalid : { ok: true, response: `ok:${batch.length}` }
    const result = await deliverIsolating(events, send)
    expect(result.outcomes.filter((o) => o.status === "sent").map((o) => o.event).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9])
    expect(result.outcomes.filter((o) => o.status === "failed")).toEqual([{ event: 7, status: "failed", message: "Invalid parameter" }])
    expect(result.calls).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(10)) + 1)
  })

  it("stops at a transient failure and leaves everything for the next flush", async () => {
    let calls = 0
    const send = async (): Promise<SendOutcome> => {
      calls++
      return { ok: false, failure: { category: "throttled", message: "(#4) limit", retryAfterMs: 60_000 } }
    }
    const result = await deliverIsolating([1, 2, 3], send)
    expect(calls).toBe(1)
    expect(result.halted?.retryAfterMs).toBe(60_000)
    expect(result.outcomes.every((o) => o.status === "retry")).toBe(true)
  })

  it("delivers a good batch in one call", async () => {
    const result = await deliverIsolating([1, 2], async () => ({ ok: true, response: { events_received: 2 } }))
    expect(result).toMatchObject({ calls: 1, outcomes: [{ status: "sent", batchSize: 2 }, { status: "sent" }] })
  })
})

describe("match quality", () => {
  it.each([
    [{ em: ["h"], ph: ["h"], fbp: "fb.1.1.1" }, "great"],
    [{ em: ["h"], fbc: "fb.1.1.x" }, "good"],
    [{ em: ["h"], fn: ["h"], ln: ["h"], ct: ["h"], zp: ["h"] }, "good"],
    [{ em: ["h"] }, "ok"],
    [{ client_ip_address: "1.2.3.4", client_user_agent: "UA" }, "poor"],
    [{ em: [] }, "poor"],
    [null, "poor"],
  ])("%j → %s", (userData, rating) => {
    expect(matchQualityOf(userData).rating).toBe(rating)
  })

  it("summarizes the share of events with each strong key", () => {
    const summary = summarizeMatchQuality([{ em: ["h"], fbp: "x" }, { ph: ["h"] }, {}, { em: ["h"], ph: ["h"], fbc: "y" }])
    expect(summary.events).toBe(4)
    expect(summary.share).toMatchObject({ em: 0.5, ph: 0.5, fbp: 0.25, fbc: 0.25 })
    expect(summary.ratings).toEqual({ great: 1, good: 1, ok: 1, poor: 1 })
    expect(summarizeMatchQuality([]).share.em).toBe(0)
  })
})

describe("FixedWindowLimiter and maskIpAddress", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FixedWindowLimiter, maskIpAddress } = require("../rate-limit") as typeof import("../rate-limit")

  it("allows `limit` calls per window and key, then refuses until the window resets", () => {
    let now = 0
    const limiter = new FixedWindowLimiter(2, 1000, () => now)
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a"), limiter.take("b")]).toEqual([true, true, false, true])
    expect(limiter.retryAfterMs("a")).toBe(1000)
    now = 1000
    expect(limiter.take("a")).toBe(true)
  })

  it.each([
    ["203.0.113.77", "203.0.113.0"],
    ["2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::"],
    ["", null],
    [null, null],
    ["junk", null],
  ])("masks %j → %j", (ip, masked) => {
    expect(maskIpAddress(ip)).toBe(masked)
  })
})
