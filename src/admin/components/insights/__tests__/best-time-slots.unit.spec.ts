import type { MetaBestTimeSlot } from "../../../../types/http/insights"
import {
  clockTime,
  describeLocalTime,
  heatLevel,
  hourLabel,
  localWeekGrid,
  nextOccurrence,
  slotStartMinute,
  suggestedTimes,
  toLocalTime,
  utcOffsetMinutes,
  weekdayName,
} from "../best-time-slots"

const slot = (weekday: number, hour: number, score = 50, reason = "followers online"): MetaBestTimeSlot => ({
  weekday,
  hour,
  score,
  reason,
})

const allSlots = () => Array.from({ length: 168 }, (_, i) => slot(Math.floor(i / 24), i % 24, 0))

describe("toLocalTime", () => {
  it("leaves a UTC clock as it is", () => {
    expect(toLocalTime(2, 10, 0)).toEqual({ weekday: 2, hour: 10, minute: 0 })
  })

  it("moves a slot to India's clock (UTC+5:30): the local time the slot starts at", () => {
    expect(toLocalTime(2, 10, 330)).toEqual({ weekday: 2, hour: 15, minute: 30 })
    expect(toLocalTime(2, 20, 330)).toEqual({ weekday: 3, hour: 1, minute: 30 })
  })

  it("wraps Saturday night into Sunday and Sunday morning back to Saturday", () => {
    expect(toLocalTime(6, 23, 60)).toEqual({ weekday: 0, hour: 0, minute: 0 })
    expect(toLocalTime(0, 2, -300)).toEqual({ weekday: 6, hour: 21, minute: 0 })
  })

  it("handles offsets behind UTC with half hours (Newfoundland, UTC−3:30) and 45 minutes (Nepal, UTC+5:45)", () => {
    expect(toLocalTime(1, 0, -210)).toEqual({ weekday: 0, hour: 20, minute: 30 })
    expect(toLocalTime(1, 0, 345)).toEqual({ weekday: 1, hour: 5, minute: 45 })
  })
})

describe("slotStartMinute", () => {
  it("is the minute every local slot starts at", () => {
    expect(slotStartMinute(0)).toBe(0)
    expect(slotStartMinute(330)).toBe(30)
    expect(slotStartMinute(-210)).toBe(30)
    expect(slotStartMinute(345)).toBe(45)
    expect(slotStartMinute(-240)).toBe(0)
  })
})

describe("utcOffsetMinutes", () => {
  it("is positive east of UTC and never −0", () => {
    const at = (offset: number) => ({ getTimezoneOffset: () => offset }) as Date
    expect(utcOffsetMinutes(at(-330))).toBe(330)
    expect(utcOffsetMinutes(at(240))).toBe(-240)
    expect(Object.is(utcOffsetMinutes(at(0)), 0)).toBe(true)
  })
})

describe("localWeekGrid", () => {
  it.each([0, 60, 330, -210, 345, -600, 840])("puts each of the 168 slots in its own cell at offset %i", (offset) => {
    const grid = localWeekGrid(allSlots(), offset)
    const cells = grid.flat()
    expect(cells).toHaveLength(168)
    expect(cells.every(Boolean)).toBe(true)
    const keys = new Set(cells.map((c) => `${c!.slot.weekday}:${c!.slot.hour}`))
    expect(keys.size).toBe(168)
  })

  it("files a slot under the local weekday and hour it starts in", () => {
    const grid = localWeekGrid([slot(2, 10, 80)], 330)
    expect(grid[2][15]).toEqual({ slot: slot(2, 10, 80), local: { weekday: 2, hour: 15, minute: 30 } })
    expect(grid.flat().filter(Boolean)).toHaveLength(1)
  })
})

