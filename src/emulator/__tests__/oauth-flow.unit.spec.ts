import { startGraphEmulator, type GraphEmulator } from "../index"
import {
  ALL_SCOPES,
  APP_ID,
  APP_SECRET,
  authorize,
  dialogUrl,
  exchangeCode,
  graphGet,
  REDIRECT_URI,
  submitConsent,
} from "./emulator-test-client"

describe("Graph emulator: Facebook Login", () => {
  let emulator: GraphEmulator
  let clock = Date.parse("2026-09-01T12:00:00Z")

  beforeAll(async () => {
    emulator = await startGraphEmulator({ now: () => clock })
  })
  afterAll(() => emulator.close())
  beforeEach(() => {
    clock = Date.parse("2026-09-01T12:00:00Z")
    emulator.reset()
  })

  it("runs dialog → continue → code → short-lived → long-lived → debug_token", async () => {
    const page = await fetch(dialogUrl(emulator, { scope: `${ALL_SCOPES},not_a_permission` }))
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain("Sandbox Store App")
    expect(html).toContain("Alex Merchant")
    expect(html).toContain('data-testid="emulator-consent-continue"')
    expect(html).toContain('data-testid="emulator-consent-cancel"')
    expect(html).toContain("catalog_management")
    expect(html).toContain("Invalid Scopes: not_a_permission")

    const location = await submitConsent(emulator, html, "continue")
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI)
    expect(location.searchParams.get("state")).toBe("state-123")
    const code = location.searchParams.get("code") ?? ""

    const short = await exchangeCode(emulator, code)
    expect(short.status).toBe(200)
    expect(short.body).toEqual({ access_token: expect.any(String), token_type: "bearer", expires_in: 7200 })

    const long = await graphGet(emulator, "oauth/access_token", undefined, {
      grant_type: "fb_exchange_token",
      client_id: APP_ID,
      client_secret: APP_SECRET,
      fb_exchange_token: short.body.access_token,
    })
    expect(long.status).toBe(200)
    expect(long.body.expires_in).toBe(5184000)

    const debug = await graphGet(emulator, "debug_token", `${APP_ID}|${APP_SECRET}`, { input_token: long.body.access_token })
    expect(debug.status).toBe(200)
    const now = Math.floor(clock / 1000)
    expect(debug.body.data).toMatchObject({
      app_id: APP_ID,
      type: "USER",
      application: "Sandbox Store App",
      is_valid: true,
      issued_at: now,
      expires_at: now + 5184000,
      data_access_expires_at: now + 90 * 86400,
      user_id: "10001",
    })
    expect([...debug.body.data.scopes].sort()).toEqual([...ALL_SCOPES.split(","), "public_profile"].sort())
    expect(debug.body.data.granular_scopes).toEqual(
      expect.arrayContaining([
        { scope: "business_management", target_ids: ["20001"] },
        { scope: "pages_show_list", target_ids: ["30001", "30002"] },
        { scope: "instagram_basic", target_ids: ["40001"] },
        { scope: "ads_management", target_ids: ["50001", "50002"] },
        { scope: "public_profile" },
      ])
    )
  })

  it("grants exactly the known permissions that were requested", async () => {
    const code = await authorize(emulator, { scope: "pages_show_list" })
    const token = (await exchangeCode(emulator, code)).body.access_token
    expect(emulator.tokenInfo(token)?.scopes).toEqual(["public_profile", "pages_show_list"])
    const permissions = await graphGet(emulator, "me/permissions", token)
    expect(permissions.body.data).toEqual([
      { permission: "public_profile", status: "granted" },
      { permission: "pages_show_list", status: "granted" },
    ])
  })

  it("redirects Cancel with access_denied / user_denied and the state", async () => {
    const html = await (await fetch(dialogUrl(emulator))).text()
    const location = await submitConsent(emulator, html, "cancel")
    expect(location.searchParams.get("error")).toBe("access_denied")
    expect(location.searchParams.get("error_reason")).toBe("user_denied")
    expect(location.searchParams.get("error_description")).toBe("Permissions error")
    expect(location.searchParams.get("state")).toBe("state-123")
    expect(location.searchParams.get("code")).toBeNull()
    expect(location.toString()).toContain("error_description=Permissions+error")
  })

  it.each<[string, Record<string, string | undefined>]>([
    ["Invalid App ID", { client_id: "999" }],
    ["Missing app ID", { client_id: undefined }],
    ["URL blocked", { redirect_uri: "ftp://example.com/cb" }],
    ["URL blocked", { redirect_uri: undefined }],
    ["Missing state", { state: undefined }],
    ["Unsupported response_type", { response_type: "token" }],
    ["Unsupported response_type", { response_type: undefined }],
  ])("answers a bad dialog request with an HTML error page: %s %j", async (title, params) => {
    const response = await fetch(dialogUrl(emulator, params))
    expect(response.status).toBe(400)
    expect(response.headers.get("content-type")).toContain("text/html")
    const html = await response.text()
    expect(html).toContain(title)
    expect(html).not.toContain("emulator-consent-continue")
  })

  it("requires an exact redirect_uri match when the app lists redirect URIs", async () => {
    const strict = await startGraphEmulator({
      apps: [{ appId: "42", appSecret: "s", name: "Strict", redirectUris: ["https://shop.example/meta/oauth/callback"] }],
    })
    try {
      const ok = await fetch(dialogUrl(strict, { client_id: "42", redirect_uri: "https://shop.example/meta/oauth/callback" }))
      expect(ok.status).toBe(200)
      const bad = await fetch(dialogUrl(strict, { client_id: "42", redirect_uri: "https://shop.example/meta/oauth/callback/" }))
      expect(bad.status).toBe(400)
      expect(await bad.text()).toContain("not whitelisted")
    } finally {
      await strict.close()
    }
  })

  it("accepts a code once (36009), for 10 minutes (36007), with the same redirect_uri (36008)", async () => {
    const code = await authorize(emulator)
    const mismatch = await exchangeCode(emulator, code, { redirect_uri: "http://localhost:9000/other" })
    expect(mismatch.status).toBe(400)
    expect(mismatch.body.error).toMatchObject({ code: 100, error_subcode: 36008, type: "OAuthException" })
    expect(mismatch.body.error.message).toContain("redirect_uri is identical")

    expect((await exchangeCode(emulator, code)).status).toBe(200)
    const reused = await exchangeCode(emulator, code)
    expect(reused.body.error).toMatchObject({ code: 100, error_subcode: 36009, message: "This authorization code has been used." })

    const late = await authorize(emulator)
    clock += 10 * 60 * 1000 + 1
    const expired = await exchangeCode(emulator, late)
    expect(expired.body.error).toMatchObject({ code: 100, error_subcode: 36007, message: "This authorization code has expired." })

    const unknown = await exchangeCode(emulator, "AQnot-a-code")
    expect(unknown.body.error).toMatchObject({ code: 100, error_subcode: 36007 })
  })

  it("rejects a wrong client_secret with code 1 and an unknown client_id with 101", async () => {
    const code = await authorize(emulator)
    const wrong = await exchangeCode(emulator, code, { client_secret: "nope" })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error).toMatchObject({ code: 1, message: "Error validating client secret.", type: "OAuthException" })
    expect(typeof wrong.body.error.fbtrace_id).toBe("string")
    const unknownApp = await exchangeCode(emulator, code, { client_id: "999" })
    expect(unknownApp.body.error.code).toBe(101)
    // The code survives failed attempts.
    expect((await exchangeCode(emulator, code)).status).toBe(200)
  })

  it("refuses to exchange an expired or revoked token for a long-lived one", async () => {
    const token = (await exchangeCode(emulator, await authorize(emulator))).body.access_token
    clock += 2 * 3600 * 1000 + 1000
    const expired = await graphGet(emulator, "oauth/access_token", undefined, {
      grant_type: "fb_exchange_token",
      client_id: APP_ID,
      client_secret: APP_SECRET,
      fb_exchange_token: token,
    })
    expect(expired.body.error).toMatchObject({ code: 190, error_subcode: 463 })

    const other = (await exchangeCode(emulator, await authorize(emulator))).body.access_token
    emulator.revokeToken(other)
    const revoked = await graphGet(emulator, "oauth/access_token", undefined, {
      grant_type: "fb_exchange_token",
      client_id: APP_ID,
      client_secret: APP_SECRET,
      fb_exchange_token: other,
    })
    expect(revoked.body.error).toMatchObject({ code: 190, error_subcode: 460 })
  })

  it("debug_token reports invalid input tokens with is_valid false and the 190 error", async () => {
    const appToken = `${APP_ID}|${APP_SECRET}`
    const garbage = await graphGet(emulator, "debug_token", appToken, { input_token: "EAAgarbage" })
    expect(garbage.status).toBe(200)
    expect(garbage.body.data).toEqual({ error: { code: 190, message: "Invalid OAuth access token." }, is_valid: false, scopes: [] })

    const token = (await exchangeCode(emulator, await authorize(emulator))).body.access_token
    emulator.expireToken(token)
    const expired = await graphGet(emulator, "debug_token", appToken, { input_token: token })
    expect(expired.body.data).toMatchObject({ is_valid: false, type: "USER", error: { code: 190, subcode: 463 } })

    const badAppToken = await graphGet(emulator, "debug_token", `${APP_ID}|wrong`, { input_token: token })
    expect(badAppToken.body.error.code).toBe(190)
  })

  it("debug_token describes page and system-user tokens", async () => {
    const system = emulator.createSystemUserToken()
    const debugSystem = await graphGet(emulator, "debug_token", `${APP_ID}|${APP_SECRET}`, { input_token: system })
    expect(debugSystem.body.data).toMatchObject({ type: "SYSTEM_USER", is_valid: true, expires_at: 0, user_id: "10002" })

    const accounts = await graphGet(emulator, "me/accounts", system, { fields: "id,access_token" })
    const pageToken = accounts.body.data.find((p: { id: string }) => p.id === "30001").access_token
    const debugPage = await graphGet(emulator, "debug_token", system, { input_token: pageToken })
    expect(debugPage.body.data).toMatchObject({ type: "PAGE", is_valid: true, expires_at: 0, profile_id: "30001" })
  })

  it("hands out the app token for client_credentials", async () => {
    const answer = await graphGet(emulator, "oauth/access_token", undefined, {
      grant_type: "client_credentials",
      client_id: APP_ID,
      client_secret: APP_SECRET,
    })
    expect(answer.body).toEqual({ access_token: `${APP_ID}|${APP_SECRET}`, token_type: "bearer" })
  })
})
