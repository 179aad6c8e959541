import {
  APP_USAGE_THROTTLE_WAIT_MS,
  parseAdAccountUsage,
  parseAppUsage,
  parseBusinessUseCaseUsage,
  parseUsageHeaders,
  throttleWaitMs,
} from "../usage-headers"

describe("usage headers", () => {
  it("parses X-App-Usage percentages", () => {
    expect(parseAppUsage('{"call_count":28,"total_cputime":25,"total_time":25}')).toEqual({
      callCount: 28,
      totalCputime: 25,
      totalTime: 25,
    })
  })

  it("ignores missing, empty, non-JSON and non-object values", () => {
    for (const value of [undefined, "", "   ", "{oops", "[1,2]", "42", "null"]) {
      expect(parseAppUsage(value)).toBeUndefined()
      expect(parseBusinessUseCaseUsage(value)).toBeUndefined()
      expect(parseAdAccountUsage(value)).toBeUndefined()
    }
  })

  it("uses the last value when a header repeats, and 0 for missing or junk numbers", () => {
    expect(parseAppUsage(['{"call_count":1}', '{"call_count":"7","total_time":"x"}'])).toEqual({
      callCount: 7,
      totalCputime: 0,
      totalTime: 0,
    })
  })

  it("parses X-Business-Use-Case-Usage as arrays per object id (estimated time in minutes)", () => {
    const header = JSON.stringify({
      "1122334455": [
        { type: "ads_management", call_count: 95, total_cputime: 20, total_time: 20, estimated_time_to_regain_access: 0, ads_api_access_tier: "standard_access" },
        { type: "ads_insights", call_count: 101, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 3 },
      ],
      "30001": { type: "pages", call_count: 5 },
      "junk": ["not an object", null],
    })
    const parsed = parseBusinessUseCaseUsage(header)!
    expect(parsed["1122334455"]).toHaveLength(2)
    expect(parsed["1122334455"][1]).toEqual({
      type: "ads_insights",
      callCount: 101,
      totalCputime: 1,
      totalTime: 1,
      estimatedTimeToRegainAccessMinutes: 3,
      adsApiAccessTier: undefined,
    })
    expect(parsed["1122334455"][0].adsApiAccessTier).toBe("standard_access")
    expect(parsed["30001"][0].type).toBe("pages")
    expect(parsed.junk).toEqual([])
  })

  it("parses X-Ad-Account-Usage (reset_time_duration in seconds)", () => {
    expect(parseAdAccountUsage('{"acc_id_util_pct":9.67,"reset_time_duration":100,"ads_api_access_tier":"standard_access"}')).toEqual({
      accIdUtilPct: 9.67,
      resetTimeDurationSec: 100,
      adsApiAccessTier: "standard_access",
    })
  })

  it("reads all three from a lower-cased header map", () => {
    const usage = parseUsageHeaders({
      "x-app-usage": '{"call_count":1}',
      "x-ad-account-usage": '{"acc_id_util_pct":2}',
      "content-type": "application/json",
    })
    expect(usage.app?.callCount).toBe(1)
    expect(usage.adAccount?.accIdUtilPct).toBe(2)
    expect(usage.businessUseCase).toBeUndefined()
  })
})

describe("throttleWaitMs", () => {
  const entry = (minutes: number) => ({
    type: "pages",
    callCount: 100,
    totalCputime: 0,
    totalTime: 0,
    estimatedTimeToRegainAccessMinutes: minutes,
  })

  it("converts BUC minutes to milliseconds, preferring the object the call concerns", () => {
    const usage = { businessUseCase: { a: [entry(2)], b: [entry(9), entry(4)] } }
    expect(throttleWaitMs(usage, "a")).toBe(120_000)
    expect(throttleWaitMs(usage, "b")).toBe(540_000)
    expect(throttleWaitMs(usage)).toBe(540_000)
    expect(throttleWaitMs(usage, "not-in-header")).toBe(540_000)
  })

  it("handles fractional minutes", () => {
    expect(throttleWaitMs({ businessUseCase: { a: [entry(0.5)] } })).toBe(30_000)
  })

  it("lets BUC win over the ad account and app figures", () => {
    expect(
      throttleWaitMs({
        businessUseCase: { a: [entry(1)] },
        adAccount: { accIdUtilPct: 100, resetTimeDurationSec: 300 },
        app: { callCount: 100, totalCputime: 0, totalTime: 0 },
      })
    ).toBe(60_000)
  })

  it("falls back to the ad account reset time (seconds), then an exhausted app budget", () => {
    expect(throttleWaitMs({ businessUseCase: { a: [entry(0)] }, adAccount: { accIdUtilPct: 100, resetTimeDurationSec: 45 } })).toBe(45_000)
    expect(throttleWaitMs({ app: { callCount: 20, totalCputime: 100, totalTime: 3 } })).toBe(APP_USAGE_THROTTLE_WAIT_MS)
    expect(throttleWaitMs({ app: { callCount: 99, totalCputime: 99, totalTime: 99 } })).toBeUndefined()
    expect(throttleWaitMs({ businessUseCase: { a: [] } })).toBeUndefined()
    expect(throttleWaitMs({})).toBeUndefined()
  })
})
