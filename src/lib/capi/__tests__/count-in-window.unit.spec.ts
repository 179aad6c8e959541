import { countInWindow, type RateWindow } from "../rate-limit"

describe("countInWindow", () => {
  const LIMIT = 3
  const WINDOW = 60_000

  /** Runs calls at the given times through one window, as a shared store would keep it. */
  function run(times: number[], start: RateWindow | null = null) {
    let window = start
    return times.map((now) => {
      const counted = countInWindow(window, now, LIMIT, WINDOW)
      window = counted.window
      return counted
    })
  }

  it("lets `limit` calls through, refuses the next ones and does not count them", () => {
    const out = run([0, 1, 2, 3, 4])
    expect(out.map((c) => c.allowed)).toEqual([true, true, true, false, false])
    expect(out[4].window).toEqual({ start: 0, count: 3 })
  })

  it("says how long until the window resets", () => {
    const out = run([1_000, 21_000, 41_000, 51_000])
    expect(out.map((c) => c.retryAfterMs)).toEqual([60_000, 40_000, 20_000, 10_000])
  })

  it("starts a new window once the old one has run out, exactly at its end", () => {
    const out = run([0, 1, 2, 59_999, 60_000, 60_001])
    expect(out.map((c) => c.allowed)).toEqual([true, true, true, false, true, true])
    expect(out[4].window).toEqual({ start: 60_000, count: 1 })
  })

  it("a limit of 0 refuses everything; a limit of 1 allows one call per window", () => {
    expect(countInWindow(null, 5, 0, WINDOW).allowed).toBe(false)
    let window: RateWindow | null = null
    const allowed = [0, 10, 60_000].map((now) => {
      const c = countInWindow(window, now, 1, WINDOW)
      window = c.window
      return c.allowed
    })
    expect(allowed).toEqual([true, false, true])
  })

  it.each([
    ["a window from the future (a clock that went back)", { start: 120_000, count: 3 }],
    ["a count that is not a number", { start: 0, count: Number.NaN }],
    ["a start that is not a number", { start: Number.NaN, count: 3 }],
    ["an expired window", { start: -60_000, count: 3 }],
  ])("treats %s as no window at all", (_label, stored) => {
    const counted = countInWindow(stored as RateWindow, 0, LIMIT, WINDOW)
    expect(counted).toEqual({ allowed: true, window: { start: 0, count: 1 }, retryAfterMs: WINDOW })
  })

  it("does not change the window it was given", () => {
    const stored = { start: 0, count: 1 }
    countInWindow(stored, 10, LIMIT, WINDOW)
    expect(stored).toEqual({ start: 0, count: 1 })
  })
})
