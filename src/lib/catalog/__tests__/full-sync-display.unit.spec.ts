import { fullSyncDisplay } from "../full-sync-display"

const run = (processed: number, total: number, status = "running") => ({ status, processed, total })

describe("fullSyncDisplay", () => {
  it.each([
    [run(0, 12_000), 5, 0, "0 of 12,000 variants checked (0%)"],
    [run(4_000, 12_000), 5, 33, "4,000 of 12,000 variants checked (33%)"],
    [run(11_999, 12_000), 5, 99, "11,999 of 12,000 variants checked (99%)"],
    [run(1, 3), 0, 33, "1 of 3 variants checked (33%)"],
  ])("%j with %d synced → %d%%: %s", (progress, synced, percent, text) => {
    expect(fullSyncDisplay(progress, synced)).toEqual({ percent, text })
  })

  it("99.6 % is not rounded up to done", () => {
    expect(fullSyncDisplay(run(996, 1000), 900).percent).toBe(99)
  })

  it("all checked while the run still waits for Meta: not 100 %, and says why", () => {
    const display = fullSyncDisplay(run(12_000, 12_000), 0)
    expect(display.percent).toBeLessThan(100)
    expect(display.text).not.toMatch(/100\s?%/)
    expect(display.text).toMatch(/waiting for Meta/)
  })

  it("never shows 100 % next to 0 synced, even once the run is over", () => {
    for (const status of ["running", "completed", "failed", "stopped"]) {
      expect(fullSyncDisplay(run(50, 50, status), 0).text).not.toMatch(/100\s?%/)
    }
    expect(fullSyncDisplay(run(50, 50, "completed"), 0).text).toMatch(/need attention/)
  })

  it("a completed run with synced items may say 100 %", () => {
    expect(fullSyncDisplay(run(50, 50, "completed"), 50)).toEqual({ percent: 100, text: "50 of 50 variants checked (100%)" })
  })

  it("an empty run says so instead of dividing by zero", () => {
    expect(fullSyncDisplay(run(0, 0), 0)).toEqual({ percent: 0, text: "Nothing to check yet" })
    expect(fullSyncDisplay(run(3, -1), 0)).toEqual({ percent: 0, text: "Nothing to check yet" })
  })

  it("counts out of range are clamped (processed above total, negative)", () => {
    expect(fullSyncDisplay(run(150, 100, "completed"), 10)).toEqual({ percent: 100, text: "100 of 100 variants checked (100%)" })
    expect(fullSyncDisplay(run(-5, 100), 10)).toEqual({ percent: 0, text: "0 of 100 variants checked (0%)" })
  })
})
