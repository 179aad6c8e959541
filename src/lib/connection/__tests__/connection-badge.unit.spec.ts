import { connectionBadge } from "../connection-badge"

const on = (missing: string[] = []) => ({ enabled: true, missing_permissions: missing })
const off = (missing: string[] = []) => ({ enabled: false, missing_permissions: missing })

describe("connectionBadge", () => {
  it("is a green Active when every switched-on feature has its permissions", () => {
    expect(connectionBadge({ status: "active", features: { catalog: on(), capi: on() } })).toEqual({
      label: "Active",
      color: "green",
      hint: null,
    })
  })

  it("never says Active next to a missing permission of a feature that is on", () => {
    const badge = connectionBadge({ status: "active", features: { catalog: on(["catalog_management"]), capi: on() } })
    expect(badge.label).toBe("Permissions missing")
    expect(badge.color).toBe("orange")
    expect(badge.hint).toMatch(/catalog_management/)
    expect(badge.hint).toMatch(/allow it/)
  })

  it("ignores what a switched-off feature would need", () => {
    expect(connectionBadge({ status: "active", features: { ads: off(["ads_read"]), capi: on() } }).label).toBe("Active")
  })

  it("lists a permission two features miss once, and speaks of them in the plural", () => {
    const badge = connectionBadge({
      status: "active",
      features: { capi: on(["ads_management"]), ads: on(["ads_management", "ads_read"]) },
    })
    expect(badge.hint).toBe(
      "Meta did not grant ads_management, ads_read: reconnect and allow them, or turn off the features that need them."
    )
  })

  it.each(["expired", "revoked", "error"] as const)("a %s token is red whatever the permissions say", (status) => {
    const badge = connectionBadge({ status, features: { catalog: on(["catalog_management"]) } })
    expect(badge.color).toBe("red")
    expect(badge.label).not.toBe("Permissions missing")
  })

  it("missing permissions outrank an expiring token (both need a reconnect; the permission is the news)", () => {
    expect(connectionBadge({ status: "expiring", features: { insights: on(["read_insights"]) } }).label).toBe("Permissions missing")
    expect(connectionBadge({ status: "expiring", features: { insights: on() } })).toMatchObject({ label: "Expiring", color: "orange" })
  })

  it("is Active with no features at all", () => {
    expect(connectionBadge({ status: "active", features: {} }).label).toBe("Active")
  })
})
