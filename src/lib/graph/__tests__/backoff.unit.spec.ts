import { backoffDelayMs, MAX_BACKOFF_MS } from "../backoff"

describe("backoffDelayMs", () => {
  it("doubles per attempt with half of each wait jittered", () => {
    expect(backoffDelayMs(0, 500, () => 0)).toBe(250)
    expect(backoffDelayMs(0, 500, () => 1)).toBe(500)
    expect(backoffDelayMs(1, 500, () => 0)).toBe(500)
    expect(backoffDelayMs(3, 500, () => 1)).toBe(4000)
  })

  it("never exceeds the cap, even for absurd attempts", () => {
    expect(backoffDelayMs(50, 500, () => 1)).toBe(MAX_BACKOFF_MS)
    expect(backoffDelayMs(5000, 500, () => 0.5)).toBeLessThanOrEqual(MAX_BACKOFF_MS)
  })
})
