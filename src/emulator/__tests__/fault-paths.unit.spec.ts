import { faultPathMatcher } from "../faults"
import { startGraphEmulator, type GraphEmulator } from "../index"
import { graphGet, graphSend } from "./emulator-test-client"

describe("faultPathMatcher: a fault's path is a substring unless it is a real /pattern/flags", () => {
  it.each<[string, string | undefined, string, boolean]>([
    ["no path matches every request", undefined, "/v25.0/me", true],
    ["empty path matches every request", "", "/v25.0/me", true],
    ["a Graph path with an edge is a substring, not pattern 60001 with flags 'events'", "/60001/events", "/v25.0/60001/events", true],
    ["…so it does not match another edge of the same object", "/60001/events", "/v25.0/60001/adspixels", false],
    ["…nor a path that only contains the digits", "/60001/events", "/v25.0/600011/events", false],
    ["edge whose letters are not all flags: substring", "/act_1/ads", "/v25.0/act_1/ads", true],
    ["substring is case-sensitive", "/ME", "/v25.0/me", false],
    ["regex without flags", "/me$/", "/v25.0/me", true],
    ["regex anchors hold", "/me$/", "/v25.0/me/accounts", false],
    ["regex with the i flag", "/^\\/v25\\.0\\/ME$/i", "/v25.0/me", true],
    ["regex with several flags", "/items_batch$/im", "/v25.0/70001/items_batch", true],
    ["regex with an alternation", "/(items_batch|check_batch_request_status)/", "/v25.0/70001/check_batch_request_status", true],
    ["a trailing slash alone makes a flagless regex", "/70001/", "/v25.0/70001/items_batch", true],
  ])("%s", (_, path, requestPath, expected) => {
    expect(faultPathMatcher(path)(requestPath)).toBe(expected)
  })

  it("with g or y, every request is tested from the start, not where the last one stopped", () => {
    for (const flags of ["g", "y", "gy"]) {
      const matches = faultPathMatcher(`/^\\/v25\\.0\\/me/${flags}`)
      expect([matches("/v25.0/me"), matches("/v25.0/me"), matches("/v25.0/me")]).toEqual([true, true, true])
    }
  })

  it.each([
    ["an unbalanced group", "/items_(batch/"],
    ["a repeated flag", "/me/ii"],
  ])("refuses a /pattern/flags path with %s up front, naming the path", (_, path) => {
    expect(() => faultPathMatcher(path)).toThrow(`Fault path ${path} is not a valid /pattern/flags regular expression`)
  })
})

describe("Graph emulator: faults on Graph paths", () => {
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

  it("a fault on /60001/events answers that edge only; other requests are served normally", async () => {
    emulator.injectFault({ kind: "invalid_token", path: "/60001/events", times: -1 })
    expect((await graphGet(emulator, "me", token)).status).toBe(200)
    const sent = await graphSend(emulator, "POST", "60001/events", token, { data: [] })
    expect(sent.status).toBe(400)
    expect(sent.body.error).toMatchObject({ code: 190 })
  })

  it("the control API answers 400 for a path that is no valid regular expression, and keeps no fault", async () => {
    const post = (body: unknown) =>
      fetch(`${emulator.url}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
    const refused = await post({ kind: "5xx", path: "/items_(batch/" })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain("not a valid /pattern/flags regular expression")
    const listed = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as { faults: unknown[] }
    expect(listed.faults).toEqual([])
    expect((await graphGet(emulator, "me", token)).status).toBe(200)
  })
})
