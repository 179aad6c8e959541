import { createHmac } from "node:crypto"
import { GraphClient } from "../graph-client"
import { GraphError } from "../graph-error"
import { FakeGraphServer, metaError, sendJson } from "./fake-graph-server"

const APP_ID = "1234567890"
const APP_SECRET = "sandbox-app-secret"
const APP_TOKEN = `${APP_ID}|${APP_SECRET}`

describe("Graph OAuth helpers", () => {
  const server = new FakeGraphServer()
  beforeAll(() => server.start())
  afterAll(() => server.stop())

  const client = () =>
    new GraphClient({ graphApiUrl: server.url, apiVersion: "v25.0", appId: APP_ID, appSecret: APP_SECRET, sleep: async () => undefined })

  it("exchanges a code with client_id, redirect_uri, client_secret and code", async () => {
    server.handle((_req, res) => sendJson(res, 200, { access_token: "EAAshort", token_type: "bearer", expires_in: 5183944 }))
    const result = await client().exchangeCode({ code: "AQCode", redirectUri: "https://shop.example/meta/oauth/callback?x=1" })
    expect(result).toEqual({ accessToken: "EAAshort", tokenType: "bearer", expiresIn: 5183944 })
    const req = server.requests[0]
    expect(req.method).toBe("GET")
    expect(req.path).toBe("/v25.0/oauth/access_token")
    expect(Object.fromEntries(req.query)).toEqual({
      client_id: APP_ID,
      redirect_uri: "https://shop.example/meta/oauth/callback?x=1",
      client_secret: APP_SECRET,
      code: "AQCode",
    })
  })

  it("exchanges a short-lived token for a long-lived one", async () => {
    server.handle((_req, res) => sendJson(res, 200, { access_token: "EAAlong", token_type: "bearer" }))
    const result = await client().exchangeForLongLivedToken("EAAshort")
    expect(result).toEqual({ accessToken: "EAAlong", tokenType: "bearer", expiresIn: undefined })
    expect(Object.fromEntries(server.requests[0].query)).toEqual({
      grant_type: "fb_exchange_token",
      client_id: APP_ID,
      client_secret: APP_SECRET,
      fb_exchange_token: "EAAshort",
    })
  })

  it("rejects a token response without access_token as invalid", async () => {
    server.handle((_req, res) => sendJson(res, 200, { token_type: "bearer" }))
    const error = await client().exchangeCode({ code: "c", redirectUri: "https://x.example/cb" }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GraphError)
    expect((error as GraphError).category).toBe("invalid")
  })

  it("keeps the app secret, code and exchanged token out of a failed exchange's message", async () => {
    server.handle((req, res) =>
      metaError(res, 400, {
        message: `This authorization code has been used. (${req.path}?${req.query.toString()}) secret=${APP_SECRET}`,
        code: 100,
        error_subcode: 36009,
      })
    )
    const error = (await client()
      .exchangeCode({ code: "AQSecretCodeValue", redirectUri: "https://x.example/cb" })
      .catch((e: unknown) => e)) as GraphError
    expect(error.category).toBe("invalid")
    expect(error.subcode).toBe(36009)
    expect(error.message).toContain("This authorization code has been used")
    expect(error.message).not.toContain(APP_SECRET)
    expect(error.message).not.toContain("AQSecretCodeValue")

    const long = (await client().exchangeForLongLivedToken("EAAshortlivedtoken0123456789").catch((e: unknown) => e)) as GraphError
    expect(long.message).not.toContain("EAAshortlivedtoken0123456789")
    expect(long.message).not.toContain(APP_SECRET)
  })

  it("debugs a token with the app token and its appsecret_proof, returning data even when invalid", async () => {
    const data = {
      app_id: APP_ID,
      type: "USER",
      is_valid: false,
      expires_at: 1700000000,
      scopes: [],
      error: { code: 190, subcode: 463, message: "Session has expired" },
    }
    server.handle((_req, res) => sendJson(res, 200, { data }))
    await expect(client().debugToken("EAAinput")).resolves.toEqual(data)
    const req = server.requests[0]
    expect(req.path).toBe("/v25.0/debug_token")
    expect(req.query.get("input_token")).toBe("EAAinput")
    expect(req.query.get("access_token")).toBe(APP_TOKEN)
    expect(req.query.get("appsecret_proof")).toBe(createHmac("sha256", APP_SECRET).update(APP_TOKEN).digest("hex"))
  })

  it("rejects a debug_token answer without data.is_valid", async () => {
    server.handle((_req, res) => sendJson(res, 200, { data: { app_id: APP_ID } }))
    await expect(client().debugToken("EAAinput")).rejects.toMatchObject({ category: "invalid" })
  })

  it("never shows the app token when debug_token fails", async () => {
    server.handle((_req, res) => metaError(res, 400, { message: `Invalid app token ${APP_TOKEN}`, code: 190 }))
    const error = (await client().debugToken("EAAinput").catch((e: unknown) => e)) as GraphError
    expect(error.category).toBe("auth")
    expect(error.message).not.toContain(APP_SECRET)
  })

  it("revokes permissions with DELETE /me/permissions", async () => {
    server.handle((_req, res) => sendJson(res, 200, { success: true }))
    await expect(client().revokePermissions("EAAuser")).resolves.toBeUndefined()
    expect(server.requests[0].method).toBe("DELETE")
    expect(server.requests[0].path).toBe("/v25.0/me/permissions")
    expect(server.requests[0].query.get("access_token")).toBe("EAAuser")
  })

  it("fails a revocation Meta does not confirm", async () => {
    server.handle((_req, res) => sendJson(res, 200, { success: false }))
    await expect(client().revokePermissions("EAAuser")).rejects.toMatchObject({ category: "invalid" })
  })

  it("refuses empty inputs before calling Meta", async () => {
    server.handle((_req, res) => sendJson(res, 200, {}))
    const c = client()
    await expect(c.exchangeCode({ code: "", redirectUri: "https://x.example" })).rejects.toThrow(/code/)
    await expect(c.exchangeForLongLivedToken("")).rejects.toThrow(/token/)
    await expect(c.debugToken("")).rejects.toThrow(/inputToken/)
    await expect(c.revokePermissions("")).rejects.toThrow(/token/)
    expect(server.requests).toHaveLength(0)
  })
})
