import {
  BASE_PERMISSIONS,
  FEATURE_PERMISSIONS,
  isMetaFeature,
  META_FEATURES,
  missingPermissionsByFeature,
  OPTIONAL_FEATURE_PERMISSIONS,
  requestedScopesFor,
  scopesFor,
} from ".."

describe("permissions", () => {
  it("lists the base permissions for asset discovery", () => {
    expect(BASE_PERMISSIONS).toEqual(["business_management", "pages_show_list"])
  })

  it("maps each feature to the permissions Meta requires", () => {
    expect(FEATURE_PERMISSIONS).toEqual({
      catalog: ["catalog_management", "business_management"],
      capi: ["business_management", "ads_management"],
      publishing: ["pages_show_list", "pages_read_engagement", "pages_manage_posts", "instagram_basic", "instagram_content_publish"],
      insights: ["read_insights", "instagram_manage_insights", "pages_read_engagement"],
      ads: ["ads_management", "ads_read"],
      webhooks: ["pages_manage_metadata", "leads_retrieval", "instagram_manage_comments", "pages_read_engagement"],
    })
    expect(Object.keys(FEATURE_PERMISSIONS).sort()).toEqual([...META_FEATURES].sort())
  })

  describe("scopesFor", () => {
    it("is just the base permissions without features", () => {
      expect(scopesFor([])).toEqual(["business_management", "pages_show_list"])
    })

    it("adds feature permissions once each, in a stable order whatever the input order", () => {
      const expected = [
        "business_management",
        "pages_show_list",
        "catalog_management",
        "ads_management",
        "read_insights",
        "instagram_manage_insights",
        "pages_read_engagement",
      ]
      expect(scopesFor(["catalog", "capi", "insights"])).toEqual(expected)
      expect(scopesFor(["insights", "capi", "catalog", "capi"])).toEqual(expected)
    })

    it("covers everything for all features without duplicates", () => {
      const all = scopesFor([...META_FEATURES])
      expect(new Set(all).size).toBe(all.length)
      for (const feature of META_FEATURES) for (const p of FEATURE_PERMISSIONS[feature]) expect(all).toContain(p)
    })
  })

  describe("requestedScopesFor", () => {
    it("asks for publishing's optional product-tagging scopes after the required ones, once each", () => {
      expect(OPTIONAL_FEATURE_PERMISSIONS.publishing).toEqual(["instagram_shopping_tag_products", "catalog_management"])
      const scopes = requestedScopesFor(["catalog", "publishing"])
      expect(scopes.slice(0, scopesFor(["catalog", "publishing"]).length)).toEqual(scopesFor(["catalog", "publishing"]))
      expect(scopes.filter((s) => s === "catalog_management")).toHaveLength(1)
      expect(scopes).toContain("instagram_shopping_tag_products")
      expect(requestedScopesFor(["capi"])).toEqual(scopesFor(["capi"]))
    })

    it("never makes the optional scopes required", () => {
      const granted = ["business_management", ...FEATURE_PERMISSIONS.publishing]
      expect(missingPermissionsByFeature(granted, ["publishing"]).publishing).toEqual([])
    })
  })

  describe("missingPermissionsByFeature", () => {
    it("reports what each requested feature lacks and [] for the rest", () => {
      const result = missingPermissionsByFeature(
        ["business_management", "pages_show_list", "catalog_management", "pages_read_engagement", "instagram_basic"],
        ["catalog", "publishing", "ads"]
      )
      expect(result).toEqual({
        catalog: [],
        capi: [],
        publishing: ["pages_manage_posts", "instagram_content_publish"],
        insights: [],
        ads: ["ads_management", "ads_read"],
        webhooks: [],
      })
    })

    it("tolerates case and whitespace in granted names", () => {
      expect(missingPermissionsByFeature([" ADS_MANAGEMENT", "ads_read "], ["ads"]).ads).toEqual([])
    })

    it("reports everything missing when nothing was granted", () => {
      expect(missingPermissionsByFeature([], ["webhooks"]).webhooks).toEqual(FEATURE_PERMISSIONS.webhooks)
    })
  })

  it("recognises feature names", () => {
    expect(isMetaFeature("capi")).toBe(true)
    expect(isMetaFeature("pixel")).toBe(false)
  })
})
