import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { startGraphEmulator } from "../index"
import { APP_ID, APP_SECRET, authorize, exchangeCode, graphGet, graphSend, proofFor, userToken } from "./emulator-test-client"

describe("Graph emulator: request log and persistence", () => {
  let dir: string

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "meta-emulator-"))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it("records every Graph request with credentials redacted", async () => {
    const emulator = await startGraphEmulator()
    try {
      const code = await authorize(emulator)
      const short = (await exchangeCode(emulator, code)).body.access_token
      await graphGet(emulator, "oauth/access_token", undefined, {
        grant_type: "fb_exchange_token",
        client_id: APP_ID,
        client_secret: APP_SECRET,
        fb_exchange_token: short,
      })
      await graphGet(emulator, "debug_token", `${APP_ID}|${APP_SECRET}`, { input_token: short })
      await graphSend(emulator, "POST", "20001/adspixels", short, { name: "Logged Pixel" })

      const everything = JSON.stringify(emulator.requests())
      for (const secret of [short, APP_SECRET, proofFor(short)]) expect(everything).not.toContain(secret)

      const [exchange] = emulator.requests({ path: "oauth/access_token" })
      expect(exchange).toMatchObject({
        method: "GET",
        path: "/v25.0/oauth/access_token",
        status: 200,
        query: { client_id: APP_ID, client_secret: "[redacted]", code },
      })
      const [debug] = emulator.requests({ path: /debug_token$/ })
      expect(debug.query).toMatchObject({ input_token: "[redacted]", access_token: "[redacted]" })
      const [post] = emulator.requests({ method: "post", path: "adspixels" })
      expect(post.body).toEqual({ access_token: "[redacted]", appsecret_proof: "[redacted]", name: "Logged Pixel" })
      expect(emulator.requests({ path: "/_emulator" })).toEqual([])
    } finally {
      await emulator.close()
    }
  })

  it("keeps the world across restarts in persistPath", async () => {
    const persistPath = join(dir, "nested", "world.json")
    const first = await startGraphEmulator({ persistPath })
    const token = await userToken(first)
    const catalog = await graphSend(first, "POST", "20001/owned_product_catalogs", token, { name: "Persisted Catalog" })
    const systemToken = first.createSystemUserToken()
    await first.close()
    expect(existsSync(persistPath)).toBe(true)
    expect(JSON.parse(readFileSync(persistPath, "utf8")).catalogs[catalog.body.id].name).toBe("Persisted Catalog")

    const second = await startGraphEmulator({ persistPath })
    try {
      const read = await graphGet(second, catalog.body.id, token)
      expect(read.body).toEqual({ id: catalog.body.id, name: "Persisted Catalog" })
      expect((await graphGet(second, "me", systemToken)).status).toBe(200)
      const next = await graphSend(second, "POST", "20001/adspixels", token, { name: "After restart" })
      expect(next.body.id).not.toBe(catalog.body.id)
      second.reset()
      expect(second.state.catalogs).toEqual({})
    } finally {
      await second.close()
    }
    expect(JSON.parse(readFileSync(persistPath, "utf8")).catalogs).toEqual({})
  })

  it("starts empty with seed: false and refuses a corrupt state file", async () => {
    const empty = await startGraphEmulator({ seed: false })
    try {
      expect(empty.state.businesses).toEqual({})
      expect(() => empty.createSystemUserToken()).toThrow(/No business/)
    } finally {
      await empty.close()
    }
    const corrupt = join(dir, "corrupt.json")
    writeFileSync(corrupt, "{not json")
    await expect(startGraphEmulator({ persistPath: corrupt })).rejects.toThrow(/is not valid JSON/)
  })
})
