import { startGraphEmulator, type GraphEmulator } from "../index"
import { APP_ID, APP_SECRET, graphGet, graphSend, proofFor, userToken } from "./emulator-test-client"

describe("Graph emulator: tokens, permissions and assets", () => {
  let emulator: GraphEmulator

  beforeAll(async () => {
    emulator = await startGraphEmulator()
  })
  afterAll(() => emulator.close())
  beforeEach(() => emulator.reset())

  it("answers /me for the person who logged in", async () => {
    const token = await userToken(emulator)
    const me = await graphGet(emulator, "me", token)
    expect(me.status).toBe(200)
    expect(me.body).toEqual({ name: "Alex Merchant", id: "10001" })
  })

  it("reads the access token from query, JSON body, form body and Authorization header", async () => {
    const token = await userToken(emulator)
    const proof = proofFor(token)
    const url = `${emulator.url}/v25.0/me`
    const headerOnly = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
    // The token is found in the header; the proof is still required.
    expect(((await headerOnly.json()) as { error: { code: number } }).error.code).toBe(100)
    const form = await fetch(`${emulator.url}/v25.0/20001/adspixels`, {
      method: "POST",
      body: new URLSearchParams({ access_token: token, appsecret_proof: proof, name: "Form Pixel" }),
    })
    expect(form.status).toBe(200)
    const body = await graphSend(emulator, "POST", "20001/adspixels", token, { name: "JSON Pixel" })
    expect(body.status).toBe(200)
    const header = await fetch(`${url}?appsecret_proof=${proof}`, { headers: { authorization: `OAuth ${token}` } })
    expect(((await header.json()) as { id: string }).id).toBe("10001")
  })

  it("requires appsecret_proof and rejects a wrong one", async () => {
    const token = await userToken(emulator)
    const missing = await graphGet(emulator, "me", token, { appsecret_proof: "" })
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatchObject({ code: 100, message: "API calls from the server require an appsecret_proof argument" })
    const wrong = await graphGet(emulator, "me", token, { appsecret_proof: proofFor(token, "other-secret") })
    expect(wrong.body.error).toMatchObject({ code: 100, message: "Invalid appsecret_proof provided in the API argument" })
  })

  it("lets apps without Require App Secret skip the proof", async () => {
    const relaxed = await startGraphEmulator({ apps: [{ appId: APP_ID, appSecret: APP_SECRET, requireAppSecretProof: false }] })
    try {
      const token = relaxed.createSystemUserToken()
      expect((await graphGet(relaxed, "me", token, { appsecret_proof: "" })).status).toBe(200)
    } finally {
      await relaxed.close()
    }
  })

  it("answers 190 for unknown, expired, revoked and de-authorized tokens", async () => {
    const unknown = await graphGet(emulator, "me", "EAAunknown")
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatchObject({ code: 190, type: "OAuthException" })
    expect(unknown.headers.get("www-authenticate")).toContain("invalid_token")

    const expiring = await userToken(emulator)
    emulator.expireToken(expiring)
    expect((await graphGet(emulator, "me", expiring)).body.error).toMatchObject({ code: 190, error_subcode: 463 })

    const revoked = await userToken(emulator)
    emulator.revokeToken(revoked)
    expect((await graphGet(emulator, "me", revoked)).body.error).toMatchObject({ code: 190, error_subcode: 460 })

    const token = await userToken(emulator)
    const pageToken = (await graphGet(emulator, "30001", token, { fields: "access_token" })).body.access_token
    const removed = await graphSend(emulator, "DELETE", "me/permissions", token)
    expect(removed.body).toEqual({ success: true })
    const after = await graphGet(emulator, "me", token)
    expect(after.body.error).toMatchObject({ code: 190, error_subcode: 458 })
    expect(after.body.error.message).toContain(`has not authorized application ${APP_ID}`)
    expect((await graphGet(emulator, "me", pageToken)).body.error).toMatchObject({ code: 190, error_subcode: 458 })
  })

  it("answers 2500/104 without a token", async () => {
    expect((await graphGet(emulator, "me")).body.error.code).toBe(2500)
    expect((await graphGet(emulator, "20001")).body.error.code).toBe(104)
  })

  it("enforces each edge's permission with (#200)", async () => {
    const token = await userToken(emulator, "pages_show_list")
    const cases: [string, string][] = [
      ["me/businesses", "business_management"],
      ["20001/owned_ad_accounts", "ads_management"],
      ["20001/adspixels", "ads_management"],
      ["20001/owned_product_catalogs", "catalog_management"],
    ]
    for (const [path, permission] of cases) {
      const answer = await graphGet(emulator, path, token)
      expect(answer.status).toBe(400)
      expect(answer.body.error.code).toBe(200)
      expect(answer.body.error.message).toContain(permission)
    }
    const noPages = await userToken(emulator, "business_management")
    expect((await graphGet(emulator, "me/accounts", noPages)).body.error.message).toBe(
      "(#200) Requires pages_show_list permission to manage the object"
    )
    const ig = await graphGet(emulator, "30001", token, { fields: "instagram_business_account" })
    expect(ig.body.error).toMatchObject({ code: 10 })
    expect((await graphGet(emulator, "40001", token)).body.error).toMatchObject({ code: 10 })

    const catalogOnly = await userToken(emulator, "catalog_management")
    const create = await graphSend(emulator, "POST", "20001/owned_product_catalogs", catalogOnly, { name: "x" })
    expect(create.body.error.message).toContain("business_management")
  })

  it("answers 100/33 for unknown or foreign ids and 100 for unknown fields and bad params", async () => {
    const token = await userToken(emulator)
    const unknown = await graphGet(emulator, "987654", token)
    expect(unknown.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" })
    expect(unknown.body.error.message).toBe(
      "Unsupported get request. Object with ID '987654' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api"
    )
    const otherPerson = emulator.createSystemUserToken()
    expect((await graphGet(emulator, "10001", otherPerson)).body.error.error_subcode).toBe(33)

    const field = await graphGet(emulator, "30001", token, { fields: "id,nope" })
    expect(field.body.error).toMatchObject({ code: 100, message: "(#100) Tried accessing nonexisting field (nope) on node type (Page)" })
    expect((await graphGet(emulator, "me/unknown_edge", token)).body.error).toMatchObject({ code: 2500 })
    expect((await graphGet(emulator, "me/accounts", token, { limit: "-1" })).body.error.code).toBe(100)
  })

  it("lists businesses, pages with page tokens and Instagram accounts, ad accounts and pixels", async () => {
    const token = await userToken(emulator)
    expect((await graphGet(emulator, "me/businesses", token)).body.data).toEqual([{ id: "20001", name: "Acme Commerce" }])

    const accounts = await graphGet(emulator, "me/accounts", token, {
      fields: "id,name,access_token,instagram_business_account{id,username}",
    })
    expect(accounts.body.data).toEqual([
      { id: "30001", name: "Acme Store", access_token: expect.stringMatching(/^EAA/), instagram_business_account: { id: "40001", username: "acmestore" } },
      { id: "30002", name: "Acme Outlet", access_token: expect.stringMatching(/^EAA/) },
    ])
    const pageToken = accounts.body.data[0].access_token
    const defaults = await graphGet(emulator, "me/accounts", token)
    expect(Object.keys(defaults.body.data[0])).toEqual(["access_token", "category", "category_list", "name", "id", "tasks"])
    expect(defaults.body.data[0].access_token).toBe(pageToken)
    expect(emulator.tokenInfo(pageToken)).toMatchObject({ type: "PAGE", pageId: "30001", expiresAt: 0, isValid: true })
    expect((await graphGet(emulator, "me", pageToken)).body).toEqual({ name: "Acme Store", id: "30001" })
    expect((await graphGet(emulator, "30002", pageToken)).body.error.error_subcode).toBe(33)

    const ig = await graphGet(emulator, "40001", token, { fields: "id,username,followers_count" })
    expect(ig.body).toEqual({ id: "40001", username: "acmestore", followers_count: 5400 })

    const adAccounts = await graphGet(emulator, "20001/owned_ad_accounts", token, { fields: "id,name,currency,account_id" })
    expect(adAccounts.body.data).toEqual([
      { id: "act_50001", name: "Acme Ads", currency: "USD", account_id: "50001" },
      { id: "act_50002", name: "Acme EU", currency: "EUR", account_id: "50002" },
    ])
    const pixels = await graphGet(emulator, "20001/adspixels", token)
    expect(pixels.body.data).toEqual([{ id: "60001", name: "Acme Pixel" }])
    expect((await graphGet(emulator, "20001/owned_product_catalogs", token)).body).toEqual({ data: [] })
  })

  it("pages lists with limit + after and paging.next only when there is more", async () => {
    const token = await userToken(emulator)
    const first = await graphGet(emulator, "me/accounts", token, { limit: "1", fields: "id" })
    expect(first.body.data).toEqual([{ id: "30001" }])
    expect(first.body.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) })
    const next = new URL(first.body.paging.next)
    expect(next.searchParams.get("limit")).toBe("1")
    expect(next.searchParams.get("after")).toBe(first.body.paging.cursors.after)

    const second = await fetch(next)
    const secondBody = (await second.json()) as { data: { id: string }[]; paging: { next?: string; previous?: string } }
    expect(secondBody.data).toEqual([{ id: "30002" }])
    expect(secondBody.paging.next).toBeUndefined()
    expect(secondBody.paging.previous).toBeDefined()

    const all = await graphGet(emulator, "me/accounts", token, { fields: "id" })
    expect(all.body.paging.next).toBeUndefined()
  })

  it("creates pixels and catalogs under the business", async () => {
    const token = await userToken(emulator)
    const noName = await graphSend(emulator, "POST", "20001/owned_product_catalogs", token, {})
    expect(noName.body.error).toMatchObject({ code: 100, message: "(#100) The parameter name is required" })
    const badVertical = await graphSend(emulator, "POST", "20001/owned_product_catalogs", token, { name: "x", vertical: "cars" })
    expect(badVertical.body.error.code).toBe(100)

    const catalog = await graphSend(emulator, "POST", "20001/owned_product_catalogs", token, { name: "Acme Catalog" })
    expect(catalog.status).toBe(200)
    expect(catalog.body).toEqual({ id: expect.stringMatching(/^\d+$/) })
    const read = await graphGet(emulator, catalog.body.id, token, { fields: "id,name,vertical,product_count,business" })
    expect(read.body).toEqual({
      id: catalog.body.id,
      name: "Acme Catalog",
      vertical: "commerce",
      product_count: 0,
      business: { id: "20001", name: "Acme Commerce" },
    })

    const pixel = await graphSend(emulator, "POST", "20001/adspixels", token, { name: "Store Pixel" })
    expect(pixel.body.id).not.toBe(catalog.body.id)
    const pixels = await graphGet(emulator, "20001/adspixels", token)
    expect(pixels.body.data.map((p: { name: string }) => p.name)).toEqual(["Acme Pixel", "Store Pixel"])
    expect(emulator.state.catalogs[catalog.body.id].name).toBe("Acme Catalog")
  })

  it("gives system-user tokens the business's assets, all scopes by default, or the scopes asked", async () => {
    const token = emulator.createSystemUserToken()
    expect((await graphGet(emulator, "me", token)).body).toEqual({ name: "Acme Sandbox System User", id: "10002" })
    expect((await graphGet(emulator, "20001/owned_ad_accounts", token)).status).toBe(200)
    const narrow = emulator.createSystemUserToken({ scopes: ["ads_read"], expiresIn: 3600 })
    expect(emulator.tokenInfo(narrow)).toMatchObject({ type: "SYSTEM_USER", scopes: ["ads_read"], businessId: "20001" })
    expect((await graphGet(emulator, "20001/adspixels", narrow)).body.error.code).toBe(200)
    expect(() => emulator.createSystemUserToken({ businessId: "nope" })).toThrow(/No business/)
  })
})
