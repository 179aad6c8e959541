import { addCalendarDays, lookbackDays, lookbackRanges } from "../lookback-days"
import { AdsValueError } from "../money"
import { RULE_LOOKBACKS } from "../rule-definition"

describe("addCalendarDays", () => {
  it.each([
    ["2026-03-01", -1, "2026-02-28"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2026-01-01", -1, "2025-12-31"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-29", -30, "2026-02-27"],
    ["2026-06-10", 0, "2026-06-10"],
  ])("%s %+i → %s", (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected)
  })

  it("refuses what is not a date", () => {
    expect(() => addCalendarDays("10.06.2026", 1)).toThrow(AdsValueError)
  })
})

describe("lookbackDays (Meta's date_preset: last_Nd excludes today)", () => {
  const at = (iso: string) => new Date(iso)

  it("today is the account's day, not UTC's", () => {
    // 23:30 UTC on the 9th is already the 10th in Berlin (CEST) and still the 9th in Los Angeles.
    expect(lookbackDays("today", at("2026-06-09T23:30:00Z"), "Europe/Berlin")).toEqual({ since: "2026-06-10", until: "2026-06-10" })
    expect(lookbackDays("today", at("2026-06-09T23:30:00Z"), "America/Los_Angeles")).toEqual({ since: "2026-06-09", until: "2026-06-09" })
  })

  it.each([
    ["last_3d", "2026-06-07", "2026-06-09"],
    ["last_7d", "2026-06-03", "2026-06-09"],
    ["last_30d", "2026-05-11", "2026-06-09"],
  ] as const)("%s is %s … %s on 2026-06-10", (lookback, since, until) => {
    expect(lookbackDays(lookback, at("2026-06-10T10:00:00Z"), "UTC")).toEqual({ since, until })
  })

  it("across a daylight-saving change counts calendar days", () => {
    // Berlin springs forward on 2026-03-29; shortly after local midnight of the 30th.
    expect(lookbackDays("last_3d", at("2026-03-29T22:05:00Z"), "Europe/Berlin")).toEqual({ since: "2026-03-27", until: "2026-03-29" })
  })

  it("refuses an unknown lookback or time zone", () => {
    expect(() => lookbackDays("last_90d" as never, Date.now(), "UTC")).toThrow(/lookback/)
    expect(() => lookbackDays("last_5d" as never, Date.now(), "UTC")).toThrow(/lookback/)
    expect(() => lookbackDays("today", Date.now(), "Mars/Olympus")).toThrow(AdsValueError)
  })

  it("lists every lookback", () => {
    expect(lookbackRanges(at("2026-06-10T10:00:00Z"), "UTC").map((r) => r.lookback)).toEqual([...RULE_LOOKBACKS])
  })
})