describe("heatLevel", () => {
  it("is 0 without a score, 4 for the best, and steps in quarters between", () => {
    expect(heatLevel(0, 100)).toBe(0)
    expect(heatLevel(10, 0)).toBe(0)
    expect(heatLevel(1, 100)).toBe(1)
    expect(heatLevel(25, 100)).toBe(1)
    expect(heatLevel(26, 100)).toBe(2)
    expect(heatLevel(75, 100)).toBe(3)
    expect(heatLevel(100, 100)).toBe(4)
    expect(heatLevel(40, 40)).toBe(4)
  })
})

describe("nextOccurrence", () => {
  // Wednesday 2026-03-11 12:30 UTC.
  const now = new Date(Date.UTC(2026, 2, 11, 12, 30))

  it("is later the same day when the hour is still to come", () => {
    expect(nextOccurrence({ weekday: 3, hour: 18 }, now).toISOString()).toBe("2026-03-11T18:00:00.000Z")
  })

  it("is next week when the hour has begun already", () => {
    expect(nextOccurrence({ weekday: 3, hour: 12 }, now).toISOString()).toBe("2026-03-18T12:00:00.000Z")
  })

  it("is the coming weekday otherwise, across a month end", () => {
    expect(nextOccurrence({ weekday: 2, hour: 9 }, now).toISOString()).toBe("2026-03-17T09:00:00.000Z")
    expect(nextOccurrence({ weekday: 0, hour: 0 }, new Date(Date.UTC(2026, 2, 30, 5))).toISOString()).toBe(
      "2026-04-05T00:00:00.000Z"
    )
  })

  it("is the instant itself when it begins exactly then", () => {
    expect(nextOccurrence({ weekday: 3, hour: 13 }, new Date(Date.UTC(2026, 2, 11, 13))).toISOString()).toBe(
      "2026-03-11T13:00:00.000Z"
    )
  })
})

describe("suggestedTimes", () => {
  const now = new Date(Date.UTC(2026, 2, 11, 12, 30)) // Wednesday

  it("takes the soonest three of the ten best slots, soonest first", () => {
    const slots = [
      slot(1, 9, 100), // Monday: next week
      slot(5, 18, 95), // Friday
      slot(3, 18, 90), // today, later
      slot(4, 8, 85), // tomorrow
      ...[10, 11, 12, 13, 14, 15].map((hour) => slot(1, hour, 80)), // Monday again: the rest of the ten best
      slot(3, 13, 10), // in 30 minutes, but not among the ten best
    ]
    expect(suggestedTimes(slots, now).map((s) => s.at.toISOString())).toEqual([
      "2026-03-11T18:00:00.000Z",
      "2026-03-12T08:00:00.000Z",
      "2026-03-13T18:00:00.000Z",
    ])
  })

  it("skips a slot that starts too soon to finish the post, to its next week", () => {
    const suggestions = suggestedTimes([slot(3, 12, 50), slot(3, 13, 40)], new Date(Date.UTC(2026, 2, 11, 12, 50)))
    expect(suggestions.map((s) => s.at.toISOString())).toEqual(["2026-03-18T12:00:00.000Z", "2026-03-18T13:00:00.000Z"])
  })

  it("suggests nothing from slots without a score", () => {
    expect(suggestedTimes(allSlots(), now)).toEqual([])
  })
})

describe("words", () => {
  const plain = (text: string) => text.replace(/\s/g, " ")

  it("names weekdays and local times as the locale writes them", () => {
    expect(weekdayName(0, "long", "en-US")).toBe("Sunday")
    expect(weekdayName(2, "short", "en-US")).toBe("Tue")
    expect(plain(clockTime(15, 30, "en-US"))).toBe("3:30 PM")
    expect(clockTime(15, 30, "de-DE")).toBe("15:30")
    expect(plain(hourLabel(15, 0, "en-US"))).toBe("3 PM")
    expect(plain(hourLabel(15, 30, "en-US"))).toBe("3:30 PM")
  })

  it("describes a slot in India's time in words", () => {
    expect(plain(describeLocalTime(toLocalTime(2, 10, 330), "en-US"))).toBe("Tuesday at 3:30 PM")
  })
})
