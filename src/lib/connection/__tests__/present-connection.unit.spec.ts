import { effectiveFeatures } from "../features"
import { presentConnection } from "../present-connection"

const sealed = "v1.0123abcd.iv.tag.ciphertext"

const connection = {
  id: "metacon_1",
  status: "active" as const,
  method: "oauth" as const,
  meta_user_id: "10001",
  meta_user_name: "Alex",
  token_type: "USER",
  access_token: sealed,
  token_expires_at: new Date("2027-01-01T00:00:00Z"),
  granted_scopes: ["business_management", "catalog_management", "pages_show_list"],
  declined_scopes: ["ads_management"],
  business_id: "20001",
  catalog_id: "70001",
  auto_setup_state: { catalog_created: true, pixel_created: false, error: null },
  created_at: "2026-11-22T00:00:00Z",
}

const assets = [
  { id: "a2", type: "page" as const, meta_id: "30001", name: "Shop", access_token: sealed, metadata: { tasks: [] } },
  { id: "a1", type: "business" as const, meta_id: "20001", name: "Biz", access_token: null },
]

describe("presentConnection", () => {
  const view = presentConnection(connection, assets, effectiveFeatures({ ads: false }, { ads: true }), true, Date.parse("2026-11-22T00:00:00Z"))

  it("never carries a token, sealed or not", () => {
    expect(JSON.stringify(view)).not.toContain(sealed)
    expect(JSON.stringify(view)).not.toContain("access_token")
  })

  it("orders assets by type and shows the selection", () => {
    expect(view.assets.map((a) => a.type)).toEqual(["business", "page"])
    expect(view.selected).toEqual({
      business_id: "20001",
      page_id: null,
      instagram_account_id: null,
      ad_account_id: null,
      pixel_id: null,
      catalog_id: "70001",
    })
  })

  it("lists the permissions each feature still lacks", () => {
    expect(view.features.catalog.missing_permissions).toEqual([])
    expect(view.features.ads.missing_permissions).toEqual(expect.arrayContaining(["ads_management"]))
    expect(view.features.ads).toEqual(expect.objectContaining({ enabled: true, source: "admin" }))
  })

  it("reports dates as ISO strings and auto-setup state", () => {
    expect(view.token_expires_at).toBe("2027-01-01T00:00:00.000Z")
    expect(view.created_at).toBe("2026-11-22T00:00:00.000Z")
    expect(view.last_error_at).toBeNull()
    expect(view.auto_setup).toEqual({ enabled: true, catalog_created: true, pixel_created: false, error: null })
  })
})

describe("effectiveFeatures", () => {
  it("takes booleans from the admin and ignores junk", () => {
    const flags = effectiveFeatures({ capi: false }, { capi: "yes", ads: false, bogus: true })
    expect(flags.capi).toEqual({ enabled: false, source: "options" })
    expect(flags.ads).toEqual({ enabled: false, source: "admin" })
    expect(flags.catalog).toEqual({ enabled: true, source: "options" })
    expect(Object.keys(flags)).not.toContain("bogus")
  })

  it("treats a missing or non-object override as none", () => {
    expect(effectiveFeatures({}, null).webhooks.enabled).toBe(true)
    expect(effectiveFeatures({}, "[]").webhooks.source).toBe("options")
  })
})
