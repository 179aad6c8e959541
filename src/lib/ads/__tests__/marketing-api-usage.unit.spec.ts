import {
  DEFAULT_THROTTLE_WAIT_MS,
  formatWait,
  isThrottleCode,
  throttleStop,
  usagePct,
  usageVerdict,
  type AccountUsageReading,
  type BusinessUseCaseReading,
} from "../marketing-api-usage"

const none: AccountUsageReading = { accountPct: null, resetSeconds: null, businessUseCases: [] }
const buc = (entry: Partial<BusinessUseCaseReading>): BusinessUseCaseReading => ({
  type: "ads_management",
  callCount: 0,
  totalCputime: 0,
  totalTime: 0,
  estimatedTimeToRegainAccessMinutes: 0,
  ...entry,
})

describe("usagePct", () => {
  it.each<[string, AccountUsageReading, number | null]>([
    ["nothing reported", none, null],
    ["ad-account score only", { ...none, accountPct: 41.5 }, 41.5],
    ["the highest of call count, CPU and time", { ...none, businessUseCases: [buc({ callCount: 10, totalCputime: 62, totalTime: 5 })] }, 62],
    ["the highest of the account and every use case", { ...none, accountPct: 30, businessUseCases: [buc({ callCount: 80 }), buc({ type: "ads_insights", totalTime: 12 })] }, 80],
    ["NaN and negative figures are ignored", { ...none, accountPct: NaN, businessUseCases: [buc({ callCount: -5, totalTime: 7 })] }, 7],
    ["over 100 once throttled", { ...none, accountPct: 140 }, 140],
  ])("%s", (_name, reading, expected) => {
    expect(usagePct(reading)).toBe(expected)
  })
})

describe("usageVerdict", () => {
  it("goes on below the high-water mark and when nothing was reported", () => {
    expect(usageVerdict(none)).toEqual({ stop: false, pct: null })
    expect(usageVerdict({ ...none, accountPct: 74.99, resetSeconds: 300 })).toEqual({ stop: false, pct: 74.99 })
    expect(usageVerdict({ ...none, businessUseCases: [buc({ callCount: 74 })] })).toEqual({ stop: false, pct: 74 })
  })

  it("stops at the mark on the ad-account score and waits for its reset time", () => {
    const verdict = usageVerdict({ ...none, accountPct: 75, resetSeconds: 300 })
    expect(verdict).toMatchObject({ stop: true, pct: 75, waitMs: 300_000 })
    if (verdict.stop) expect(verdict.reason).toMatch(/ad-account usage is at 75 %.*stops at 75 %/)
  })

  it("without a reset time the default wait applies", () => {
    expect(usageVerdict({ ...none, accountPct: 90, resetSeconds: 0 })).toMatchObject({ stop: true, waitMs: DEFAULT_THROTTLE_WAIT_MS })
  })

  it("a high business-use-case figure names the use case and does not borrow the account's reset time", () => {
    const verdict = usageVerdict({ accountPct: 10, resetSeconds: 20, businessUseCases: [buc({ type: "ads_insights", totalCputime: 88 })] })
    expect(verdict).toMatchObject({ stop: true, pct: 88, waitMs: DEFAULT_THROTTLE_WAIT_MS })
    if (verdict.stop) expect(verdict.reason).toMatch(/ads_insights usage for this ad account is at 88 %/)
  })

  it("Meta's time to regain access wins over everything, in minutes", () => {
    const verdict = usageVerdict({ accountPct: 5, resetSeconds: 30, businessUseCases: [buc({ estimatedTimeToRegainAccessMinutes: 3 }), buc({ type: "ads_insights", estimatedTimeToRegainAccessMinutes: 12 })] })
    expect(verdict).toMatchObject({ stop: true, waitMs: 12 * 60_000 })
    if (verdict.stop) expect(verdict.reason).toMatch(/wait 12 min before more ads_insights calls/)
  })

  it("honours a custom mark", () => {
    expect(usageVerdict({ ...none, accountPct: 50, resetSeconds: 60 }, 50)).toMatchObject({ stop: true, waitMs: 60_000 })
    expect(usageVerdict({ ...none, accountPct: 99 }, Infinity)).toEqual({ stop: false, pct: 99 })
  })
})

describe("throttleStop", () => {
  it("uses the client's wait from the throttled response first", () => {
    const stop = throttleStop({ code: 17, subcode: 2446079, message: "(#17) User request limit reached", retryAfterMs: 300_000 }, none)
    expect(stop).toEqual({ waitMs: 300_000, reason: "Meta throttled the ad account (#17/2446079: User request limit reached)" })
  })

  it("then Meta's time to regain access, then the ad account's reset time, then the default", () => {
    expect(throttleStop({ code: 80004, message: "x" }, { ...none, businessUseCases: [buc({ estimatedTimeToRegainAccessMinutes: 7 })] }).waitMs).toBe(420_000)
    expect(throttleStop({ code: 17, message: "x" }, { ...none, accountPct: 100, resetSeconds: 45 }).waitMs).toBe(45_000)
    expect(throttleStop({ code: 613, message: "x" }, none).waitMs).toBe(DEFAULT_THROTTLE_WAIT_MS)
    expect(throttleStop({ message: "x", retryAfterMs: 0 }, none).waitMs).toBe(DEFAULT_THROTTLE_WAIT_MS)
  })

  it("says which code, without a subcode when Meta sent none", () => {
    expect(throttleStop({ code: 80000, message: "There have been too many calls from this ad-account." }, none).reason).toBe(
      "Meta throttled the ad account (#80000: There have been too many calls from this ad-account.)"
    )
    expect(throttleStop({ message: "429" }, none).reason).toBe("Meta throttled the ad account (throttled: 429)")
  })
})

describe("isThrottleCode", () => {
  it.each([4, 17, 32, 341, 613, 80000, 80004, 80014])("%i throttles", (code) => expect(isThrottleCode(code)).toBe(true))
  it.each([undefined, 1, 2, 100, 190, 79999, 80015, 2446079])("%s does not", (code) => expect(isThrottleCode(code)).toBe(false))
})

describe("formatWait", () => {
  it.each([
    [0, "1 s"],
    [999, "1 s"],
    [45_000, "45 s"],
    [60_000, "1 min"],
    [61_000, "2 min"],
    [300_000, "5 min"],
    [3_600_000, "1 h"],
    [3_900_000, "1 h 5 min"],
  ])("%i ms → %s", (ms, text) => expect(formatWait(ms)).toBe(text))
})
