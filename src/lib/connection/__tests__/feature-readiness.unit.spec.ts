import { featureReadiness, type ReadinessConnection } from "../feature-readiness"

const connected = (over: Partial<ReadinessConnection> = {}): ReadinessConnection => ({
  status: "active",
  selected: { page_id: "p1", instagram_account_id: "ig1", ad_account_id: "act_1", pixel_id: "px1", catalog_id: "c1" },
  features: {
    catalog: { enabled: true, missing_permissions: [] },
    capi: { enabled: true, missing_permissions: [] },
    publishing: { enabled: true, missing_permissions: [] },
    insights: { enabled: true, missing_permissions: [] },
    ads: { enabled: true, missing_permissions: [] },
    webhooks: { enabled: true, missing_permissions: [] },
  },
  ...over,
})

describe("featureReadiness", () => {
  it("asks to connect when there is no connection (never connected, or disconnected)", () => {
    for (const c of [null, undefined]) {
      const r = featureReadiness(c, "catalog")
      expect(r.state).toBe("not_connected")
      expect(r.action).toEqual({ label: "Connect to Meta", to: "/settings/meta" })
      expect(r.message).toContain("no product changes are sent")
    }
  })

  it.each(["revoked", "expired", "error"] as const)("asks to reconnect a %s connection, before any feature check", (status) => {
    const r = featureReadiness(connected({ status, features: {} }), "capi")
    expect(r.state).toBe("needs_reconnect")
    expect(r.action?.label).toBe("Reconnect")
    expect(r.message).toContain("no purchases are sent to Meta")
  })

  it("keeps an expiring connection working (the refresh job renews it)", () => {
    expect(featureReadiness(connected({ status: "expiring" }), "ads").state).toBe("ready")
  })

  it("says a switched-off feature is off and offers to turn it on", () => {
    const c = connected()
    c.features.publishing = { enabled: false, missing_permissions: ["pages_manage_posts"] }
    const r = featureReadiness(c, "publishing")
    expect(r.state).toBe("feature_off")
    expect(r.action?.label).toBe("Turn on Publishing")
  })

  it("treats a feature absent from the connection as off, not as ready", () => {
    expect(featureReadiness(connected({ features: {} }), "insights").state).toBe("feature_off")
  })

  it("names the missing permissions, singular and plural", () => {
    const c = connected()
    c.features.ads = { enabled: true, missing_permissions: ["ads_management"] }
    expect(featureReadiness(c, "ads").message).toContain("Meta did not grant ads_management, which Ads needs: reconnect and allow it;")
    c.features.ads = { enabled: true, missing_permissions: ["ads_management", "ads_read"] }
    expect(featureReadiness(c, "ads").message).toContain("allow them")
  })

  it("asks for the asset a feature cannot work without", () => {
    expect(featureReadiness(connected({ selected: { catalog_id: null } }), "catalog").state).toBe("missing_asset")
    expect(featureReadiness(connected({ selected: { pixel_id: "" } }), "capi").state).toBe("missing_asset")
    expect(featureReadiness(connected({ selected: { ad_account_id: null } }), "ads").title).toBe("Choose an ad account")
  })

  it("accepts either a Page or an Instagram account for publishing and insights", () => {
    expect(featureReadiness(connected({ selected: { instagram_account_id: "ig" } }), "publishing").state).toBe("ready")
    expect(featureReadiness(connected({ selected: { page_id: "p" } }), "insights").state).toBe("ready")
    expect(featureReadiness(connected({ selected: {} }), "insights").state).toBe("missing_asset")
  })

  it("judges only the connection when no feature is named", () => {
    expect(featureReadiness(connected({ features: {}, selected: {} })).state).toBe("ready")
    expect(featureReadiness(null).message).toContain("nothing is sent to or read from Meta")
    expect(featureReadiness(connected({ status: "revoked" })).state).toBe("needs_reconnect")
  })

  it("has a next step for every state but ready", () => {
    const c = connected()
    c.features.catalog = { enabled: false, missing_permissions: [] }
    for (const r of [featureReadiness(null), featureReadiness(connected({ status: "error" })), featureReadiness(c, "catalog")]) {
      expect(r.action).not.toBeNull()
    }
    expect(featureReadiness(connected(), "catalog").action).toBeNull()
  })
})
