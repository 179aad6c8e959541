import { startGraphEmulator, type GraphEmulator } from "../index"
import { graphGet, proofFor, userToken, type GraphAnswer } from "./emulator-test-client"

const IG = "40001"
const PAGE = "30001"

type Operation = { method: string; relative_url: string; body?: string; name?: string; depends_on?: string; omit_response_on_success?: boolean }

describe("Graph emulator: batch requests and multi-id reads", () => {
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

  /** POST /v25.0/ form-encoded, the way the Business SDKs send a batch. */
  async function batch(operations: Operation[] | string, extra: Record<string, string> = {}, as: string | null = token): Promise<GraphAnswer> {
    const form = new URLSearchParams({ batch: typeof operations === "string" ? operations : JSON.stringify(operations), ...extra })
    if (as) {
      form.set("access_token", as)
      form.set("appsecret_proof", proofFor(as))
    }
    const response = await fetch(`${emulator.url}/v25.0/`, { method: "POST", body: form })
    const text = await response.text()
    return { status: response.status, body: JSON.parse(text), headers: response.headers }
  }

  const get = (relative_url: string, more: Partial<Operation> = {}): Operation => ({ method: "GET", relative_url, ...more })

  it("answers 50 operations in one HTTP call, in order, each {code, headers, body: JSON string}, each counted", async () => {
    const before = JSON.parse((await graphGet(emulator, "me", token)).headers.get("x-app-usage") ?? "{}").call_count
    const operations = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? get(`${PAGE}?fields=id,name`) : get(`v25.0/${IG}?fields=followers_count`)))
    const answer = await batch(operations)
    expect(answer.status).toBe(200)
    expect(answer.body).toHaveLength(50)
    expect(answer.body[0]).toEqual({
      code: 200,
      headers: expect.arrayContaining([
        { name: "Content-Type", value: "application/json; charset=UTF-8" },
        { name: "X-App-Usage", value: expect.any(String) },
        { name: "X-Business-Use-Case-Usage", value: expect.stringContaining(PAGE) },
      ]),
      body: expect.any(String),
    })
    expect(JSON.parse(answer.body[0].body)).toEqual({ id: PAGE, name: "Acme Store" })
    expect(JSON.parse(answer.body[1].body)).toEqual({ id: IG, followers_count: 5400 })

    // One HTTP request in the log, 50 Graph calls; usage grew by 50 calls (200 calls = 100 %).
    expect(emulator.requests({ method: "POST" })).toHaveLength(1)
    expect(emulator.requestCounts({ method: "POST" })).toEqual({ http: 1, logical: 0, batched: 1 })
    expect(emulator.requestCounts()).toEqual({ http: 2, logical: 51, batched: 1 })
    expect(emulator.insights.requestCounts({ path: `/${IG}` })).toEqual({ http: 0, logical: 25, batched: 0 })
    const usage = JSON.parse(answer.headers.get("x-app-usage") ?? "{}").call_count
    expect(usage - before).toBe(25)
    const buc = JSON.parse(answer.headers.get("x-business-use-case-usage") ?? "{}")
    expect(Object.keys(buc).sort()).toEqual([PAGE, IG])
  })

  it("refuses 51 operations with (#1) and runs none of them", async () => {
    const answer = await batch(Array.from({ length: 51 }, () => get("me")))
    expect(answer.status).toBe(400)
    expect(answer.body.error).toMatchObject({ code: 1, message: "(#1) Too many requests in batch message. Maximum batch size is 50" })
    expect(emulator.requestCounts()).toEqual({ http: 1, logical: 1, batched: 0 })
  })

  it("refuses a batch that is not a JSON array, an operation without relative_url, and a batch without an access token", async () => {
    expect((await batch("{nope")).body.error.code).toBe(100)
    expect((await batch("[]")).body.error.code).toBe(100)
    expect((await batch([{ method: "GET" } as Operation])).body.error.message).toContain("relative_url")
    expect((await batch([get("me")], {}, null)).body.error.code).toBe(104)
  })

  it("include_headers=false leaves headers out; a JSON body works like a form", async () => {
    const bare = await batch([get("me")], { include_headers: "false" })
    expect(bare.body).toEqual([{ code: 200, body: expect.stringContaining('"id":"10002"') }])
    const response = await fetch(`${emulator.url}/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ access_token: token, appsecret_proof: proofFor(token), batch: [get("me?fields=name")] }),
    })
    expect(((await response.json()) as { code: number }[])[0].code).toBe(200)
  })

  it("one failing operation fails alone: its own bad token answers 190, the others use the outer token", async () => {
    const answer = await batch([get("me"), get("me?access_token=EAAnot-a-token"), get(`${IG}/insights?metric=impressions&period=day`)])
    expect(answer.body.map((a: { code: number }) => a.code)).toEqual([200, 400, 400])
    expect(JSON.parse(answer.body[1].body).error.code).toBe(190)
    expect(answer.body[1].headers).toEqual(expect.arrayContaining([{ name: "WWW-Authenticate", value: expect.stringContaining("invalid_token") }]))
    expect(JSON.parse(answer.body[2].body).error.code).toBe(100)
  })

  it("POST operations with a url-encoded body, and DELETE", async () => {
    const answer = await batch([
      { method: "POST", relative_url: "20001/adspixels", body: "name=Batched%20Pixel" },
      { method: "DELETE", relative_url: "me/permissions/email" },
    ])
    expect(answer.body.map((a: { code: number }) => a.code)).toEqual([200, 200])
    const id = JSON.parse(answer.body[0].body).id
    expect(emulator.state.pixels[id]).toMatchObject({ name: "Batched Pixel" })
  })

  it("depends_on and {result=name:$.path}: the referenced answer is omitted, a failed dependency leaves null", async () => {
    const user = await userToken(emulator, "pages_show_list,pages_read_engagement")
    const answer = await batch(
      [
        get("me/accounts?fields=id", { name: "pages" }),
        get("{result=pages:$.data.0.id}?fields=name"),
        get("nope-404", { name: "broken" }),
        get("me", { depends_on: "broken" }),
        get("me/accounts?fields=id", { name: "kept", omit_response_on_success: false }),
        get("{result=kept:$.data.*.id}"),
      ],
      {},
      user
    )
    expect(answer.body[0]).toBeNull()
    expect(JSON.parse(answer.body[1].body)).toEqual({ id: PAGE, name: "Acme Store" })
    expect(answer.body[2].code).toBe(400)
    expect(answer.body[3]).toBeNull()
    expect(JSON.parse(answer.body[4].body).data).toHaveLength(2)
    // Several matches join with commas; "30001,30002" is not one id.
    expect(answer.body[5].code).toBe(400)
    const [entry] = emulator.requests({ method: "POST", path: /^\/v25\.0\/$/ })
    expect(entry.subRequests?.map((s) => s.status)).toEqual([200, 200, 400, null, 200, 400])
  })

  it("faults apply to operations: a 5xx answers inside the batch, a timeout leaves null", async () => {
    emulator.injectFault({ kind: "5xx", path: `/${PAGE}`, status: 503 })
    emulator.injectFault({ kind: "timeout", path: "/me" })
    const answer = await batch([get(PAGE), get("me"), get(IG)])
    expect(answer.status).toBe(200)
    expect(answer.body[0].code).toBe(503)
    expect(JSON.parse(answer.body[0].body).error).toMatchObject({ code: 2, is_transient: true })
    expect(answer.body[1]).toBeNull()
    expect(answer.body[2].code).toBe(200)
  })

  it("records the batch once, tokens redacted inside the batch parameter and the operations", async () => {
    const other = emulator.createSystemUserToken()
    const own = `access_token=${other}&appsecret_proof=${proofFor(other)}`
    await batch([get(`me?${own}`), { method: "POST", relative_url: "20001/adspixels", body: `name=P&${own}` }])
    const log = JSON.stringify(emulator.requests())
    for (const secret of [token, other, proofFor(token), proofFor(other)]) expect(log).not.toContain(secret)
    const [entry] = emulator.requests()
    expect(entry.path).toBe("/v25.0/")
    expect(entry.subRequests).toEqual([
      expect.objectContaining({ index: 0, method: "GET", path: "/v25.0/me", query: { access_token: "[redacted]", appsecret_proof: "[redacted]" }, status: 200 }),
      expect.objectContaining({
        index: 1,
        method: "POST",
        path: "/v25.0/20001/adspixels",
        body: { name: "P", access_token: "[redacted]", appsecret_proof: "[redacted]" },
        status: 200,
      }),
    ])
    expect(emulator.logicalRequests().map((r) => [r.path, r.within?.index])).toEqual([
      ["/v25.0/me", 0],
      ["/v25.0/20001/adspixels", 1],
    ])
    const control = await (await fetch(`${emulator.url}/_emulator/requests?logical=true`)).json()
    expect(control.counts).toEqual({ http: 1, logical: 2, batched: 1 })
    expect(control.requests).toHaveLength(2)
  })

  describe("multi-id reads", () => {
    it("GET /?ids=a,b&fields=… answers an object keyed by id, each id counted", async () => {
      const answer = await graphGet(emulator, "", token, { ids: `${PAGE},30002`, fields: "name" })
      expect(answer.body).toEqual({ [PAGE]: { name: "Acme Store", id: PAGE }, "30002": { name: "Acme Outlet", id: "30002" } })
      expect(emulator.requestCounts()).toEqual({ http: 1, logical: 2, batched: 1 })
    })

    it("fails the whole read when an id does not exist (803) or one is not allowed, and over 50 ids", async () => {
      const missing = await graphGet(emulator, "", token, { ids: `${PAGE},999999`, fields: "name" })
      expect(missing.status).toBe(404)
      expect(missing.body.error).toMatchObject({ code: 803, message: "(#803) Some of the aliases you requested do not exist: 999999" })
      const weak = emulator.createSystemUserToken({ scopes: ["pages_show_list"] })
      expect((await graphGet(emulator, "", weak, { ids: `${PAGE},${IG}`, fields: "id" })).body.error.code).toBe(10)
      const many = Array.from({ length: 51 }, (_, i) => String(30001 + i)).join(",")
      expect((await graphGet(emulator, "", token, { ids: many })).body.error.message).toBe("(#100) Too many IDs. Maximum: 50. Provided: 51.")
    })
  })
})
