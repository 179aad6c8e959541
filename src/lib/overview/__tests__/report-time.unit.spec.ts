import {
  addDays,
  dayStartInstant,
  daysBetween,
  daysInMonth,
  isDay,
  isoWeekday,
  localDay,
  periodStart,
  periodsBetween,
  rangeInstants,
  weekStart,
} from "../report-time"

const hours = (tz: string, day: string) => {
  const { start, end } = rangeInstants({ from: day, to: day }, tz)
  return (end.getTime() - start.getTime()) / 3_600_000
}

describe("days", () => {
  it("accepts only real calendar days written YYYY-MM-DD", () => {
    expect(isDay("2026-02-28")).toBe(true)
    expect(isDay("2028-02-29")).toBe(true)
    for (const bad of ["2026-02-29", "2026-2-3", "2026-13-01", "2026-00-10", "26-01-01", "2026-01-01T00:00:00Z", "", " 2026-01-01", "1969-12-31", null, 20260101]) {
      expect(isDay(bad)).toBe(false)
    }
  })

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01")
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29")
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01")
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28")
    expect(daysBetween("2026-12-25", "2027-01-05")).toBe(11)
    expect(daysBetween("2027-01-05", "2026-12-25")).toBe(-11)
    expect(daysInMonth("2028-02-10")).toBe(29)
    expect(daysInMonth("2026-02-10")).toBe(28)
    expect(() => addDays("2026-02-30", 1)).toThrow(/not a day/)
  })

  it("starts weeks on Monday (ISO 8601), Sunday belonging to the week before", () => {
    expect(isoWeekday("2026-06-01")).toBe(1)
    expect(isoWeekday("2026-06-07")).toBe(7)
    expect(weekStart("2026-06-07")).toBe("2026-06-01")
    expect(weekStart("2026-06-01")).toBe("2026-06-01")
    // The week of New Year's Day 2027 (a Friday) starts in 2026.
    expect(weekStart("2027-01-01")).toBe("2026-12-28")
    expect(periodStart("2026-06-17", "month")).toBe("2026-06-01")
    expect(periodStart("2026-06-17", "day")).toBe("2026-06-17")
  })
})

describe("periodsBetween", () => {
  it("cuts the first and last week to the range, across a year boundary", () => {
    expect(periodsBetween("2026-12-30", "2027-01-13", "week")).toEqual([
      { from: "2026-12-30", to: "2027-01-03" },
      { from: "2027-01-04", to: "2027-01-10" },
      { from: "2027-01-11", to: "2027-01-13" },
    ])
  })

  it("gives whole months, February of a leap year included", () => {
    expect(periodsBetween("2028-01-15", "2028-03-02", "month")).toEqual([
      { from: "2028-01-15", to: "2028-01-31" },
      { from: "2028-02-01", to: "2028-02-29" },
      { from: "2028-03-01", to: "2028-03-02" },
    ])
  })

  it("one day is one period of any interval; a range ending before it starts is refused", () => {
    expect(periodsBetween("2026-06-03", "2026-06-03", "week")).toEqual([{ from: "2026-06-03", to: "2026-06-03" }])
    expect(periodsBetween("2026-06-03", "2026-06-05", "day")).toHaveLength(3)
    expect(() => periodsBetween("2026-06-05", "2026-06-03", "day")).toThrow(/after/)
  })

  it("a week from Monday to Sunday is a single period", () => {
    expect(periodsBetween("2026-06-01", "2026-06-07", "week")).toEqual([{ from: "2026-06-01", to: "2026-06-07" }])
  })
})

describe("instants of local days", () => {
  it("UTC days are 24 hours from midnight", () => {
    expect(dayStartInstant("2026-06-01", "UTC").toISOString()).toBe("2026-06-01T00:00:00.000Z")
    expect(hours("UTC", "2026-06-01")).toBe(24)
  })

  it("daylight saving makes 23- and 25-hour days", () => {
    expect(dayStartInstant("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z")
    expect(hours("America/New_York", "2026-03-08")).toBe(23)
    expect(hours("America/New_York", "2026-11-01")).toBe(25)
    expect(hours("Europe/Berlin", "2026-03-29")).toBe(23)
    expect(dayStartInstant("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z")
  })

  it("a zone that skips midnight starts the day at the first local time it has", () => {
    // Chile moves from 24:00 to 01:00 at the start of summer time: 2026-09-06 begins at 01:00 (-03).
    const start = dayStartInstant("2026-09-06", "America/Santiago")
    expect(start.toISOString()).toBe("2026-09-06T04:00:00.000Z")
    expect(localDay(start.getTime() - 1, "America/Santiago")).toBe("2026-09-05")
    expect(hours("America/Santiago", "2026-09-06")).toBe(23)
  })

  it("offsets of 45 minutes and more than 12 hours", () => {
    expect(dayStartInstant("2026-06-01", "Asia/Kathmandu").toISOString()).toBe("2026-05-31T18:15:00.000Z")
    expect(dayStartInstant("2026-06-01", "Pacific/Chatham").toISOString()).toBe("2026-05-31T11:15:00.000Z")
    expect(dayStartInstant("2026-06-01", "Pacific/Kiritimati").toISOString()).toBe("2026-05-31T10:00:00.000Z")
  })

  it("a day a zone skipped altogether has no length (Samoa, 2011-12-30)", () => {
    expect(hours("Pacific/Apia", "2011-12-30")).toBe(0)
    expect(hours("Pacific/Apia", "2011-12-31")).toBe(24)
  })

  it("refuses an unknown zone", () => {
    expect(() => dayStartInstant("2026-06-01", "Mars/Olympus")).toThrow(/time zone/)
  })

  it("the local day of an instant near midnight depends on the zone", () => {
    const instant = Date.parse("2026-06-01T03:30:00Z")
    expect(localDay(instant, "UTC")).toBe("2026-06-01")
    expect(localDay(instant, "America/Los_Angeles")).toBe("2026-05-31")
    expect(localDay(instant, "Asia/Tokyo")).toBe("2026-06-01")
  })
})
