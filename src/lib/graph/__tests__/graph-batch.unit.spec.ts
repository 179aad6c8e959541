import { createHmac } from "node:crypto"
import { inspect } from "node:util"
import { GraphClient, GRAPH_BATCH_MAX_REQUESTS, type GraphBatchRequest, type GraphClientOptions } from "../graph-client"
import { GraphError } from "../graph-error"
import { FakeGraphServer, metaError, sendJson, type RecordedRequest } from "./fake-graph-server"

const APP_ID = "1234567890"
const APP_SECRET = "sandbox-app-secret-0123456789"
const TOKEN = "EAABsbCS1iHgBAKZCZAtestPageTokenAAAA0123456789abcdef"
const OTHER_TOKEN = "EAABsbCS1iHgBAKZCZAtestPageTokenBBBB0123456789abcdef"

const proof = (token: string) => createHmac("sha256", APP_SECRET).update(token).digest("hex")

type Operation = { method: string; relative_url: string; body?: string; name?: string }

function operationsOf(req: RecordedRequest): Operation[] {
  const body = JSON.parse(req.body) as { batch: string }
  return JSON.parse(body.batch) as Operation[]
}

/** Meta's answer item: body is a JSON string. */
const ok = (body: unknown, code = 200) => ({ code, body: JSON.stringify(body) })
const fail = (code: number, error: Record<string, unknown>) => ({ code, body: JSON.stringify({ error: { type: "OAuthException", ...error } }) })

const insights = (id: string): GraphBatchRequest => ({ method: "GET", relative_url: `${id}/insights?metric=reach,views` })

