import {
  BASE_PERMISSIONS,
  dialogScopesFor,
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

describe("dialogScopesFor (the Login dialog's scopes from the store's switches)", () => {
  const flags = (on: string[]) =>
    Object.fromEntries(["catalog", "capi", "publishing", "insights", "ads", "webhooks"].map((f) => [f, { enabled: on.includes(f) }]))

  it("asks only for the base permissions when every feature is off", () => {
    expect(dialogScopesFor(flags([]))).toEqual(["business_management", "pages_show_list"])
  })

  it("asks for a feature's permissions only while it is on", () => {
    const scopes = dialogScopesFor(flags(["capi"]))
    expect(scopes).toEqual(["business_management", "pages_show_list", "ads_management"])
    expect(scopes).not.toContain("ads_read")
    expect(scopes).not.toContain("catalog_management")
  })

  it("drops webhooks' lead and comment permissions when webhooks are off", () => {
    const scopes = dialogScopesFor(flags(["catalog", "capi", "publishing", "insights", "ads"]))
    expect(scopes).not.toContain("leads_retrieval")
    expect(scopes).not.toContain("instagram_manage_comments")
    expect(scopes).not.toContain("pages_manage_metadata")
    expect(scopes).toContain("pages_read_engagement")
  })

  it("keeps publishing's optional tagging scopes with publishing, even with catalog sync off", () => {
    const scopes = dialogScopesFor(flags(["publishing"]))
    expect(scopes).toEqual(expect.arrayContaining(["instagram_content_publish", "instagram_shopping_tag_products", "catalog_management"]))
    expect(scopes.indexOf("instagram_shopping_tag_products")).toBeGreaterThan(scopes.indexOf("instagram_content_publish"))
  })

  it("ignores unknown feature names, missing flags and anything but enabled: true", () => {
    expect(
      dialogScopesFor({ shops: { enabled: true }, ads: { enabled: false }, capi: undefined, insights: { enabled: "yes" as never } })
    ).toEqual(["business_management", "pages_show_list"])
  })

  it("asks for each permission once whatever the switches, in the same order as scopesFor", () => {
    const all = dialogScopesFor(flags(["webhooks", "ads", "insights", "publishing", "capi", "catalog"]))
    expect(new Set(all).size).toBe(all.length)
    expect(all.slice(0, scopesFor([...META_FEATURES]).length)).toEqual(scopesFor([...META_FEATURES]))
  })
})
