import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import refreshMetaTokensJob from "../../src/jobs/refresh-meta-tokens"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { captureOutput } from "../helpers/capture-output"
import { answerConsent } from "../helpers/consent"
import { TEST_APP_ID, TEST_APP_SECRET, useTestEmulator } from "../helpers/meta-env"

jest.setTimeout(120_000)

const EMULATOR_PORT = 9811
// Set up as the README says: without a verify token the health check fails the webhooks feature.
process.env.META_WEBHOOK_VERIFY_TOKEN = "connection-verify-token"

const emulator = useTestEmulator(EMULATOR_PORT)
const output = captureOutput()
afterAll(() => output.stop())

const noRedirect = { maxRedirects: 0, validateStatus: () => true }

medusaIntegrationTestRunner({
  dbName: "meta-it-connection",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const responses: string[] = []

    const admin = {
      get: (url: string) => api.get(url, { headers, validateStatus: () => true }).then(record),
      post: (url: string, body: unknown = {}) =>
        api.post(url, body, { headers, validateStatus: () => true }).then(record),
      delete: (url: string) => api.delete(url, { headers, validateStatus: () => true }).then(record),
    }
    function record(res: any) {
      responses.push(JSON.stringify(res.data))
      return res
    }

    /** The whole merchant round trip: Connect → Meta consent → callback → back in the admin. */
    async function connectViaOAuth(choice: "continue" | "cancel" = "continue") {
      const started = await admin.post("/admin/meta/oauth/authorize")
      expect(started.status).toBe(200)
      const back = await answerConsent(started.data.url, choice)
      const callback = await api.get(`/meta/oauth/callback${back.search}`, noRedirect)
      expect(callback.status).toBe(302)
      return { dialogUrl: new URL(started.data.url), back, landing: new URL(callback.headers.location) }
    }

    beforeEach(async () => {
      emulator.reset()
      ;({ headers } = await createAdminHeaders(getContainer(), api))
    })

    describe("OAuth round trip", () => {
      it("hands out Meta's dialog URL with the app, redirect URI, scopes and a signed state", async () => {
        const res = await admin.post("/admin/meta/oauth/authorize")
        expect(res.status).toBe(200)
        const url = new URL(res.data.url)
        expect(url.origin).toBe(emulator.url)
        expect(url.pathname).toBe("/v25.0/dialog/oauth")
        expect(url.searchParams.get("client_id")).toBe(TEST_APP_ID)
        expect(url.searchParams.get("redirect_uri")).toBe("http://localhost:9000/meta/oauth/callback")
        expect(url.searchParams.get("response_type")).toBe("code")
        expect(url.searchParams.get("scope")).toContain("catalog_management")
        expect(url.searchParams.get("state")!.length).toBeGreaterThan(20)
      })

      it("connects the store with its assets, and auto-setup creates the catalog and reuses the pixel", async () => {
        const { landing } = await connectViaOAuth()
        expect(landing.pathname).toBe("/app/settings/meta")
        expect(landing.searchParams.get("meta_connected")).toBe("1")

        const { data, status } = await admin.get("/admin/meta/connection")
        expect(status).toBe(200)
        const connection = data.connection
        expect(connection.status).toBe("active")
        expect(connection.method).toBe("oauth")
        expect(connection.meta_user_name).toBe("Alex Merchant")
        expect(connection.granted_scopes).toEqual(expect.arrayContaining(["business_management", "catalog_management"]))
        // a long-lived (~60 day) token, not the short-lived one from the code exchange
        const days = (new Date(connection.token_expires_at).getTime() - Date.now()) / 86_400_000
        expect(days).toBeGreaterThan(55)

        const names = connection.assets.map((a: any) => `${a.type}:${a.name}`)
        expect(names).toEqual(
          expect.arrayContaining([
            "business:Acme Commerce",
            "page:Acme Store",
            "page:Acme Outlet",
            "instagram_account:@acmestore",
            "ad_account:Acme Ads",
            "pixel:Acme Pixel",
          ])
        )
        expect(connection.selected.business_id).toBe("20001")
        expect(connection.selected.page_id).toBeTruthy()
        expect(connection.selected.pixel_id).toBe("60001")
        expect(connection.selected.catalog_id).toBeTruthy()
        const catalog = connection.assets.find((a: any) => a.meta_id === connection.selected.catalog_id)
        expect(catalog.name).toMatch(/\(Medusa\)$/)
        expect(connection.auto_setup).toEqual(
          expect.objectContaining({ catalog_created: true, pixel_created: false, error: null })
        )
        // the rate-limit figures Meta sent are kept for the admin
        expect(connection.api_usage.app).toEqual(
          expect.objectContaining({ call_count: expect.any(Number), updated_at: expect.any(String) })
        )
        // the catalog exists at "Meta"
        expect(emulator.requests({ method: "POST", path: /owned_product_catalogs/ })).toHaveLength(1)
      })

      it("reconnecting keeps the same catalog, pixel and asset rows", async () => {
        await connectViaOAuth()
        const first = (await admin.get("/admin/meta/connection")).data.connection
        await connectViaOAuth()
        const second = (await admin.get("/admin/meta/connection")).data.connection
        expect(second.id).toBe(first.id)
        expect(second.selected).toEqual(first.selected)
        expect(second.assets.map((a: any) => a.id).sort()).toEqual(first.assets.map((a: any) => a.id).sort())
        expect(emulator.requests({ method: "POST", path: /owned_product_catalogs/ })).toHaveLength(1)
        expect(emulator.requests({ method: "POST", path: /adspixels/ })).toHaveLength(0)
      })

      it("rejects a forged state and connects nothing", async () => {
        const started = await admin.post("/admin/meta/oauth/authorize")
        const back = await answerConsent(started.data.url)
        const state = back.searchParams.get("state")!
        const forged = state.slice(0, -3) + (state.endsWith("AAA") ? "BBB" : "AAA")
        const res = await api.get(
          `/meta/oauth/callback?code=${back.searchParams.get("code")}&state=${encodeURIComponent(forged)}`,
          noRedirect
        )
        const landing = new URL(res.headers.location)
        expect(landing.searchParams.get("meta_error")).toBe("invalid_state")
        expect((await admin.get("/admin/meta/connection")).data.connection).toBeNull()
      })

      it("rejects a state that was already used", async () => {
        const started = await admin.post("/admin/meta/oauth/authorize")
        const back = await answerConsent(started.data.url)
        const first = await api.get(`/meta/oauth/callback${back.search}`, noRedirect)
        expect(new URL(first.headers.location).searchParams.get("meta_connected")).toBe("1")
        const again = await api.get(`/meta/oauth/callback${back.search}`, noRedirect)
        const landing = new URL(again.headers.location)
        expect(landing.searchParams.get("meta_error")).toBe("used_state")
        expect(landing.searchParams.get("meta_error_message")).toMatch(/already used/)
      })

      it("rejects a state older than 10 minutes", async () => {
        const started = await admin.post("/admin/meta/oauth/authorize")
        const back = await answerConsent(started.data.url)
        const realNow = Date.now
        const spy = jest.spyOn(Date, "now").mockImplementation(() => realNow() + 11 * 60 * 1000)
        try {
          const res = await api.get(`/meta/oauth/callback${back.search}`, noRedirect)
          expect(new URL(res.headers.location).searchParams.get("meta_error")).toBe("expired_state")
        } finally {
          spy.mockRestore()
        }
        expect((await admin.get("/admin/meta/connection")).data.connection).toBeNull()
      })

      it("says so when the merchant cancels on Meta's dialog", async () => {
        const { back, landing } = await connectViaOAuth("cancel")
        expect(back.searchParams.get("error")).toBe("access_denied")
        expect(landing.searchParams.get("meta_error")).toBe("access_denied")
        expect(landing.searchParams.get("meta_error_message")).toMatch(/cancelled/)
        expect((await admin.get("/admin/meta/connection")).data.connection).toBeNull()
      })

      it("turns a 190 from Meta during the code exchange into a readable error", async () => {
        emulator.injectFault({ path: "oauth/access_token", kind: "invalid_token", times: 5 })
        const { landing } = await connectViaOAuth()
        expect(landing.searchParams.get("meta_error")).toBe("meta_error")
        expect(landing.searchParams.get("meta_error_message")).toMatch(/Meta refused to complete the sign-in: .*\(Meta error 190/)
        expect((await admin.get("/admin/meta/connection")).data.connection).toBeNull()
      })
    })

    describe("system-user token", () => {
      it("connects with a system-user token instead of OAuth", async () => {
        const token = emulator.createSystemUserToken()
        const res = await admin.post("/admin/meta/connection", { access_token: token })
        expect(res.status).toBe(200)
        expect(res.data.connection.method).toBe("system_user")
        expect(res.data.connection.status).toBe("active")
        expect(res.data.connection.token_expires_at).toBeNull()
        expect(res.data.connection.assets.length).toBeGreaterThan(3)
      })

      it("takes the assets to use along with the token", async () => {
        const res = await admin.post("/admin/meta/connection", {
          access_token: emulator.createSystemUserToken(),
          page_id: "30002",
          ad_account_id: "act_50002",
        })
        expect(res.status).toBe(200)
        expect(res.data.connection.selected).toEqual(
          expect.objectContaining({ page_id: "30002", ad_account_id: "act_50002", pixel_id: "60001" })
        )
        const wrong = await admin.post("/admin/meta/connection", {
          access_token: emulator.createSystemUserToken(),
          pixel_id: "123456",
        })
        expect(wrong.status).toBe(400)
        expect(wrong.data.message).toMatch(/pixel_id: 123456 is not a pixel this token can use/)
      })

      it("refuses a token Meta does not know, and stays disconnected", async () => {
        const res = await admin.post("/admin/meta/connection", { access_token: "EAAB" + "x".repeat(60) })
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
        expect(res.data.message).toMatch(/not valid|Meta refused/)
        expect((await admin.get("/admin/meta/connection")).data.connection).toBeNull()
      })
    })

    describe("managing the connection", () => {
      it("lets the admin choose assets, but only ones the connection has", async () => {
        await connectViaOAuth()
        const pages = (await admin.get("/admin/meta/connection")).data.connection.assets.filter(
          (a: any) => a.type === "page"
        )
        const outlet = pages.find((p: any) => p.name === "Acme Outlet")
        // The Instagram account chosen by default belongs to Acme Store: it goes along with that Page.
        const apart = await admin.post("/admin/meta/connection/assets", { page_id: outlet.meta_id })
        expect(apart.status).toBe(400)
        expect(apart.data.message).toMatch(/belongs to the Facebook Page "Acme Store", not to "Acme Outlet"/)
        const ok = await admin.post("/admin/meta/connection/assets", { page_id: outlet.meta_id, instagram_account_id: null })
        expect(ok.status).toBe(200)
        expect(ok.data.connection.selected.page_id).toBe(outlet.meta_id)

        const unknown = await admin.post("/admin/meta/connection/assets", { catalog_id: "999999" })
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toMatch(/catalog_id: 999999 is not a catalog/)
      })

      it("lets the admin override feature toggles and shows missing permissions", async () => {
        await connectViaOAuth()
        const res = await admin.post("/admin/meta/connection/features", { ads: false })
        expect(res.status).toBe(200)
        expect(res.data.connection.features.ads).toEqual(
          expect.objectContaining({ enabled: false, source: "admin" })
        )
        expect(res.data.connection.features.catalog).toEqual(
          expect.objectContaining({ enabled: true, source: "options", missing_permissions: [] })
        )
      })

      it("health check confirms a good token and flags a revoked one", async () => {
        await connectViaOAuth()
        const healthy = await admin.post("/admin/meta/connection/health")
        expect(healthy.status).toBe(200)
        expect(healthy.data.health).toEqual(expect.objectContaining({ token_valid: true, ok: true }))

        const service = getContainer().resolve<MetaModuleService>(META_MODULE)
        const stored = await service.getConnectionToken()
        emulator.revokeToken(stored!.token)
        const broken = await admin.post("/admin/meta/connection/health")
        expect(broken.data.health.token_valid).toBe(false)
        expect(["error", "revoked", "expired"]).toContain(broken.data.connection.status)
        expect(broken.data.connection.last_error).toBeTruthy()
      })

      it("disconnects locally and revokes the app's permissions at Meta", async () => {
        await connectViaOAuth()
        const res = await admin.delete("/admin/meta/connection")
        expect(res.status).toBe(200)
        expect(res.data).toEqual(expect.objectContaining({ object: "meta_connection", deleted: true, revoked_at_meta: true }))
        expect(emulator.requests({ method: "DELETE", path: /me\/permissions/ })).toHaveLength(1)
        expect((await admin.get("/admin/meta/connection")).data.connection).toBeNull()
        const again = await admin.delete("/admin/meta/connection")
        expect(again.status).toBe(404)
      })

      it("disconnects even when Meta is down", async () => {
        await connectViaOAuth()
        emulator.injectFault({ path: "me/permissions", kind: "5xx", times: 10 })
        const res = await admin.delete("/admin/meta/connection")
        expect(res.status).toBe(200)
        expect(res.data.revoked_at_meta).toBe(false)
        expect((await admin.get("/admin/meta/connection")).data.connection).toBeNull()
      })

      it("after a disconnect, reconnecting restores the same catalog and pixel", async () => {
        await connectViaOAuth()
        const before = (await admin.get("/admin/meta/connection")).data.connection
        await admin.delete("/admin/meta/connection")
        await connectViaOAuth()
        const after = (await admin.get("/admin/meta/connection")).data.connection
        expect(after.selected.catalog_id).toBe(before.selected.catalog_id)
        expect(after.selected.pixel_id).toBe(before.selected.pixel_id)
        expect(emulator.requests({ method: "POST", path: /owned_product_catalogs/ })).toHaveLength(1)
      })
    })

    describe("token refresh job", () => {
      it("renews a token that is about to expire", async () => {
        await connectViaOAuth()
        const service = getContainer().resolve<MetaModuleService>(META_MODULE)
        const live = await service.retrieveLiveConnection()
        const oldToken = (await service.getConnectionToken())!.token
        await service.updateMetaConnections({
          id: live!.id,
          token_expires_at: new Date(Date.now() + 2 * 86_400_000),
        })
        expect((await admin.get("/admin/meta/connection")).data.connection.status).toBe("expiring")

        await refreshMetaTokensJob(getContainer())

        const renewed = (await admin.get("/admin/meta/connection")).data.connection
        expect(renewed.status).toBe("active")
        expect((new Date(renewed.token_expires_at).getTime() - Date.now()) / 86_400_000).toBeGreaterThan(55)
        expect((await service.getConnectionToken())!.token).not.toBe(oldToken)
        expect(emulator.requests({ path: /oauth\/access_token/ }).length).toBeGreaterThanOrEqual(3)
      })

      it("marks a token that cannot be renewed, and the admin sees why", async () => {
        await connectViaOAuth()
        const service = getContainer().resolve<MetaModuleService>(META_MODULE)
        const live = await service.retrieveLiveConnection()
        emulator.revokeToken((await service.getConnectionToken())!.token)
        await service.updateMetaConnections({
          id: live!.id,
          token_expires_at: new Date(Date.now() + 86_400_000),
        })

        await refreshMetaTokensJob(getContainer())

        const connection = (await admin.get("/admin/meta/connection")).data.connection
        expect(["expired", "revoked"]).toContain(connection.status)
        expect(connection.last_error).toBeTruthy()
        expect(await service.getConnectionToken()).toBeNull()
      })

      it("leaves tokens with plenty of time alone", async () => {
        await connectViaOAuth()
        const exchanges = emulator.requests({ path: /oauth\/access_token/ }).length
        await refreshMetaTokensJob(getContainer())
        expect(emulator.requests({ path: /oauth\/access_token/ })).toHaveLength(exchanges)
      })
    })

    describe("input validation", () => {
      it("requires an admin", async () => {
        for (const [method, url] of [
          ["get", "/admin/meta/connection"],
          ["post", "/admin/meta/oauth/authorize"],
          ["post", "/admin/meta/connection/health"],
        ] as const) {
          const res = await (api as any)[method](url, ...(method === "post" ? [{}] : []), { validateStatus: () => true })
          expect(res.status).toBe(401)
        }
      })

      it.each([
        ["/admin/meta/oauth/authorize", { scope: "ads_management" }, /scope/],
        ["/admin/meta/connection", {}, /access_token/],
        ["/admin/meta/connection", { access_token: "short" }, /access_token/],
        ["/admin/meta/connection", { access_token: "EAAB<script>alert(1)</script>xxxxxxxxxxxx" }, /access_token/],
        ["/admin/meta/connection", { access_token: "EAAB" + "x".repeat(40), extra: true }, /extra/],
        ["/admin/meta/connection/assets", {}, /at least one asset/],
        ["/admin/meta/connection/assets", { page_id: "not-an-id" }, /page_id/],
        ["/admin/meta/connection/assets", { pixel: "60001" }, /pixel/],
        ["/admin/meta/connection/features", { ads: "yes" }, /ads/],
        ["/admin/meta/connection/features", { nonsense: true }, /nonsense/],
        ["/admin/meta/connection/health", { now: 1 }, /now/],
      ])("POST %s with %j → 400 naming the field", async (url, body, field) => {
        const res = await admin.post(url, body)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(field)
      })

      it("answers 404 when managing a connection that does not exist", async () => {
        expect((await admin.post("/admin/meta/connection/assets", { page_id: "30001" })).status).toBe(404)
        expect((await admin.post("/admin/meta/connection/features", { ads: true })).status).toBe(404)
        expect((await admin.post("/admin/meta/connection/health")).status).toBe(404)
      })

      it("rejects a callback without state or code with a 400", async () => {
        const noState = await api.get("/meta/oauth/callback?code=abc", noRedirect)
        expect(noState.status).toBe(400)
        expect(noState.data.message).toMatch(/state/)
        const noCode = await api.get("/meta/oauth/callback?state=abc", noRedirect)
        expect(noCode.status).toBe(400)
        expect(noCode.data.message).toMatch(/code/)
      })
    })

    describe("secrets", () => {
      it("never shows a token, the app secret or a sealed value in responses or logs", async () => {
        await connectViaOAuth()
        await admin.post("/admin/meta/connection/health")
        emulator.injectFault({ path: "debug_token", kind: "invalid_token" })
        await admin.post("/admin/meta/connection/health")
        await admin.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken() })
        await admin.delete("/admin/meta/connection")

        const tokens = Object.keys(emulator.state.tokens)
        expect(tokens.length).toBeGreaterThan(3)
        const seen = responses.join("\n") + "\n" + output.text()
        for (const token of tokens) {
          expect(seen).not.toContain(token)
        }
        expect(seen).not.toContain(TEST_APP_SECRET)
        expect(seen).not.toContain(process.env.META_ENCRYPTION_KEY)
        expect(seen).not.toMatch(/"v1\.[0-9a-f]{8}\./)
      })
    })
  },
})