describe("GraphClient.batch", () => {
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
    for (const secret of [TOKEN, OTHER_TOKEN, APP_SECRET, proof(TOKEN), proof(OTHER_TOKEN)]) expect(text).not.toContain(secret)
  }

  describe("the request", () => {
    it("POSTs to the versioned root with batch (JSON), include_headers=false and the credentials in the body", async () => {
      server.handle((_req, res) => sendJson(res, 200, [ok({ data: [] }), ok({ data: [] })]))
      await client().batch([insights("17890000000000001"), insights("17890000000000002")], { token: TOKEN })
      const req = server.requests[0]
      expect(req.method).toBe("POST")
      expect(req.path).toBe("/v25.0/")
      expect(req.query.has("access_token")).toBe(false)
      expect(req.headers["content-type"]).toBe("application/json")
      const body = JSON.parse(req.body)
      expect(body.include_headers).toBe(false)
      expect(body.access_token).toBe(TOKEN)
      expect(body.appsecret_proof).toBe(proof(TOKEN))
      expect(typeof body.batch).toBe("string")
      expect(operationsOf(req)).toEqual([
        { method: "GET", relative_url: "v25.0/17890000000000001/insights?metric=reach%2Cviews" },
        { method: "GET", relative_url: "v25.0/17890000000000002/insights?metric=reach%2Cviews" },
      ])
    })

    it("keeps the path's own version when it is the client's, and refuses another version, absolute URLs and dot segments", async () => {
      server.handle((_req, res) => sendJson(res, 200, [ok({ id: "1" })]))
      await client().batch([{ method: "GET", relative_url: "/v25.0/1?fields=id" }], { token: TOKEN })
      expect(operationsOf(server.requests[0])[0].relative_url).toBe("v25.0/1?fields=id")
      const c = client()
      await expect(c.batch([{ method: "GET", relative_url: "v21.0/1" }], { token: TOKEN })).rejects.toThrow(/v21\.0.*v25\.0/)
      await expect(c.batch([{ method: "GET", relative_url: "https://evil.example/1" }], { token: TOKEN })).rejects.toThrow(/absolute/)
      await expect(c.batch([{ method: "GET", relative_url: "1/../../me" }], { token: TOKEN })).rejects.toThrow(/\.\./)
      await expect(c.batch([{ method: "GET", relative_url: "" }], { token: TOKEN })).rejects.toThrow(/needs a path/)
      expect(server.requests).toHaveLength(1)
    })

    it("gives a sub-request with another token its own access_token and appsecret_proof; the top-level token covers the rest", async () => {
      server.handle((_req, res) => sendJson(res, 200, [ok({}), ok({}), ok({})]))
      await client().batch(
        [insights("1"), { ...insights("2"), token: OTHER_TOKEN }, { ...insights("3"), token: TOKEN }],
        { token: TOKEN }
      )
      const [first, second, third] = operationsOf(server.requests[0])
      expect(first.relative_url).not.toContain("access_token")
      expect(third.relative_url).not.toContain("access_token")
      const query = new URLSearchParams(second.relative_url.split("?")[1])
      expect(query.get("access_token")).toBe(OTHER_TOKEN)
      expect(query.get("appsecret_proof")).toBe(proof(OTHER_TOKEN))
      expect(query.get("metric")).toBe("reach,views")
    })

    it("sends a POST sub-request's parameters url-encoded in its body, with its own credentials there", async () => {
      server.handle((_req, res) => sendJson(res, 200, [ok({ id: "c1" })]))
      await client().batch(
        [{ method: "POST", relative_url: "1/comments", body: { message: "Café & co", list: [1, 2] }, token: OTHER_TOKEN, name: "op1" }],
        { token: TOKEN }
      )
      const [op] = operationsOf(server.requests[0])
      expect(op.relative_url).toBe("v25.0/1/comments")
      expect(op.name).toBe("op1")
      const form = new URLSearchParams(op.body)
      expect(form.get("message")).toBe("Café & co")
      expect(form.get("list")).toBe("[1,2]")
      expect(form.get("access_token")).toBe(OTHER_TOKEN)
      expect(form.get("appsecret_proof")).toBe(proof(OTHER_TOKEN))
    })

    it("refuses more than 50 requests with a clear error and sends nothing; 50 go out", async () => {
      server.handle((req, res) => sendJson(res, 200, operationsOf(req).map(() => ok({}))))
      const many = Array.from({ length: GRAPH_BATCH_MAX_REQUESTS + 1 }, (_, i) => insights(String(i + 1)))
      await expect(client().batch(many, { token: TOKEN })).rejects.toThrow(
        "GraphClient.batch: Meta takes at most 50 requests per batch, got 51; split them into batches of 50"
      )
      expect(server.requests).toHaveLength(0)
      const items = await client().batch(many.slice(0, 50), { token: TOKEN })
      expect(items).toHaveLength(50)
      expect(server.requests).toHaveLength(1)
    })

    it("answers an empty batch without calling Meta, and refuses a batch without a top-level token", async () => {
      server.handle((_req, res) => sendJson(res, 200, []))
      await expect(client().batch([], { token: TOKEN })).resolves.toEqual([])
      await expect(client().batch([insights("1")], { token: "" })).rejects.toThrow(/top-level token/)
      await expect(client().batch([insights("1")], undefined as never)).rejects.toThrow(/top-level token/)
      expect(server.requests).toHaveLength(0)
    })

    it("refuses credentials inside relative_url, a body on GET, an empty sub-token and unknown methods", async () => {
      const c = client()
      await expect(c.batch([{ method: "GET", relative_url: `1?access_token=${OTHER_TOKEN}` }], { token: TOKEN })).rejects.toThrow(
        /credentials in relative_url/
      )
      await expect(c.batch([{ method: "GET", relative_url: "1", body: { a: 1 } }], { token: TOKEN })).rejects.toThrow(/take no body/)
      await expect(c.batch([{ method: "GET", relative_url: "1", token: "" }], { token: TOKEN })).rejects.toThrow(/token must not be empty/)
      await expect(c.batch([{ method: "PUT" as never, relative_url: "1" }], { token: TOKEN })).rejects.toThrow(/GET, POST or DELETE/)
      await expect(c.batch([{ method: "GET" } as never], { token: TOKEN })).rejects.toThrow(/relative_url/)
      expect(server.requests).toHaveLength(0)
    })
  })

  describe("the answers", () => {
    it("parses each sub-answer body and keeps the order", async () => {
      server.handle((_req, res) =>
        sendJson(res, 200, [ok({ data: [{ name: "reach", values: [{ value: 10 }] }] }), ok({ data: [] }, 200)])
      )
      const items = await client().batch<{ data: unknown[] }>([insights("1"), insights("2")], { token: TOKEN })
      expect(items).toEqual([
        { code: 200, body: { data: [{ name: "reach", values: [{ value: 10 }] }] } },
        { code: 200, body: { data: [] } },
      ])
    })

    it("surfaces each failed sub-request as a typed GraphError without failing the others", async () => {
      server.handle((_req, res) =>
        sendJson(res, 200, [
          fail(400, { message: "Error validating access token: Session has expired", code: 190, error_subcode: 463, fbtrace_id: "T1" }),
          ok({ data: [{ name: "reach", values: [{ value: 3 }] }] }),
          fail(400, { message: "(#10) Not enough viewers for the media to show insights", code: 10 }),
          fail(400, { message: "(#100) The value must be a valid insights metric", code: 100 }),
          fail(500, { message: "An unknown error occurred", code: 1, is_transient: true }),
        ])
      )
      const items = await client().batch([insights("1"), insights("2"), insights("3"), insights("4"), insights("5")], { token: TOKEN })
      expect(items[0].error).toBeInstanceOf(GraphError)
      expect(items[0]).toMatchObject({ code: 400, body: undefined })
      expect(items[0].error).toMatchObject({ category: "auth", code: 190, subcode: 463, fbtraceId: "T1", httpStatus: 400, method: "GET", path: "/v25.0/1/insights" })
      expect(items[1]).toEqual({ code: 200, body: { data: [{ name: "reach", values: [{ value: 3 }] }] } })
      expect(items[2].error).toMatchObject({ category: "permission", code: 10, message: "(#10) Not enough viewers for the media to show insights" })
      expect(items[3].error).toMatchObject({ category: "invalid", code: 100 })
      expect(items[4].error).toMatchObject({ category: "transient", isTransient: true, code: 1 })
      // a failed sub-request is not retried by the client: the batch answered
      expect(server.requests).toHaveLength(1)
      expect(sleeps).toEqual([])
    })

    it("turns a null sub-answer (Meta did not run it) and missing trailing answers into transient errors", async () => {
      server.handle((_req, res) => sendJson(res, 200, [null, ok({ id: "2" })]))
      const items = await client().batch([insights("1"), insights("2"), insights("3")], { token: TOKEN })
      expect(items[0]).toMatchObject({ code: null, body: undefined })
      expect(items[0].error).toMatchObject({ category: "transient", isTransient: true, path: "/v25.0/1/insights" })
      expect(items[0].error?.message).toMatch(/not run/)
      expect(items[1]).toEqual({ code: 200, body: { id: "2" } })
      expect(items[2].error?.category).toBe("transient")
    })

    it("types sub-answers without an error object by their status, and odd items as invalid", async () => {
      server.handle((_req, res) =>
        sendJson(res, 200, [
          { code: 502, body: "<html>Bad Gateway</html>" },
          { code: 404, body: "" },
          { code: 200, body: "{not json" },
          "nonsense",
          { body: "{}" },
          { code: 200, body: { already: "parsed" } },
          { code: 204, body: "" },
        ])
      )
      const items = await client().batch(
        ["1", "2", "3", "4", "5", "6", "7"].map((id) => insights(id)),
        { token: TOKEN }
      )
      expect(items[0].error).toMatchObject({ category: "transient", httpStatus: 502 })
      expect(items[1].error).toMatchObject({ category: "invalid", httpStatus: 404 })
      expect(items[2].error?.message).toMatch(/not JSON/)
      expect(items[3].error?.message).toMatch(/not an object/)
      expect(items[4].error?.message).toMatch(/no status code/)
      expect(items[5]).toEqual({ code: 200, body: { already: "parsed" } })
      expect(items[6]).toEqual({ code: 204, body: undefined })
    })

    it("gives a throttled sub-request the wait the outer BUC header names for its object", async () => {
      server.handle((_req, res) =>
        sendJson(
          res,
          200,
          [fail(400, { message: "(#80002) There have been too many calls to this Instagram account", code: 80002 }), ok({})],
          {
            "x-business-use-case-usage": JSON.stringify({
              "17841400000000001": [{ type: "instagram", call_count: 100, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: 3 }],
              "99999": [{ type: "instagram", estimated_time_to_regain_access: 50 }],
            }),
          }
        )
      )
      const items = await client().batch(
        [{ method: "GET", relative_url: "17841400000000001/insights?metric=reach" }, insights("2")],
        { token: TOKEN }
      )
      expect(items[0].error).toMatchObject({ category: "throttled", code: 80002, retryAfterMs: 3 * 60_000 })
      expect(items[1].error).toBeUndefined()
    })

    it("records the outer response's usage headers like any other call", async () => {
      server.handle((_req, res) =>
        sendJson(res, 200, [ok({})], {
          "x-app-usage": JSON.stringify({ call_count: 21, total_cputime: 3, total_time: 4 }),
          "x-business-use-case-usage": JSON.stringify({ "30001": [{ type: "pages", call_count: 7, total_cputime: 1, total_time: 1 }] }),
        })
      )
      const c = client({ now: () => 5_000 })
      await c.batch([insights("30001_1")], { token: TOKEN })
      expect(c.usage().app).toEqual({ callCount: 21, totalCputime: 3, totalTime: 4, updatedAt: 5_000 })
      expect(c.usage().businessUseCase["30001"].entries[0]).toMatchObject({ type: "pages", callCount: 7 })
    })

    it("never leaks a sub-request's token, the app secret or a proof through sub-answer errors", async () => {
      server.handle((_req, res) =>
        sendJson(res, 200, [
          fail(400, {
            message: `Invalid OAuth access token - Cannot parse access token: ${OTHER_TOKEN} proof ${proof(OTHER_TOKEN)} secret ${APP_SECRET}`,
            error_user_msg: `token=${TOKEN}`,
            code: 190,
          }),
        ])
      )
      const [item] = await client().batch([{ ...insights("1"), token: OTHER_TOKEN }], { token: TOKEN })
      expect(item.error?.message).toContain("[redacted]")
      expectNoSecrets(item.error?.message ?? "")
      expectNoSecrets(item.error?.userMessage ?? "")
      expectNoSecrets(inspect(item.error))
      expectNoSecrets(JSON.stringify(item.error))
      expectNoSecrets(logs.join("\n"))
    })
  })

  describe("the whole call", () => {
    it("throws Meta's error when the batch itself fails (the top-level token is refused)", async () => {
      server.handle((_req, res) => metaError(res, 400, { message: `Error validating access token ${TOKEN} / ${OTHER_TOKEN}`, code: 190 }))
      const error = await failure(client().batch([insights("1"), { ...insights("2"), token: OTHER_TOKEN }], { token: TOKEN }))
      expect(error).toMatchObject({ category: "auth", code: 190, method: "POST", path: "/v25.0/" })
      expectNoSecrets(error.message)
      expect(server.requests).toHaveLength(1)
    })

    it("refuses an answer that is not an array", async () => {
      server.handle((_req, res) => sendJson(res, 200, { data: [] }))
      const error = await failure(client().batch([insights("1")], { token: TOKEN }))
      expect(error.category).toBe("invalid")
      expect(error.message).toBe("Graph batch answer is not an array")
    })

    it("retries a GET-only batch on a transient failure, then succeeds", async () => {
      server.sequence(
        (_req, res) => metaError(res, 503, { message: "Service temporarily unavailable", code: 2 }),
        (_req, res) => sendJson(res, 200, [ok({ id: "1" })])
      )
      await expect(client().batch([insights("1")], { token: TOKEN })).resolves.toEqual([{ code: 200, body: { id: "1" } }])
      expect(server.requests).toHaveLength(2)
      expect(sleeps).toHaveLength(1)
      expect(logs.some((l) => /warn Graph POST \/v25\.0\/ failed \(transient #2\): retrying/.test(l))).toBe(true)
      for (const req of server.requests) expect(JSON.parse(req.body).appsecret_proof).toBe(proof(TOKEN))
    })

    it("never retries a batch that holds a POST (it may have taken effect), even with retry: true", async () => {
      server.handle((_req, res) => metaError(res, 500, { message: "x", code: 2 }))
      await failure(
        client().batch([insights("1"), { method: "POST", relative_url: "1/comments", body: { message: "hi" } }], { token: TOKEN, retry: true })
      )
      expect(server.requests).toHaveLength(1)
      expect(sleeps).toEqual([])
    })

    it("does not retry a GET-only batch with retry: false", async () => {
      server.handle((_req, res) => metaError(res, 500, { message: "x", code: 2 }))
      await failure(client().batch([insights("1")], { token: TOKEN, retry: false }))
      expect(server.requests).toHaveLength(1)
    })

    it("times out like other calls", async () => {
      server.handle((_req, res) => {
        setTimeout(() => sendJson(res, 200, [ok({})]), 400)
      })
      const error = await failure(client({ maxRetries: 0 }).batch([insights("1")], { token: TOKEN, timeoutMs: 60 }))
      expect(error.message).toBe("Graph API request timed out after 60 ms")
    })
  })
})
