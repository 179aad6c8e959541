import { createHmac } from "node:crypto"
import { inspect } from "node:util"
import { GraphClient, type GraphClientOptions } from "../graph-client"
import { GraphError } from "../graph-error"
import { APP_USAGE_THROTTLE_WAIT_MS } from "../usage-headers"
import { FakeGraphServer, metaError, sendJson } from "./fake-graph-server"

const APP_ID = "1234567890"
const APP_SECRET = "sandbox-app-secret-0123456789"
const TOKEN = "EAABsbCS1iHgBAKZCZAtestUserToken0123456789abcdef"

const proof = (token: string) => createHmac("sha256", APP_SECRET).update(token).digest("hex")

describe("GraphClient", () => {
  const server = new FakeGraphServer()
  let sleeps: number[]
  let logs: string[]

  beforeAll(() => server.start())
  afterAll(() => server.stop())
  beforeEach(() => {
    sleeps = []
    logs = []
  })

  function client(overrides: Partial<GraphClientOptions> = {}): GraphClient {
    return new GraphClient({
      graphApiUrl: server.url,
      apiVersion: "v25.0",
      appId: APP_ID,
      appSecret: APP_SECRET,
      sleep: async (ms) => {
        sleeps.push(ms)
      },
      logger: { debug: (m) => logs.push(`debug ${m}`), warn: (m) => logs.push(`warn ${m}`) },
      ...overrides,
    })
  }

  async function failure(promise: Promise<unknown>): Promise<GraphError> {
    try {
      await promise
    } catch (e) {
      expect(e).toBeInstanceOf(GraphError)
      return e as GraphError
    }
    throw new Error("expected the call to fail")
  }

  function expectNoSecrets(text: string): void {
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain(APP_SECRET)
    expect(text).not.toContain(proof(TOKEN))
  }

  describe("construction", () => {
    it("rejects a missing app id, app secret, malformed version or URL", () => {
      const base = { graphApiUrl: "https://graph.facebook.com", apiVersion: "v25.0", appId: APP_ID, appSecret: APP_SECRET }
      expect(() => new GraphClient({ ...base, appId: "" })).toThrow(/appId/)
      expect(() => new GraphClient({ ...base, appSecret: "" })).toThrow(/appSecret/)
      expect(() => new GraphClient({ ...base, apiVersion: "25.0" })).toThrow(/apiVersion/)
      expect(() => new GraphClient({ ...base, graphApiUrl: "graph.facebook.com" })).toThrow(/graphApiUrl/)
      expect(() => new GraphClient({ ...base, graphApiUrl: "ftp://graph.facebook.com" })).toThrow(/http/)
    })

    it("builds the app token and keeps the secret out of inspect output", () => {
      const c = client()
      expect(c.appAccessToken()).toBe(`${APP_ID}|${APP_SECRET}`)
      expect(c.appId).toBe(APP_ID)
      expect(inspect(c, { depth: 5, showHidden: true })).not.toContain(APP_SECRET)
      expect(JSON.stringify(c)).not.toContain(APP_SECRET)
    })
  })

  describe("requests", () => {
    it("GETs the versioned URL with access_token and a correct appsecret_proof", async () => {
      server.handle((_req, res) => sendJson(res, 200, { id: "10001", name: "Alex" }))
      const result = await client().get<{ id: string }>("/me", {
        token: TOKEN,
        params: { fields: "id,name", limit: 25, flag: true, list: ["a", "b"], obj: { x: 1 }, skip: undefined, nil: null },
      })
      expect(result).toEqual({ id: "10001", name: "Alex" })
      const req = server.requests[0]
      expect(req.method).toBe("GET")
      expect(req.path).toBe("/v25.0/me")
      expect(req.query.get("access_token")).toBe(TOKEN)
      expect(req.query.get("appsecret_proof")).toBe(proof(TOKEN))
      expect(req.query.get("appsecret_proof")).toMatch(/^[0-9a-f]{64}$/)
      expect(req.query.get("fields")).toBe("id,name")
      expect(req.query.get("limit")).toBe("25")
      expect(req.query.get("flag")).toBe("true")
      expect(req.query.get("list")).toBe('["a","b"]')
      expect(req.query.get("obj")).toBe('{"x":1}')
      expect(req.query.has("skip")).toBe(false)
      expect(req.query.has("nil")).toBe(false)
    })

    it("omits access_token and appsecret_proof when no token is given", async () => {
      server.handle((_req, res) => sendJson(res, 200, { ok: true }))
      await client().get("some/edge")
      expect(server.requests[0].query.has("access_token")).toBe(false)
      expect(server.requests[0].query.has("appsecret_proof")).toBe(false)
    })

    it("normalises a path that already carries the client's version, and merges a query in the path", async () => {
      server.handle((_req, res) => sendJson(res, 200, {}))
      await client().get("v25.0/30001/feed?fields=id&limit=5", { params: { limit: 10 } })
      expect(server.requests[0].path).toBe("/v25.0/30001/feed")
      expect(server.requests[0].query.get("fields")).toBe("id")
      expect(server.requests[0].query.get("limit")).toBe("10")
    })

    it("refuses another version, absolute URLs and dot segments without sending anything", async () => {
      server.handle((_req, res) => sendJson(res, 200, {}))
      const c = client()
      await expect(c.get("/v21.0/me")).rejects.toThrow(/v21\.0.*v25\.0/)
      await expect(c.get("https://evil.example/v25.0/me", { token: TOKEN })).rejects.toThrow(/absolute/)
      await expect(c.get("//evil.example/me")).rejects.toThrow(/absolute/)
      await expect(c.get("me/../../admin")).rejects.toThrow(/\.\./)
      expect(server.requests).toHaveLength(0)
    })

    it("rejects an empty token instead of sending an unauthenticated call", async () => {
      await expect(client().get("me", { token: "" })).rejects.toThrow(/token/)
    })

    it("POSTs JSON with the credentials in the body, not in the URL", async () => {
      server.handle((_req, res) => sendJson(res, 200, { id: "60002" }))
      const result = await client().post<{ id: string }>("20001/adspixels", {
        token: TOKEN,
        body: { name: "Pixel", data: [{ a: 1 }] },
      })
      expect(result).toEqual({ id: "60002" })
      const req = server.requests[0]
      expect(req.method).toBe("POST")
      expect(req.headers["content-type"]).toBe("application/json")
      expect(req.query.has("access_token")).toBe(false)
      expect(JSON.parse(req.body)).toEqual({
        name: "Pixel",
        data: [{ a: 1 }],
        access_token: TOKEN,
        appsecret_proof: proof(TOKEN),
      })
    })

    it("POSTs an already encoded JSON body as it is, with the credentials added and non-ASCII text intact", async () => {
      server.handle((_req, res) => sendJson(res, 200, { handles: ["h1"] }))
      const encoded = new TextEncoder().encode(`  {"item_type":"PRODUCT_ITEM","requests":[{"method":"UPDATE","data":{"id":"ß-1","title":"Café ☕ 🧦"}}]}`)
      const result = await client().post<{ handles: string[] }>("30001/items_batch", { token: TOKEN, jsonBody: encoded })
      expect(result).toEqual({ handles: ["h1"] })
      const req = server.requests[0]
      expect(req.headers["content-type"]).toBe("application/json")
      expect(req.query.has("access_token")).toBe(false)
      expect(JSON.parse(req.body)).toEqual({
        access_token: TOKEN,
        appsecret_proof: proof(TOKEN),
        item_type: "PRODUCT_ITEM",
        requests: [{ method: "UPDATE", data: { id: "ß-1", title: "Café ☕ 🧦" } }],
      })
    })

    it("adds the credentials to an empty encoded object, sends it unchanged without a token, and refuses what is not an object", async () => {
      server.handle((_req, res) => sendJson(res, 200, { ok: true }))
      await client().post("30001/items_batch", { token: TOKEN, jsonBody: new TextEncoder().encode("{ }") })
      expect(JSON.parse(server.requests[0].body)).toEqual({ access_token: TOKEN, appsecret_proof: proof(TOKEN) })
      await client().post("30001/items_batch", { jsonBody: new TextEncoder().encode(`{"a":1}`) })
      expect(server.requests[1].body).toBe(`{"a":1}`)
      await expect(client().post("30001/items_batch", { token: TOKEN, jsonBody: new TextEncoder().encode(`[1]`) })).rejects.toThrow(
        "jsonBody must be a JSON object"
      )
      await expect(client().get("30001", { jsonBody: new TextEncoder().encode(`{}`) })).rejects.toThrow("jsonBody is for a POST")
      await expect(client().post("30001", { body: { a: 1 }, jsonBody: new TextEncoder().encode(`{}`) })).rejects.toThrow("jsonBody is for a POST")
      expect(server.requests).toHaveLength(2)
    })

    it("sends DELETE credentials in the query and refuses a body on GET/DELETE", async () => {
      server.handle((_req, res) => sendJson(res, 200, { success: true }))
      await client().delete("me/permissions", { token: TOKEN })
      expect(server.requests[0].method).toBe("DELETE")
      expect(server.requests[0].query.get("appsecret_proof")).toBe(proof(TOKEN))
      await expect(client().get("me", { body: { a: 1 } })).rejects.toThrow(/body/)
    })

    it("returns undefined for an empty 2xx body and JSON scalars as they are", async () => {
      server.sequence(
        (_req, res) => {
          res.writeHead(204)
          res.end()
        },
        (_req, res) => sendJson(res, 200, true)
      )
      const c = client()
      await expect(c.delete("x")).resolves.toBeUndefined()
      await expect(c.delete("x")).resolves.toBe(true)
    })

    it("treats a 2xx body that is not JSON as invalid and does not retry it", async () => {
      server.handle((_req, res) => {
        res.writeHead(200, { "content-type": "text/html" })
        res.end("<html>captive portal</html>")
      })
      const error = await failure(client().get("me"))
      expect(error.category).toBe("invalid")
      expect(error.httpStatus).toBe(200)
      expect(server.requests).toHaveLength(1)
    })

    it("treats an error object in a 200 answer as an error", async () => {
      server.handle((_req, res) => sendJson(res, 200, { error: { message: "(#100) bad field", code: 100 } }))
      const error = await failure(client().get("me"))
      expect(error.category).toBe("invalid")
      expect(error.code).toBe(100)
    })
  })

  describe("errors", () => {
    it("maps Meta's error object onto GraphError fields", async () => {
      server.handle((_req, res) =>
        metaError(res, 400, {
          message: "Error validating access token: Session has expired",
          code: 190,
          error_subcode: 463,
          error_user_title: "Session expired",
          error_user_msg: "Log in again",
          is_transient: false,
        })
      )
      const error = await failure(client().get("me", { token: TOKEN }))
      expect(error).toMatchObject({
        name: "GraphError",
        category: "auth",
        code: 190,
        subcode: 463,
        type: "OAuthException",
        fbtraceId: "AbCdEfTrace",
        userTitle: "Session expired",
        userMessage: "Log in again",
        httpStatus: 400,
        isTransient: false,
        method: "GET",
        path: "/v25.0/me",
      })
      expect(error.message).toBe("Error validating access token: Session has expired")
      expect(server.requests).toHaveLength(1)
    })

    it.each([
      [190, undefined, "auth"],
      [102, 467, "auth"],
      [10, undefined, "permission"],
      [200, undefined, "permission"],
      [299, undefined, "permission"],
      [100, 33, "invalid"],
      [803, undefined, "invalid"],
    ])("code %s/%s is %s and is never retried", async (code, subcode, category) => {
      server.handle((_req, res) => metaError(res, 400, { message: "nope", code, error_subcode: subcode }))
      const error = await failure(client().get("me", { token: TOKEN }))
      expect(error.category).toBe(category)
      expect(server.requests).toHaveLength(1)
      expect(sleeps).toEqual([])
    })

    it("never puts the token, app secret or proof in the message, even when Meta echoes them", async () => {
      server.handle((req, res) =>
        metaError(res, 400, {
          message: `Invalid OAuth access token - Cannot parse access token: ${TOKEN} (secret ${APP_SECRET}) url ${server.url}${req.path}?access_token=${encodeURIComponent(TOKEN)}&appsecret_proof=${proof(TOKEN)}`,
          error_user_msg: `token ${TOKEN}`,
          code: 190,
        })
      )
      const error = await failure(client().get("me", { token: TOKEN }))
      expect(error.message).toContain("Invalid OAuth access token")
      expect(error.message).toContain("[redacted]")
      expectNoSecrets(error.message)
      expectNoSecrets(error.userMessage ?? "")
      expectNoSecrets(String(error.stack))
      expectNoSecrets(JSON.stringify(error))
      expectNoSecrets(inspect(error))
      expectNoSecrets(logs.join("\n"))
    })

    it("scrubs the app token when Meta echoes it URL-encoded", async () => {
      server.handle((_req, res) =>
        metaError(res, 400, { message: `bad token ${encodeURIComponent(`${APP_ID}|${APP_SECRET}`)}`, code: 190 })
      )
      const error = await failure(client().get("debug_token", { token: `${APP_ID}|${APP_SECRET}` }))
      expect(error.message).not.toContain(APP_SECRET)
      expect(error.message).not.toContain(encodeURIComponent(APP_SECRET))
    })

    it("categorises a 4xx without an error object as invalid and a 429 as throttled", async () => {
      server.sequence(
        (_req, res) => {
          res.writeHead(404, { "content-type": "text/plain" })
          res.end("not found")
        },
        (_req, res) => {
          res.writeHead(429)
          res.end()
        }
      )
      const c = client({ maxRetries: 0 })
      expect((await failure(c.get("x"))).category).toBe("invalid")
      const throttled = await failure(c.get("x"))
      expect(throttled.category).toBe("throttled")
      expect(throttled.httpStatus).toBe(429)
    })
  })

  describe("retries", () => {
    it("retries a transient 5xx with jittered exponential backoff, then succeeds", async () => {
      server.sequence(
        (_req, res) => metaError(res, 500, { message: "An unknown error occurred", code: 1, is_transient: true }),
        (_req, res) => metaError(res, 503, { message: "Service temporarily unavailable", code: 2 }),
        (_req, res) => sendJson(res, 200, { id: "1" })
      )
      await expect(client({ retryBaseMs: 400 }).get("me", { token: TOKEN })).resolves.toEqual({ id: "1" })
      expect(server.requests).toHaveLength(3)
      expect(sleeps).toHaveLength(2)
      expect(sleeps[0]).toBeGreaterThanOrEqual(200)
      expect(sleeps[0]).toBeLessThanOrEqual(400)
      expect(sleeps[1]).toBeGreaterThanOrEqual(400)
      expect(sleeps[1]).toBeLessThanOrEqual(800)
      // each attempt carries the credentials again
      for (const req of server.requests) expect(req.query.get("appsecret_proof")).toBe(proof(TOKEN))
      expect(logs.filter((l) => l.startsWith("warn"))).toHaveLength(2)
      expect(logs.find((l) => l.startsWith("warn"))).toMatch(/GET \/v25\.0\/me failed \(transient #1\): retrying in \d+ ms \(attempt 2 of 4\)/)
      expectNoSecrets(logs.join("\n"))
    })

    it("retries a non-JSON 502 from a proxy and gives up after maxRetries", async () => {
      server.handle((_req, res) => {
        res.writeHead(502, { "content-type": "text/html" })
        res.end("<html>Bad Gateway</html>")
      })
      const error = await failure(client({ maxRetries: 2 }).get("me"))
      expect(error.category).toBe("transient")
      expect(error.isTransient).toBe(true)
      expect(error.httpStatus).toBe(502)
      expect(server.requests).toHaveLength(3)
      expect(sleeps).toHaveLength(2)
    })

    it("caps the backoff at 30 s", async () => {
      server.handle((_req, res) => metaError(res, 500, { message: "x", code: 2 }))
      await failure(client({ maxRetries: 3, retryBaseMs: 100_000 }).get("me"))
      expect(sleeps.every((ms) => ms <= 30_000 && ms >= 15_000)).toBe(true)
    })

    it("retries is_transient=true even for a code that is otherwise invalid", async () => {
      server.sequence(
        (_req, res) => metaError(res, 400, { message: "temporary", code: 100, is_transient: true }),
        (_req, res) => sendJson(res, 200, { ok: 1 })
      )
      await expect(client().get("me")).resolves.toEqual({ ok: 1 })
      expect(server.requests).toHaveLength(2)
    })

    it("does not retry POST by default, but does with retry: true", async () => {
      server.sequence(
        (_req, res) => metaError(res, 500, { message: "x", code: 2 }),
        (_req, res) => sendJson(res, 200, { id: "2" })
      )
      const c = client()
      expect((await failure(c.post("x", { body: {} }))).category).toBe("transient")
      expect(server.requests).toHaveLength(1)
      server.sequence(
        (_req, res) => metaError(res, 500, { message: "x", code: 2 }),
        (_req, res) => sendJson(res, 200, { id: "2" })
      )
      await expect(c.post("x", { body: {}, retry: true })).resolves.toEqual({ id: "2" })
      expect(server.requests).toHaveLength(2)
    })

    it("does not retry GET when retry: false", async () => {
      server.handle((_req, res) => metaError(res, 500, { message: "x", code: 2 }))
      await failure(client().get("x", { retry: false }))
      expect(server.requests).toHaveLength(1)
    })

    it("maxRetries: 0 means one attempt", async () => {
      server.handle((_req, res) => metaError(res, 500, { message: "x", code: 2 }))
      await failure(client({ maxRetries: 0 }).get("x"))
      expect(server.requests).toHaveLength(1)
    })
  })

  describe("throttling", () => {
    const buc = (id: string, minutes: number, type = "ads_management") =>
      JSON.stringify({ [id]: [{ type, call_count: 100, total_cputime: 40, total_time: 30, estimated_time_to_regain_access: minutes }] })

    it("waits the BUC estimated_time_to_regain_access (minutes) when within maxThrottleWaitMs", async () => {
      server.sequence(
        (_req, res) =>
          metaError(res, 400, { message: "User request limit reached", code: 80004, error_subcode: 2446079 }, {
            "x-business-use-case-usage": buc("50001", 1),
          }),
        (_req, res) => sendJson(res, 200, { data: [] })
      )
      await expect(client().get("act_50001/campaigns", { token: TOKEN })).resolves.toEqual({ data: [] })
      expect(sleeps).toEqual([60_000])
      expect(logs.some((l) => /throttled #80004.*retrying in 60000 ms/.test(l))).toBe(true)
    })

    it("throws a long BUC throttle at once with retryAfterMs in milliseconds", async () => {
      server.handle((_req, res) =>
        metaError(res, 400, { message: "Application request limit reached", code: 80001 }, {
          "x-business-use-case-usage": buc("30001", 7, "pages"),
        })
      )
      const error = await failure(client().get("30001/feed", { token: TOKEN }))
      expect(error.category).toBe("throttled")
      expect(error.retryAfterMs).toBe(7 * 60_000)
      expect(server.requests).toHaveLength(1)
      expect(sleeps).toEqual([])
    })

    it("uses the usageKey's BUC entry rather than another object's", async () => {
      server.handle((_req, res) =>
        metaError(res, 400, { message: "limit", code: 80002 }, {
          "x-business-use-case-usage": JSON.stringify({
            "40001": [{ type: "instagram", estimated_time_to_regain_access: 2 }],
            "99999": [{ type: "instagram", estimated_time_to_regain_access: 50 }],
          }),
        })
      )
      const error = await failure(client({ maxThrottleWaitMs: 0 }).get("me/media", { token: TOKEN, usageKey: "40001" }))
      expect(error.retryAfterMs).toBe(2 * 60_000)
      const worst = await failure(client({ maxThrottleWaitMs: 0 }).get("me/media", { token: TOKEN }))
      expect(worst.retryAfterMs).toBe(50 * 60_000)
    })

    it("waits X-Ad-Account-Usage reset_time_duration (seconds)", async () => {
      server.sequence(
        (_req, res) =>
          metaError(res, 400, { message: "User request limit reached", code: 17 }, {
            "x-ad-account-usage": JSON.stringify({ acc_id_util_pct: 100, reset_time_duration: 30, ads_api_access_tier: "standard_access" }),
          }),
        (_req, res) => sendJson(res, 200, { id: "act_50001" })
      )
      await client().get("act_50001", { token: TOKEN })
      expect(sleeps).toEqual([30_000])
    })

    it("treats an exhausted X-App-Usage as a long wait and throws it", async () => {
      server.handle((_req, res) =>
        metaError(res, 400, { message: "(#4) Application request limit reached", code: 4, is_transient: true }, {
          "x-app-usage": JSON.stringify({ call_count: 100, total_cputime: 12, total_time: 15 }),
        })
      )
      const error = await failure(client().get("me", { token: TOKEN }))
      expect(error.category).toBe("throttled")
      expect(error.isTransient).toBe(true)
      expect(error.retryAfterMs).toBe(APP_USAGE_THROTTLE_WAIT_MS)
      expect(server.requests).toHaveLength(1)
    })

    it("backs off like a transient error when a throttle gives no hint, and throws without retryAfterMs", async () => {
      server.handle((_req, res) => metaError(res, 400, { message: "Calls to this api have exceeded the rate limit", code: 613 }))
      const error = await failure(client({ maxRetries: 2 }).get("me", { token: TOKEN }))
      expect(error.category).toBe("throttled")
      expect(error.retryAfterMs).toBeUndefined()
      expect(server.requests).toHaveLength(3)
      expect(sleeps).toHaveLength(2)
    })

    it("throws a throttled POST without waiting, with retryAfterMs", async () => {
      server.handle((_req, res) =>
        metaError(res, 400, { message: "limit", code: 80009 }, { "x-business-use-case-usage": buc("70001", 1, "catalog_management") })
      )
      const error = await failure(client().post("70001/items_batch", { token: TOKEN, body: { requests: [] } }))
      expect(error.retryAfterMs).toBe(60_000)
      expect(sleeps).toEqual([])
    })
  })

  describe("usage bookkeeping", () => {
    it("records X-App-Usage, BUC per object id and ad account usage, also from error responses", async () => {
      let now = 1_000
      server.sequence(
        (_req, res) =>
          sendJson(res, 200, {}, {
            "x-app-usage": JSON.stringify({ call_count: 12, total_cputime: 3, total_time: 4 }),
            "x-business-use-case-usage": JSON.stringify({
              "30001": [{ type: "pages", call_count: 5, total_cputime: 1, total_time: 2, estimated_time_to_regain_access: 0 }],
            }),
          }),
        (_req, res) =>
          metaError(res, 400, { message: "bad", code: 100 }, {
            "x-app-usage": JSON.stringify({ call_count: 13, total_cputime: 3, total_time: 4 }),
            "x-ad-account-usage": JSON.stringify({ acc_id_util_pct: 9.67, reset_time_duration: 100, ads_api_access_tier: "standard_access" }),
          })
      )
      const c = client({ now: () => now })
      expect(c.usage()).toEqual({ app: null, businessUseCase: {}, adAccounts: {} })
      await c.get("30001", { token: TOKEN })
      now = 2_000
      await failure(c.get("act_50001/insights", { token: TOKEN }))
      const usage = c.usage()
      expect(usage.app).toEqual({ callCount: 13, totalCputime: 3, totalTime: 4, updatedAt: 2_000 })
      expect(usage.businessUseCase["30001"]).toEqual({
        entries: [
          { type: "pages", callCount: 5, totalCputime: 1, totalTime: 2, estimatedTimeToRegainAccessMinutes: 0, adsApiAccessTier: undefined },
        ],
        updatedAt: 1_000,
      })
      expect(usage.adAccounts.act_50001).toEqual({
        accIdUtilPct: 9.67,
        resetTimeDurationSec: 100,
        adsApiAccessTier: "standard_access",
        updatedAt: 2_000,
      })
      // a snapshot, not a live view
      usage.adAccounts.act_50001.accIdUtilPct = 0
      expect(c.usage().adAccounts.act_50001.accIdUtilPct).toBe(9.67)
    })

    it("keys ad account usage by usageKey when the path has no act_ id, and ignores malformed headers", async () => {
      server.handle((_req, res) =>
        sendJson(res, 200, {}, {
          "x-ad-account-usage": JSON.stringify({ acc_id_util_pct: 50, reset_time_duration: 0 }),
          "x-app-usage": "{not json",
          "x-business-use-case-usage": "[]",
        })
      )
      const c = client()
      await c.get("120000000001/insights", { usageKey: "act_50002" })
      expect(c.usage().adAccounts.act_50002.accIdUtilPct).toBe(50)
      expect(c.usage().app).toBeNull()
      expect(c.usage().businessUseCase).toEqual({})
    })

    it("tells its listener after each response that carried usage figures, and a listener that throws breaks nothing", async () => {
      server.sequence(
        (_req, res) => sendJson(res, 200, { id: "1" }, { "x-app-usage": JSON.stringify({ call_count: 1, total_cputime: 1, total_time: 1 }) }),
        (_req, res) => sendJson(res, 200, { id: "2" }),
        (_req, res) => sendJson(res, 200, { id: "3" }, { "x-app-usage": JSON.stringify({ call_count: 2, total_cputime: 1, total_time: 1 }) })
      )
      const seen: (number | undefined)[] = []
      const c = client({
        onUsage: () => {
          seen.push(c.usage().app?.callCount)
          throw new Error("listener bug")
        },
      })
      expect((await c.get<{ id: string }>("1", { token: TOKEN })).id).toBe("1")
      expect((await c.get<{ id: string }>("2", { token: TOKEN })).id).toBe("2")
      expect((await c.get<{ id: string }>("3", { token: TOKEN })).id).toBe("3")
      expect(seen).toEqual([1, 2])
    })
  })

  describe("timeouts and network errors", () => {
    it("times out a slow response per attempt and reports a transient error", async () => {
      server.handle((_req, res) => {
        setTimeout(() => sendJson(res, 200, { late: true }), 400)
      })
      const started = Date.now()
      const error = await failure(client({ maxRetries: 0, timeoutMs: 60 }).get("me", { token: TOKEN }))
      expect(Date.now() - started).toBeLessThan(350)
      expect(error.category).toBe("transient")
      expect(error.message).toBe("Graph API request timed out after 60 ms")
      expectNoSecrets(error.message)
    })

    it("times out a body that trickles in after the headers", async () => {
      server.handle((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.write('{"data":[')
        setTimeout(() => res.end("]}"), 400)
      })
      const error = await failure(client({ maxRetries: 0 }).get("me", { timeoutMs: 60 }))
      expect(error.message).toMatch(/timed out after 60 ms/)
    })

    it("retries after a timeout and succeeds", async () => {
      server.sequence(
        (_req, res) => {
          setTimeout(() => sendJson(res, 200, { late: true }), 400)
        },
        (_req, res) => sendJson(res, 200, { fast: true })
      )
      await expect(client({ timeoutMs: 60 }).get("me")).resolves.toEqual({ fast: true })
      expect(sleeps).toHaveLength(1)
    })

    it("reports a refused connection as transient without leaking credentials", async () => {
      const closed = new FakeGraphServer()
      await closed.start()
      const url = closed.url
      await closed.stop()
      const error = await failure(client({ graphApiUrl: url, maxRetries: 1 }).get("me", { token: TOKEN }))
      expect(error.category).toBe("transient")
      expect(error.message).toMatch(/^Graph API request failed/)
      expect(error.message).toMatch(/ECONNREFUSED/)
      expect(sleeps).toHaveLength(1)
      expectNoSecrets(error.message)
    })
  })

  describe("pagination", () => {
    const items = Array.from({ length: 7 }, (_, i) => ({ id: String(i + 1) }))

    function cursorPages(pageSize = 3): void {
      server.handle((req, res) => {
        const start = Number(req.query.get("after") ?? "0")
        const limit = Number(req.query.get("limit") ?? pageSize)
        const data = items.slice(start, start + limit)
        const end = start + data.length
        sendJson(res, 200, {
          data,
          paging: {
            cursors: { before: String(start), after: String(end) },
            // Meta leaves out `next` on the last page but still sends cursors
            ...(end < items.length ? { next: `${server.url}/v25.0/me/accounts?after=${end}&access_token=leaked` } : {}),
          },
        })
      })
    }

    it("follows cursors.after until next is absent", async () => {
      cursorPages()
      const result = await client().listAll<{ id: string }>("me/accounts", { token: TOKEN, pageSize: 3, params: { fields: "id,name" } })
      expect(result.map((r) => r.id)).toEqual(["1", "2", "3", "4", "5", "6", "7"])
      expect(server.requests).toHaveLength(3)
      expect(server.requests.map((r) => r.query.get("after"))).toEqual([null, "3", "6"])
      for (const req of server.requests) {
        expect(req.query.get("limit")).toBe("3")
        expect(req.query.get("fields")).toBe("id,name")
        expect(req.query.get("access_token")).toBe(TOKEN)
        expect(req.query.get("appsecret_proof")).toBe(proof(TOKEN))
      }
    })

    it("stops at maxItems without fetching further pages", async () => {
      cursorPages()
      const result = await client().listAll("me/accounts", { pageSize: 3, maxItems: 4 })
      expect(result).toHaveLength(4)
      expect(server.requests).toHaveLength(2)
      expect(await client().listAll("me/accounts", { maxItems: 0 })).toEqual([])
    })

    it("can be consumed lazily and stopped early", async () => {
      cursorPages()
      const seen: string[] = []
      for await (const item of client().paginate<{ id: string }>("me/accounts", { pageSize: 3 })) {
        seen.push(item.id)
        if (seen.length === 2) break
      }
      expect(seen).toEqual(["1", "2"])
      expect(server.requests).toHaveLength(1)
    })

    it("follows a paging.next URL without cursors with fresh credentials, dropping the URL's token", async () => {
      server.handle((req, res) => {
        const offset = Number(req.query.get("offset") ?? "0")
        sendJson(res, 200, {
          data: items.slice(offset, offset + 4),
          paging: offset === 0 ? { next: `${server.url}/v25.0/30001/insights?metric=views&offset=4&access_token=stale&appsecret_proof=stale` } : {},
        })
      })
      const result = await client().listAll("30001/insights", { token: TOKEN, params: { metric: "views" } })
      expect(result).toHaveLength(7)
      const second = server.requests[1]
      expect(second.path).toBe("/v25.0/30001/insights")
      expect(second.query.get("offset")).toBe("4")
      expect(second.query.get("metric")).toBe("views")
      expect(second.query.get("access_token")).toBe(TOKEN)
      expect(second.query.get("appsecret_proof")).toBe(proof(TOKEN))
    })

    it("refuses a paging.next URL on another host (it would receive our token)", async () => {
      server.handle((_req, res) => sendJson(res, 200, { data: [{ id: "1" }], paging: { next: "https://evil.example/v25.0/me/accounts?offset=1" } }))
      await expect(client().listAll("me/accounts", { token: TOKEN })).rejects.toThrow(/evil\.example.*refusing/)
      expect(server.requests).toHaveLength(1)
    })

    it("stops with an error when Meta repeats a cursor instead of looping forever", async () => {
      server.handle((_req, res) =>
        sendJson(res, 200, { data: [{ id: "1" }], paging: { cursors: { after: "SAME" }, next: `${server.url}/v25.0/me/accounts?after=SAME` } })
      )
      const error = await failure(client().listAll("me/accounts"))
      expect(error.message).toMatch(/same page cursor/)
      expect(server.requests).toHaveLength(2)
    })

    it("rejects a list response without a data array, and a bad pageSize", async () => {
      server.handle((_req, res) => sendJson(res, 200, { id: "1" }))
      const error = await failure(client().listAll("me/accounts"))
      expect(error.category).toBe("invalid")
      await expect(client().listAll("me/accounts", { pageSize: 0 })).rejects.toThrow(/pageSize/)
    })

    it("passes errors on later pages through", async () => {
      server.sequence(
        (_req, res) => sendJson(res, 200, { data: [{ id: "1" }], paging: { cursors: { after: "A" }, next: `${server.url}/v25.0/x?after=A` } }),
        (_req, res) => metaError(res, 400, { message: "expired", code: 190, error_subcode: 463 })
      )
      const error = await failure(client().listAll("x", { token: TOKEN }))
      expect(error.category).toBe("auth")
    })
  })

  describe("logging", () => {
    it("logs method, path, status and duration but never the query string", async () => {
      server.handle((_req, res) => sendJson(res, 200, {}))
      await client().get("me", { token: TOKEN, params: { fields: "id" } })
      expect(logs).toHaveLength(1)
      expect(logs[0]).toMatch(/^debug Graph GET \/v25\.0\/me → 200 in \d+ ms$/)
    })
  })
})
