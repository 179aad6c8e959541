import { UsageReports } from "../usage-reports"

/** A hand-driven clock: timers fire only when `advance` passes them. */
function fakeClock() {
  let now = 1_000_000
  let timers: { at: number; fn: () => void }[] = []
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      timers.push({ at: now + ms, fn })
      return timers.length
    },
    advance(ms: number) {
      now += ms
      const due = timers.filter((t) => t.at <= now)
      timers = timers.filter((t) => t.at > now)
      for (const t of due) t.fn()
    },
    pendingTimers: () => timers.length,
  }
}

describe("UsageReports", () => {
  it("reports the first reading at once", () => {
    const clock = fakeClock()
    const sent: number[] = []
    const reports = new UsageReports(30_000, () => sent.push(clock.now()), clock)
    reports.changed()
    expect(sent).toEqual([1_000_000])
  })

  it("folds readings within the interval into one report when it is up", () => {
    const clock = fakeClock()
    const sent: number[] = []
    const reports = new UsageReports(30_000, () => sent.push(clock.now()), clock)
    reports.changed()
    clock.advance(1_000)
    reports.changed()
    clock.advance(1_000)
    reports.changed()
    expect(sent).toHaveLength(1)
    expect(clock.pendingTimers()).toBe(1)
    clock.advance(28_000)
    expect(sent).toEqual([1_000_000, 1_030_000])
  })

  it("sends nothing more when no reading came after the last report", () => {
    const clock = fakeClock()
    let count = 0
    const reports = new UsageReports(30_000, () => count++, clock)
    reports.changed()
    clock.advance(120_000)
    expect(count).toBe(1)
    expect(clock.pendingTimers()).toBe(0)
  })

  it("reports at once again once the interval has passed since the last report", () => {
    const clock = fakeClock()
    let count = 0
    const reports = new UsageReports(30_000, () => count++, clock)
    reports.changed()
    clock.advance(30_000)
    reports.changed()
    expect(count).toBe(2)
    expect(clock.pendingTimers()).toBe(0)
  })

  it("a report that throws neither breaks the caller nor stops later reports", () => {
    const clock = fakeClock()
    let calls = 0
    const reports = new UsageReports(10, () => {
      calls++
      throw new Error("event bus down")
    }, clock)
    expect(() => reports.changed()).not.toThrow()
    clock.advance(10)
    expect(() => reports.changed()).not.toThrow()
    expect(calls).toBe(2)
  })

  it("with a timer pending, a reading after the interval is sent at once and the timer then sends nothing twice", () => {
    const clock = fakeClock()
    let count = 0
    const reports = new UsageReports(30_000, () => count++, clock)
    reports.changed()
    clock.advance(10_000)
    reports.changed() // timer due at +30 s
    expect(count).toBe(1)
    clock.advance(20_000) // timer fires: the folded reading
    expect(count).toBe(2)
    clock.advance(5_000)
    reports.changed() // within the interval of the timer's report: folded again
    expect(count).toBe(2)
    clock.advance(25_000)
    expect(count).toBe(3)
  })
})
