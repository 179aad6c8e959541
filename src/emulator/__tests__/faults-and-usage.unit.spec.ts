import { startGraphEmulator, type GraphEmulator } from "../index"
import { graphGet } from "./emulator-test-client"

describe("Graph emulator: faults, usage headers and control API", () => {
  let emulator: GraphEmulator
  let token: string

  beforeAll(async () => {
    emulator = await startGraphEmulator()
  })
  afterAll(() => emulator.close())
  beforeEach(() => {
    emulator.reset()
    token = emulator.createSystemUserToken()
  })

  it("puts X-App-Usage on every response, growing with calls, and BUC usage on business objects", async () => {
    const first = await graphGet(emulator, "me", token)
    const firstUsage = JSON.parse(first.headers.get("x-app-usage") ?? "{}")
    expect(Object.keys(firstUsage).sort()).toEqual(["call_count", "total_cputime", "total_time"])
    for (let i = 0; i < 10; i++) await graphGet(emulator, "me", token)
    const later = JSON.parse((await graphGet(emulator, "me", token)).headers.get("x-app-usage") ?? "{}")
    expect(later.call_count).toBeGreaterThan(firstUsage.call_count)
    expect(first.headers.get("x-business-use-case-usage")).toBeNull()

    const page = await graphGet(emulator, "30001", token)
    const buc = JSON.parse(page.headers.get("x-business-use-case-usage") ?? "{}")
    expect(buc["30001"]).toEqual([
      expect.objectContaining({ type: "pages", call_count: expect.any(Number), estimated_time_to_regain_access: 0 }),
    ])
    const business = await graphGet(emulator, "20001/owned_ad_accounts", token)
    expect(Object.keys(JSON.parse(business.headers.get("x-business-use-case-usage") ?? "{}"))).toEqual(["20001"])
    const errorAnswer = await graphGet(emulator, "me", "EAAbad")
    expect(errorAnswer.headers.get("x-app-usage")).not.toBeNull()
  })

  it("answers 5xx faults with code 2, is_transient, then recovers", async () => {
    emulator.injectFault({ kind: "5xx", path: "/me", times: 2, status: 503 })
    for (let i = 0; i < 2; i++) {
      const answer = await graphGet(emulator, "me", token)
      expect(answer.status).toBe(503)
      expect(answer.body.error).toMatchObject({ code: 2, is_transient: true })
    }
    expect((await graphGet(emulator, "me", token)).status).toBe(200)
  })

  it("throttles per app (code 4) and per business object (8000x) with minutes to regain access", async () => {
    emulator.injectFault({ kind: "throttle" })
    const app = await graphGet(emulator, "me", token)
    expect(app.body.error).toMatchObject({ code: 4, is_transient: true })
    expect(JSON.parse(app.headers.get("x-app-usage") ?? "{}").call_count).toBeGreaterThanOrEqual(100)

    emulator.injectFault({ kind: "throttle", method: "GET", path: "owned_ad_accounts", throttle: { type: "ads_management", minutes: 7 } })
    const buc = await graphGet(emulator, "20001/owned_ad_accounts", token)
    expect(buc.body.error.code).toBe(80004)
    const header = JSON.parse(buc.headers.get("x-business-use-case-usage") ?? "{}")
    expect(header["20001"][0]).toMatchObject({ type: "ads_management", estimated_time_to_regain_access: 7 })

    emulator.injectFault({ kind: "throttle", throttle: { type: "pages", objectId: "30001" } })
    const pages = await graphGet(emulator, "me/accounts", token)
    expect(pages.body.error.code).toBe(80001)
    expect(JSON.parse(pages.headers.get("x-business-use-case-usage") ?? "{}")["30001"][0].type).toBe("pages")
  })

  it("injects invalid-token and custom errors, matching method and /regex/ paths", async () => {
    emulator.injectFault({ kind: "invalid_token", path: "/me$/" })
    expect((await graphGet(emulator, "me/accounts", token)).status).toBe(200)
    expect((await graphGet(emulator, "me", token)).body.error).toMatchObject({ code: 190, error_subcode: 467 })

    emulator.injectFault({ kind: "error", method: "POST", error: { code: 368, message: "Temporarily blocked" } })
    expect((await graphGet(emulator, "me", token)).status).toBe(200)
    const post = await fetch(`${emulator.url}/v25.0/20001/adspixels`, { method: "POST", body: "name=x" })
    expect(((await post.json()) as { error: { code: number; message: string } }).error).toMatchObject({
      code: 368,
      message: "Temporarily blocked",
    })

    emulator.injectFault({ kind: "5xx", times: Infinity })
    await graphGet(emulator, "me", token)
    expect((await graphGet(emulator, "me", token)).status).toBe(500)
    emulator.clearFaults()
    expect((await graphGet(emulator, "me", token)).status).toBe(200)
  })

  it("holds timeout faults until delayMs, or never answers", async () => {
    emulator.injectFault({ kind: "timeout", delayMs: 150 })
    const started = Date.now()
    expect((await graphGet(emulator, "me", token)).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)

    emulator.injectFault({ kind: "timeout" })
    await expect(
      fetch(`${emulator.url}/v25.0/me?access_token=${token}`, { signal: AbortSignal.timeout(200) })
    ).rejects.toThrow()
    expect(emulator.requests({ path: "/v25.0/me" }).pop()?.status).toBeUndefined()
  })

  it("serves the /_emulator control API", async () => {
    const control = (path: string, init?: RequestInit) =>
      fetch(`${emulator.url}/_emulator/${path}`, {
        ...init,
        headers: { "content-type": "application/json" },
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }))

    const minted = await control("system-user-tokens", { method: "POST", body: JSON.stringify({ scopes: ["ads_read"] }) })
    expect(minted.body).toMatchObject({ access_token: expect.stringMatching(/^EAA/), token_type: "bearer", business_id: "20001" })
    expect((await graphGet(emulator, "me", minted.body.access_token)).status).toBe(200)

    await control("tokens/expire", { method: "POST", body: JSON.stringify({ token: minted.body.access_token }) })
    expect((await graphGet(emulator, "me", minted.body.access_token)).body.error.error_subcode).toBe(463)
    await control("tokens/revoke", { method: "POST", body: JSON.stringify({ token }) })
    expect((await graphGet(emulator, "me", token)).body.error.error_subcode).toBe(460)
    expect((await control("tokens/revoke", { method: "POST", body: JSON.stringify({ token: "nope" }) })).status).toBe(404)

    const faults = await control("faults", { method: "POST", body: JSON.stringify({ kind: "5xx", times: -1 }) })
    expect(faults.body.faults).toHaveLength(1)
    expect((await control("faults", { method: "POST", body: JSON.stringify({ kind: "meteor" }) })).status).toBe(400)
    expect((await graphGet(emulator, "me", token)).status).toBe(500)
    await control("faults", { method: "DELETE" })

    const requests = await control("requests?path=/me")
    expect(requests.body.requests.length).toBeGreaterThan(0)
    expect(JSON.stringify(requests.body)).not.toContain(token)

    const state = await control("state")
    expect(Object.keys(state.body.pages)).toEqual(["30001", "30002"])
    await control("reset", { method: "POST" })
    expect(emulator.requests()).toEqual([])
    expect((await control("nope")).status).toBe(404)
  })
})
