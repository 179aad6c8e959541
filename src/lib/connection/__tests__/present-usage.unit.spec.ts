import { presentUsage } from "../present-usage"

describe("presentUsage", () => {
  it("is empty before any call", () => {
    expect(presentUsage({ app: null, businessUseCase: {}, adAccounts: {} })).toEqual({ app: null, objects: [] })
  })

  it("flattens per-object entries, busiest first, with ISO dates", () => {
    const at = Date.UTC(2026, 10, 22, 12)
    const view = presentUsage({
      app: { callCount: 12, totalCputime: 3, totalTime: 4, updatedAt: at },
      businessUseCase: {
        "30001": {
          updatedAt: at,
          entries: [
            { type: "pages", callCount: 20, totalCputime: 1, totalTime: 2, estimatedTimeToRegainAccessMinutes: 0 },
            { type: "instagram", callCount: 101, totalCputime: 1, totalTime: 2, estimatedTimeToRegainAccessMinutes: 7 },
          ],
        },
      },
      adAccounts: { act_50001: { accIdUtilPct: 55.5, resetTimeDurationSec: 30, updatedAt: at } },
    })
    expect(view.app).toEqual({ call_count: 12, total_cputime: 3, total_time: 4, updated_at: "2026-11-22T12:00:00.000Z" })
    expect(view.objects.map((o) => [o.id, o.type, o.call_count, o.regain_access_minutes])).toEqual([
      ["30001", "instagram", 101, 7],
      ["act_50001", "ad_account", 55.5, 0],
      ["30001", "pages", 20, 0],
    ])
  })
})
