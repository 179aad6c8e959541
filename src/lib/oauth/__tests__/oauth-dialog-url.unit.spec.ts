import { buildOAuthDialogUrl } from ".."

const base = {
  oauthDialogUrl: "https://www.facebook.com",
  apiVersion: "v25.0",
  appId: "1234567890",
  redirectUri: "https://shop.example.com/meta/oauth/callback",
  state: "payload.sig-_",
  scopes: ["business_management", "pages_show_list", "catalog_management"],
}

describe("buildOAuthDialogUrl", () => {
  it("builds Meta's dialog URL with a code response and comma-separated scopes", () => {
    expect(buildOAuthDialogUrl(base)).toBe(
      "https://www.facebook.com/v25.0/dialog/oauth?client_id=1234567890" +
        "&redirect_uri=https%3A%2F%2Fshop.example.com%2Fmeta%2Foauth%2Fcallback" +
        "&state=payload.sig-_&response_type=code&scope=business_management,pages_show_list,catalog_management"
    )
  })

  it("parses back to the exact inputs", () => {
    const redirectUri = "http://localhost:9000/meta/oauth/callback?a=1&b=two words#frag"
    const url = new URL(buildOAuthDialogUrl({ ...base, redirectUri, state: "x+y/z=" }))
    expect(url.pathname).toBe("/v25.0/dialog/oauth")
    expect(url.searchParams.get("redirect_uri")).toBe(redirectUri)
    expect(url.searchParams.get("state")).toBe("x+y/z=")
    expect(url.searchParams.get("response_type")).toBe("code")
    expect(url.searchParams.get("scope")?.split(",")).toEqual(base.scopes)
  })

  it("works with an emulator URL with a trailing slash", () => {
    expect(buildOAuthDialogUrl({ ...base, oauthDialogUrl: "http://127.0.0.1:9797/" })).toMatch(
      /^http:\/\/127\.0\.0\.1:9797\/v25\.0\/dialog\/oauth\?/
    )
  })

  it("deduplicates and trims scopes, dropping empty ones", () => {
    const url = new URL(buildOAuthDialogUrl({ ...base, scopes: [" ads_read", "ads_read", "", "ads_management "] }))
    expect(url.searchParams.get("scope")).toBe("ads_read,ads_management")
  })

  it("rejects a malformed version, missing app id or state, and a non-http redirect URI", () => {
    expect(() => buildOAuthDialogUrl({ ...base, apiVersion: "25" })).toThrow(/apiVersion/)
    expect(() => buildOAuthDialogUrl({ ...base, appId: "" })).toThrow(/appId/)
    expect(() => buildOAuthDialogUrl({ ...base, state: "" })).toThrow(/state/)
    expect(() => buildOAuthDialogUrl({ ...base, redirectUri: "javascript:alert(1)" })).toThrow(/redirectUri/)
    expect(() => buildOAuthDialogUrl({ ...base, redirectUri: "/relative" })).toThrow()
  })
})
