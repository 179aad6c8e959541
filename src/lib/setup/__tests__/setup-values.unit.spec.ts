import { buildSetupSheet, formatUtc } from "../setup-values"

const PUBLIC = { backendUrl: "https://shop.example.com", webhookVerifyToken: "verify-me-123", storefrontUrl: "https://www.example.com" }

const byKey = (sheet: ReturnType<typeof buildSetupSheet>) => Object.fromEntries(sheet.values.map((v) => [v.key, v]))

describe("buildSetupSheet", () => {
  it("builds every URL from the backend URL, in the order Meta's dashboards ask for them", () => {
    const sheet = buildSetupSheet(PUBLIC)
    expect(sheet.values.map((v) => [v.key, v.value])).toEqual([
      ["oauth_redirect_uri", "https://shop.example.com/meta/oauth/callback"],
      ["webhook_callback_url", "https://shop.example.com/meta/webhooks"],
      ["webhook_verify_token", "verify-me-123"],
      ["deauthorize_url", "https://shop.example.com/meta/deauthorize"],
      ["data_deletion_url", "https://shop.example.com/meta/data-deletion"],
      ["checkout_url", "https://shop.example.com/meta/checkout"],
    ])
    expect(sheet.backend_url_warning).toBeNull()
  })

  it("drops trailing slashes so no URL has a double slash", () => {
    const sheet = buildSetupSheet({ ...PUBLIC, backendUrl: "https://shop.example.com/medusa//" })
    expect(sheet.backend_url).toBe("https://shop.example.com/medusa")
    expect(byKey(sheet).oauth_redirect_uri.value).toBe("https://shop.example.com/medusa/meta/oauth/callback")
  })

  it("is all ok for a public https store that Meta verified", () => {
    const sheet = buildSetupSheet({ ...PUBLIC, webhookVerifiedAt: new Date("2026-12-04T18:51:30Z") })
    expect(sheet.values.every((v) => v.check.status === "ok")).toBe(true)
    expect(byKey(sheet).webhook_callback_url.check.message).toBe("Meta verified this URL on 4 Dec 2026, 18:51 UTC.")
    expect(sheet.webhook_verified_at).toBe("2026-12-04T18:51:30.000Z")
  })

  it("asks to verify the webhooks URL while Meta has not", () => {
    const check = byKey(buildSetupSheet(PUBLIC)).webhook_callback_url.check
    expect(check.status).toBe("warning")
    expect(check.message).toMatch(/^Not verified yet: .*"Verify and save"/)
  })

  it("shows no verify token when none is configured, and says which option to set", () => {
    for (const token of [undefined, null, ""]) {
      const value = byKey(buildSetupSheet({ ...PUBLIC, webhookVerifyToken: token })).webhook_verify_token
      expect(value.value).toBeNull()
      expect(value.check.status).toBe("failed")
      expect(value.check.message).toMatch(/webhookVerifyToken \(or META_WEBHOOK_VERIFY_TOKEN\)/)
    }
  })

  it("fails the checkout URL without a storefront to send shoppers to", () => {
    const check = byKey(buildSetupSheet({ ...PUBLIC, storefrontUrl: null })).checkout_url.check
    expect(check.status).toBe("failed")
    expect(check.message).toMatch(/storefrontUrl/)
  })

  it("on localhost: callbacks fail, the redirect URI only warns (the admin's own browser follows it)", () => {
    const sheet = buildSetupSheet({ ...PUBLIC, backendUrl: "http://localhost:9000" })
    const checks = Object.fromEntries(sheet.values.map((v) => [v.key, v.check.status]))
    expect(checks).toEqual({
      oauth_redirect_uri: "warning",
      webhook_callback_url: "failed",
      webhook_verify_token: "ok",
      deauthorize_url: "failed",
      data_deletion_url: "failed",
      checkout_url: "failed",
    })
    expect(sheet.backend_url_warning).toMatch(/localhost:9000/)
  })

  it("on a private https address the redirect URI warns that it works only from this network", () => {
    const check = byKey(buildSetupSheet({ ...PUBLIC, backendUrl: "https://192.168.1.20" })).oauth_redirect_uri.check
    expect(check).toEqual({ status: "warning", message: expect.stringMatching(/only from this network/) })
  })

  it("on plain http with a public host the redirect URI asks for https", () => {
    const check = byKey(buildSetupSheet({ ...PUBLIC, backendUrl: "http://shop.example.com" })).oauth_redirect_uri.check
    expect(check).toEqual({ status: "warning", message: expect.stringMatching(/use the store's https address/) })
  })

  it("trusts a recorded verification over how the address looks from here (a tunnel to localhost)", () => {
    const check = byKey(buildSetupSheet({ ...PUBLIC, backendUrl: "http://localhost:9000", webhookVerifiedAt: new Date(0) })).webhook_callback_url.check
    expect(check.status).toBe("ok")
  })

  it("never carries anything but the verify token as a secret-like value", () => {
    const text = JSON.stringify(buildSetupSheet(PUBLIC))
    expect(text).not.toMatch(/secret|encryption|access_token/i)
  })
})

describe("formatUtc", () => {
  it.each([
    ["2026-01-01T00:00:00Z", "1 Jan 2026, 00:00 UTC"],
    ["2026-12-31T23:59:59Z", "31 Dec 2026, 23:59 UTC"],
    ["2026-06-15T09:05:00+02:00", "15 Jun 2026, 07:05 UTC"],
  ])("%s → %s", (iso, text) => {
    expect(formatUtc(new Date(iso))).toBe(text)
  })
})
