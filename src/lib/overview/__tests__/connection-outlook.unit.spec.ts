import { accessOutlook, mergeUsageSnapshots } from "../connection-outlook"

const NOW = Date.parse("2026-06-10T12:00:00Z")
const DAY = 86_400_000
const base = { status: "active", method: "oauth" as const, token_expires_at: new Date(NOW + 50 * DAY), data_access_expires_at: new Date(NOW + 80 * DAY), last_error: null }

describe("accessOutlook", () => {
  it("a user token renews itself 7 days before it expires while data access lasts longer", () => {
    expect(accessOutlook(base, NOW)).toEqual({ kind: "renews_automatically", on: new Date(NOW + 43 * DAY).toISOString() })
    // Already in its last 7 days: the next daily run renews it.
    expect(accessOutlook({ ...base, status: "expiring", token_expires_at: new Date(NOW + 2 * DAY) }, NOW)).toEqual({ kind: "renews_automatically", on: new Date(NOW).toISOString() })
  })

  it("data access ending before the token means reconnecting before that date", () => {
    const before = new Date(NOW + 20 * DAY)
    expect(accessOutlook({ ...base, data_access_expires_at: before }, NOW)).toEqual({ kind: "reconnect_before", before: before.toISOString() })
    expect(accessOutlook({ ...base, token_expires_at: null, data_access_expires_at: before }, NOW)).toEqual({ kind: "reconnect_before", before: before.toISOString() })
  })

  it("system-user tokens never expire; one with an expiry must be replaced before it", () => {
    expect(accessOutlook({ ...base, method: "system_user", token_expires_at: null, data_access_expires_at: null }, NOW)).toEqual({ kind: "never_expires" })
    expect(accessOutlook({ ...base, method: "system_user", data_access_expires_at: null }, NOW)).toEqual({ kind: "reconnect_before", before: base.token_expires_at.toISOString() })
  })

  it("expired, revoked and refused tokens", () => {
    expect(accessOutlook({ ...base, token_expires_at: new Date(NOW - 1) }, NOW)).toEqual({ kind: "expired", since: new Date(NOW - 1).toISOString() })
    expect(accessOutlook({ ...base, status: "expired", token_expires_at: null }, NOW)).toEqual({ kind: "expired", since: null })
    expect(accessOutlook({ ...base, status: "revoked" }, NOW)).toMatchObject({ kind: "needs_reconnect" })
    expect(accessOutlook({ ...base, status: "error", last_error: "Session has been invalidated" }, NOW)).toEqual({ kind: "needs_reconnect", reason: "Session has been invalidated" })
  })
})

describe("mergeUsageSnapshots", () => {
  it("keeps the newest reading of each budget across processes", () => {
    const app = (callCount: number, updatedAt: number) => ({ callCount, totalCputime: 1, totalTime: 1, updatedAt })
    const merged = mergeUsageSnapshots([
      { app: app(10, 100), businessUseCase: { "1": { entries: [], updatedAt: 50 } }, adAccounts: {} },
      { app: app(30, 200), businessUseCase: { "1": { entries: [{ type: "ads_management" } as any], updatedAt: 40 }, "2": { entries: [], updatedAt: 10 } }, adAccounts: { act_1: { accIdUtilPct: 5, updatedAt: 9 } as any } },
      { app: null, businessUseCase: {}, adAccounts: { act_1: { accIdUtilPct: 70, updatedAt: 12 } as any } },
    ])
    expect(merged.app?.callCount).toBe(30)
    expect(merged.businessUseCase["1"].updatedAt).toBe(50)
    expect(Object.keys(merged.businessUseCase).sort()).toEqual(["1", "2"])
    expect(merged.adAccounts.act_1.accIdUtilPct).toBe(70)
    expect(mergeUsageSnapshots([])).toEqual({ app: null, businessUseCase: {}, adAccounts: {} })
  })
})
