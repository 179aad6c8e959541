import { EXPIRING_WINDOW_MS, connectionStatus, dateFromUnixSeconds } from "../status"

const now = Date.UTC(2026, 10, 22)
const day = 86_400_000

describe("connectionStatus", () => {
  it.each([
    ["active", null, "active"],
    ["active", new Date(now + 30 * day), "active"],
    ["active", new Date(now + EXPIRING_WINDOW_MS), "expiring"],
    ["active", new Date(now + 6 * day), "expiring"],
    ["expiring", new Date(now + 30 * day), "active"],
    ["active", new Date(now - 1), "expired"],
    ["active", new Date(now + 30 * day).toISOString(), "active"],
    ["revoked", new Date(now + 30 * day), "revoked"],
    ["error", null, "error"],
    ["expired", new Date(now + 30 * day), "expired"],
    ["active", "not a date", "active"],
  ] as const)("stored %s, expiring %s → %s", (stored, expiresAt, expected) => {
    expect(connectionStatus(stored, expiresAt as any, now)).toBe(expected)
  })
})

describe("dateFromUnixSeconds", () => {
  it("reads Meta's unix seconds, where 0 means never", () => {
    expect(dateFromUnixSeconds(1_800_000_000)?.toISOString()).toBe("2027-01-15T08:00:00.000Z")
    expect(dateFromUnixSeconds(0)).toBeNull()
    expect(dateFromUnixSeconds(undefined)).toBeNull()
    expect(dateFromUnixSeconds(-5)).toBeNull()
  })
})
