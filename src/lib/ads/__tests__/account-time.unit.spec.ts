import { accountClock, isTimeZone, sameAccountDay } from "../account-time"
import { AdsValueError } from "../money"

const at = (iso: string) => new Date(iso)

describe("accountClock", () => {
  it.each([
    // Berlin, spring forward on 2026-03-29: 02:00 CET → 03:00 CEST; the day has 23 hours.
    ["2026-03-28T22:59:59Z", "Europe/Berlin", "2026-03-28", 6, 23 * 60 + 59],
    ["2026-03-28T23:00:00Z", "Europe/Berlin", "2026-03-29", 0, 0],
    ["2026-03-29T00:59:00Z", "Europe/Berlin", "2026-03-29", 0, 60 + 59],
    ["2026-03-29T01:00:00Z", "Europe/Berlin", "2026-03-29", 0, 3 * 60],
    ["2026-03-29T21:59:59Z", "Europe/Berlin", "2026-03-29", 0, 23 * 60 + 59],
    ["2026-03-29T22:00:00Z", "Europe/Berlin", "2026-03-30", 1, 0],
    // Berlin, fall back on 2026-10-25: 03:00 CEST → 02:00 CET; the day has 25 hours.
    ["2026-10-24T22:00:00Z", "Europe/Berlin", "2026-10-25", 0, 0],
    ["2026-10-25T00:30:00Z", "Europe/Berlin", "2026-10-25", 0, 2 * 60 + 30],
    ["2026-10-25T01:30:00Z", "Europe/Berlin", "2026-10-25", 0, 2 * 60 + 30],
    ["2026-10-25T22:59:59Z", "Europe/Berlin", "2026-10-25", 0, 23 * 60 + 59],
    ["2026-10-25T23:00:00Z", "Europe/Berlin", "2026-10-26", 1, 0],
    // Bogotá: UTC−5 all year, no DST.
    ["2026-03-29T04:59:59Z", "America/Bogota", "2026-03-28", 6, 23 * 60 + 59],
    ["2026-03-29T05:00:00Z", "America/Bogota", "2026-03-29", 0, 0],
    ["2026-07-01T05:00:00Z", "America/Bogota", "2026-07-01", 3, 0],
    // Half-hour zone and the far side of the date line.
    ["2026-06-01T18:29:00Z", "Asia/Kolkata", "2026-06-01", 1, 23 * 60 + 59],
    ["2026-06-01T18:30:00Z", "Asia/Kolkata", "2026-06-02", 2, 0],
    ["2026-06-01T11:00:00Z", "Pacific/Kiritimati", "2026-06-02", 2, 60],
    ["2026-06-01T00:00:00Z", "UTC", "2026-06-01", 1, 0],
  ])("%s in %s is %s (weekday %i), minute %i", (iso, zone, date, weekday, minute) => {
    expect(accountClock(at(iso), zone)).toEqual({ date, weekday, minute })
  })

  it("accepts epoch milliseconds", () => {
    expect(accountClock(Date.UTC(2026, 0, 1, 12), "Europe/Berlin")).toEqual({ date: "2026-01-01", weekday: 4, minute: 13 * 60 })
  })

  it("refuses an unknown zone and an invalid instant", () => {
    expect(() => accountClock(at("2026-01-01T00:00:00Z"), "Mars/Olympus")).toThrow(AdsValueError)
    expect(() => accountClock(new Date("nope"), "UTC")).toThrow(AdsValueError)
    expect(isTimeZone("Europe/Berlin")).toBe(true)
    expect(isTimeZone("Mars/Olympus")).toBe(false)
    expect(isTimeZone("")).toBe(false)
    expect(isTimeZone(42)).toBe(false)
  })
})

describe("sameAccountDay", () => {
  it("follows the account's midnight, not UTC's", () => {
    expect(sameAccountDay(at("2026-03-28T23:30:00Z"), at("2026-03-29T21:30:00Z"), "Europe/Berlin")).toBe(true)
    expect(sameAccountDay(at("2026-03-28T22:30:00Z"), at("2026-03-28T23:30:00Z"), "Europe/Berlin")).toBe(false)
    expect(sameAccountDay(at("2026-03-29T04:00:00Z"), at("2026-03-29T06:00:00Z"), "America/Bogota")).toBe(false)
    expect(sameAccountDay(at("2026-03-29T06:00:00Z"), at("2026-03-30T04:59:00Z"), "America/Bogota")).toBe(true)
  })
})
