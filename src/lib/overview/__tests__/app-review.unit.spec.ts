import { buildAppReviewKit, isPublicHttpsUrl, requestedPermissions, useCaseText } from "../app-review"

const input = {
  enabledFeatures: ["catalog", "capi", "publishing", "insights", "ads", "webhooks"] as any[],
  granted: ["business_management", "pages_show_list", "catalog_management", "ads_management"],
  declined: ["ads_read"],
  backendUrl: "https://shop.example.com/",
  privacyPolicyUrl: "https://shop.example.com/privacy",
  businessVerification: { status: "verified", business_id: "1", error: null },
}

describe("App Review kit", () => {
  it("lists each permission the enabled features request once, with who requests it", () => {
    const requested = requestedPermissions(["catalog", "ads"])
    expect([...requested.keys()]).toEqual(["business_management", "pages_show_list", "catalog_management", "ads_management", "ads_read"])
    expect(requested.get("business_management")).toEqual(["connection", "catalog"])
    expect(requestedPermissions([]).size).toBe(2)
  })

  it("lists the optional permissions the login dialog asks for (Instagram product tags) with their use", () => {
    const requested = requestedPermissions(["catalog", "publishing"])
    expect(requested.get("instagram_shopping_tag_products")).toEqual(["publishing"])
    expect(requested.get("catalog_management")).toEqual(["catalog", "publishing"])
    expect(useCaseText("instagram_shopping_tag_products", ["publishing"])).toMatch(/tags the store's products on the merchant's Instagram posts \(optional/)
    expect(useCaseText("catalog_management", ["catalog", "publishing"])).toMatch(/keeps the merchant's Meta catalog .*; looks up the Meta product id/)
    expect(requestedPermissions(["catalog"]).has("instagram_shopping_tag_products")).toBe(false)
  })

  it("a feature that is off requests nothing", () => {
    const kit = buildAppReviewKit({ ...input, enabledFeatures: ["catalog"] })
    expect(kit.permissions.map((p) => p.permission)).toEqual(["business_management", "pages_show_list", "catalog_management"])
    expect(kit.items.map((i) => i.key)).not.toContain("webhooks_url")
  })

  it("the use case says what the plugin does with the permission", () => {
    expect(useCaseText("catalog_management", ["catalog"], "Acme")).toMatch(/^This app connects Acme's Medusa store .* With catalog_management it keeps the merchant's Meta catalog equal to the store's products/)
    expect(useCaseText("ads_management", ["capi", "ads"])).toMatch(/Conversions API.*; shows the merchant's campaigns/)
    expect(useCaseText("made_up", ["ads"])).toMatch(/is needed by a Graph API call/)
  })

  it("each permission's state follows the connection: granted, declined, or to do", () => {
    const kit = buildAppReviewKit(input)
    const state = (p: string) => kit.permissions.find((x) => x.permission === p)?.state
    expect(state("catalog_management")).toBe("done")
    expect(state("ads_read")).toBe("blocked")
    expect(state("instagram_content_publish")).toBe("todo")
    const ads = kit.permissions.find((p) => p.permission === "ads_management")!
    expect(ads.meta_asks.join(" ")).toMatch(/verified business/)
    expect(ads.screens.map((s) => s.path)).toEqual(["/meta/events", "/meta/campaigns", "/meta/rules"])
  })

  it("the callback URLs come from the backend URL and need public https", () => {
    const kit = buildAppReviewKit(input)
    const item = (k: string) => kit.items.find((i) => i.key === k)!
    expect(item("data_deletion_url")).toMatchObject({ value: "https://shop.example.com/meta/data-deletion", state: "done" })
    expect(item("deauthorize_url").value).toBe("https://shop.example.com/meta/deauthorize")
    expect(item("oauth_redirect_uri").value).toBe("https://shop.example.com/meta/oauth/callback")
    expect(item("webhooks_url").value).toBe("https://shop.example.com/meta/webhooks")
    const local = buildAppReviewKit({ ...input, backendUrl: "http://localhost:9000", privacyPolicyUrl: null })
    expect(local.items.find((i) => i.key === "data_deletion_url")!.state).toBe("blocked")
    expect(local.items.find((i) => i.key === "privacy_policy_url")).toMatchObject({ state: "todo", value: null })
  })

  it("business verification: verified, not yet, refused, or unreadable", () => {
    const state = (status: string | null, error: string | null = null) =>
      buildAppReviewKit({ ...input, businessVerification: { status, business_id: "1", error } }).items.find((i) => i.key === "business_verification")!
    expect(state("verified").state).toBe("done")
    expect(state("not_verified").state).toBe("todo")
    expect(state("pending_need_more_info").state).toBe("todo")
    expect(state("rejected").state).toBe("blocked")
    expect(state(null, "no business selected")).toMatchObject({ state: "unknown", detail: expect.stringMatching(/no business selected/) })
  })

  it("public https only", () => {
    expect(isPublicHttpsUrl("https://shop.example.com/x")).toBe(true)
    for (const bad of ["http://shop.example.com", "https://localhost/x", "https://127.0.0.1", "https://192.168.1.4", "https://10.0.0.1", "https://172.20.0.1", "https://shop.local", "not a url", null]) {
      expect(isPublicHttpsUrl(bad)).toBe(false)
    }
    expect(isPublicHttpsUrl("https://172.15.0.1")).toBe(true)
  })
})
