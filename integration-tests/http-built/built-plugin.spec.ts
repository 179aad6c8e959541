import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import path from "node:path"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { GraphEmulator, startGraphEmulator } from "../../src/emulator"
import { createAdminHeaders } from "../helpers/admin-auth"
import { answerConsent } from "../helpers/consent"
import { installPackedPlugin } from "../helpers/install-packed-plugin"
import { waitFor } from "../helpers/meta-env"

jest.setTimeout(120_000)

// Nothing in the environment configures the plugin: everything comes from the fixture's plugin options.
for (const name of Object.keys(process.env).filter((k) => k.startsWith("META_"))) {
  delete process.env[name]
}

// The fixture app depends on the plugin by name, like a store that ran `npm install medusa-plugin-meta`.
const fixtureDir = path.join(__dirname, "../app-fixture")
const installed = installPackedPlugin(fixtureDir)

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
  medusaConfigFile: fixtureDir,
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

      // The publishing module ships inside the plugin: registered without a `modules` entry, its tables migrated.
      const publications = await api.get("/admin/meta/publications", { headers })
      expect(publications.data).toEqual({ publications: [], count: 0, offset: 0, limit: 50 })
      expect((await api.get("/admin/meta/publishing/accounts", { headers })).data).toEqual({ accounts: [] })
      // …and so does the ads module.
      const campaigns = await api.get("/admin/meta/campaigns", { headers })
      expect(campaigns.data).toMatchObject({ account: null, campaigns: [], count: 0, offset: 0, limit: 50 })
      expect((await api.get("/admin/meta/rules", { headers })).data).toMatchObject({ rules: [], count: 0 })
      // …and the overview module (alerts, spend days, API usage), whose tables the overview reads and writes.
      const { overview } = (await api.get("/admin/meta/overview", { headers })).data
      expect(overview).toMatchObject({ connection: null, alerts: [], publishing: { total: 0 }, capi: { sent: 0, match_quality: { events: 0 } } })
      expect((await api.get("/admin/meta/alerts/settings", { headers })).status).toBe(200)
    })

    it("ships an admin bundle without secrets or server-only settings", () => {
      for (const file of ["index.mjs", "index.js"]) {
        const bundle = readFileSync(path.join(installed, ".medusa/server/src/admin", file), "utf8")
        expect(bundle).toContain("Connect with Meta")
        for (const secret of ["fixture-app-secret", "sandbox-app-secret", "META_APP_SECRET", "META_ENCRYPTION_KEY", "appSecret", "encryptionKey"]) {
          expect(bundle).not.toContain(secret)
        }
      }
    })

    it("resolves, by name from the store, the entry points README documents and nothing else", () => {
      // Node's own resolution from the fixture's directory (require and import conditions), as Medusa,
      // the admin bundler and a storefront do it.
      const script = `
        import { createRequire } from "node:module"
        const require = createRequire(process.cwd() + "/")
        const resolve = (request) => { try { return require.resolve(request) } catch (error) { return error.code } }
        const requests = ${JSON.stringify([
          "package.json",
          "workflows",
          "emulator",
          "browser",
          "admin",
          ".medusa/server/src/modules/meta",
          ".medusa/server/src/modules/meta-publishing",
          ".medusa/server/src/modules/meta-ads",
          ".medusa/server/src/modules/meta-overview",
          "lib/graph",
          "modules/meta",
          ".medusa/server/src/lib/graph/index.js",
          ".medusa/server/src/api/middlewares",
        ])}
        const resolved = Object.fromEntries(requests.map((r) => [r, resolve("medusa-plugin-meta/" + r)]))
        resolved["admin (import)"] = import.meta.resolve("medusa-plugin-meta/admin")
        console.log(JSON.stringify(resolved))
      `
      const resolved = JSON.parse(
        execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: fixtureDir, encoding: "utf8" })
      )
      const file = (relative: string) => path.join(installed, relative)
      expect(resolved).toEqual({
        "package.json": file("package.json"),
        workflows: file(".medusa/server/src/workflows/index.js"),
        emulator: file(".medusa/server/src/emulator/index.js"),
        browser: file(".medusa/server/src/browser/meta-pixel.js"),
        admin: file(".medusa/server/src/admin/index.js"),
        "admin (import)": `file://${file(".medusa/server/src/admin/index.mjs")}`,
        ".medusa/server/src/modules/meta": file(".medusa/server/src/modules/meta/index.js"),
        ".medusa/server/src/modules/meta-publishing": file(".medusa/server/src/modules/meta-publishing/index.js"),
        ".medusa/server/src/modules/meta-ads": file(".medusa/server/src/modules/meta-ads/index.js"),
        ".medusa/server/src/modules/meta-overview": file(".medusa/server/src/modules/meta-overview/index.js"),
        "lib/graph": "ERR_PACKAGE_PATH_NOT_EXPORTED",
        "modules/meta": "ERR_PACKAGE_PATH_NOT_EXPORTED",
        ".medusa/server/src/lib/graph/index.js": "ERR_PACKAGE_PATH_NOT_EXPORTED",
        ".medusa/server/src/api/middlewares": "ERR_PACKAGE_PATH_NOT_EXPORTED",
      })
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

    it("syncs the catalog through the compiled catalog pass thread, on its own named database connection", async () => {
      const connected = await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken() }, { headers })
      expect(connected.status).toBe(200)
      const catalogId = connected.data.connection.selected.catalog_id
      // Two variants that predate nothing: written behind Medusa's back, so only a full sync finds them.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows: [store] } = await pg.raw(`SELECT default_sales_channel_id FROM store WHERE deleted_at IS NULL LIMIT 1`)
      const { rows: [currency] } = await pg.raw(`SELECT currency_code FROM store_currency WHERE is_default AND deleted_at IS NULL LIMIT 1`)
      const channel = store.default_sales_channel_id
      const code = currency.currency_code
      for (const [sql, bindings] of [
        [`INSERT INTO product (id, title, handle, status, is_giftcard, discountable, thumbnail)
            VALUES ('prod_built', 'Built tee', 'built-tee', 'published', false, true, 'https://cdn.example.com/built.jpg')`, []],
        [`INSERT INTO product_sales_channel (id, product_id, sales_channel_id) VALUES ('prodsc_built', 'prod_built', ?)`, [channel]],
        [`INSERT INTO product_variant (id, title, sku, product_id, manage_inventory, allow_backorder, variant_rank)
            VALUES ('variant_built1', 'S', 'BUILT-S', 'prod_built', false, false, 0), ('variant_built2', 'M', 'BUILT-M', 'prod_built', false, false, 1)`, []],
        [`INSERT INTO price_set (id) VALUES ('pset_built1'), ('pset_built2')`, []],
        [`INSERT INTO product_variant_price_set (id, variant_id, price_set_id)
            VALUES ('pvps_built1', 'variant_built1', 'pset_built1'), ('pvps_built2', 'variant_built2', 'pset_built2')`, []],
        [`INSERT INTO price (id, price_set_id, currency_code, amount, raw_amount, rules_count)
            VALUES ('price_built1', 'pset_built1', ?, 12.5, '{"value":"12.5","precision":20}'::jsonb, 0),
                   ('price_built2', 'pset_built2', ?, 14, '{"value":"14","precision":20}'::jsonb, 0)`, [code, code]],
      ] as [string, string[]][]) {
        await pg.raw(sql, bindings)
      }
      expect((await api.post("/admin/meta/catalog/sync", {}, { headers })).status).toBe(202)

      // The app's own scheduled worker (every 5 s) does the rest.
      await waitFor(
        () => emulator.catalogItems(catalogId).map((i) => i.id).sort(),
        (ids) => ids.join() === "BUILT-M,BUILT-S",
        "both variants in Meta's catalog",
        30_000
      )
      expect(emulator.catalogItems(catalogId).find((i) => i.id === "BUILT-S")).toMatchObject({
        price: `12.50 ${currency.currency_code.toUpperCase()}`,
        link: "https://shop.example.com/products/built-tee",
      })
      // The pass ran on the thread: its connection (idle now, closed 30 s after the last pass) is named.
      const { rows: [threads] } = await pg.raw(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'medusa-plugin-meta catalog pass'`
      )
      expect(threads.n).toBe(1)
    })
  },
})
