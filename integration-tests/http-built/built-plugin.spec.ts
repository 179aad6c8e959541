import { readFileSync } from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { GraphEmulator, startGraphEmulator } from "../../src/emulator"
import { createAdminHeaders } from "../helpers/admin-auth"
import { answerConsent } from "../helpers/consent"

jest.setTimeout(120_000)

// Nothing in the environment configures the plugin: everything comes from the fixture's plugin options.
for (const name of Object.keys(process.env).filter((k) => k.startsWith("META_"))) {
  delete process.env[name]
}

let emulator: GraphEmulator
beforeAll(async () => {
  emulator = await startGraphEmulator({
    port: 9812,
    apps: [{ appId: "5550001", appSecret: "fixture-app-secret", name: "Fixture Store App" }],
  })
})
afterAll(async () => {
  await emulator?.close()
})

medusaIntegrationTestRunner({
  dbName: "meta-it-built-plugin",
  medusaConfigFile: path.join(__dirname, "../app-fixture"),
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    beforeEach(async () => {
      emulator.reset()
      ;({ headers } = await createAdminHeaders(getContainer(), api))
    })

    it("serves the admin routes from .medusa/server with the plugin options, migrations applied", async () => {
      const res = await api.get("/admin/meta/connection", { headers })
      expect(res.status).toBe(200)
      expect(res.data).toEqual({ connection: null })

      const started = await api.post("/admin/meta/oauth/authorize", {}, { headers })
      const url = new URL(started.data.url)
      expect(url.searchParams.get("client_id")).toBe("5550001")
      expect(url.searchParams.get("redirect_uri")).toBe("https://shop.example.com/meta/oauth/callback")
      // features.ads = false: the dialog does not ask for the ads-only permission
      expect(url.searchParams.get("scope")).not.toContain("ads_read")
    })

    it("ships an admin bundle without secrets or server-only settings", () => {
      for (const file of ["index.mjs", "index.js"]) {
        const bundle = readFileSync(path.join(__dirname, "../../.medusa/server/src/admin", file), "utf8")
        expect(bundle).toContain("Connect with Meta")
        for (const secret of ["fixture-app-secret", "sandbox-app-secret", "META_APP_SECRET", "META_ENCRYPTION_KEY", "appSecret", "encryptionKey"]) {
          expect(bundle).not.toContain(secret)
        }
      }
    })

    it("connects through the OAuth round trip like a store owner's install would", async () => {
      const started = await api.post("/admin/meta/oauth/authorize", {}, { headers })
      const back = await answerConsent(started.data.url)
      const callback = await api.get(`/meta/oauth/callback${back.search}`, {
        maxRedirects: 0,
        validateStatus: () => true,
      })
      expect(callback.status).toBe(302)
      expect(callback.headers.location).toBe("https://shop.example.com/app/settings/meta?meta_connected=1")
      const { data } = await api.get("/admin/meta/connection", { headers })
      expect(data.connection.status).toBe("active")
      expect(data.connection.features.ads.enabled).toBe(false)
      expect(data.connection.assets.map((a: any) => a.name)).toContain("Acme Store")
    })
  },
})
