import { createHash } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { captureOutput } from "../helpers/capture-output"
import { TEST_APP_ID, TEST_APP_SECRET, TEST_BACKEND_URL, useTestEmulator } from "../helpers/meta-env"

jest.setTimeout(120_000)

const EMULATOR_PORT = 9710
const VERIFY_TOKEN = "setup-verify-token-4821"
process.env.META_WEBHOOK_VERIFY_TOKEN = VERIFY_TOKEN
process.env.META_STOREFRONT_URL = "https://shop.example.com"

const emulator = useTestEmulator(EMULATOR_PORT)
const output = captureOutput()
afterAll(() => output.stop())

medusaIntegrationTestRunner({
  dbName: "meta-it-setup",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let baseUrl: string
    const responses: string[] = []

    const record = (res: any) => {
      responses.push(JSON.stringify(res.data))
      return res
    }
    const admin = {
      get: (url: string) => api.get(url, { headers, validateStatus: () => true }).then(record),
      post: (url: string, body: unknown = {}) => api.post(url, body, { headers, validateStatus: () => true }).then(record),
    }
    const service = () => getContainer().resolve<MetaModuleService>(META_MODULE)

    async function connect() {
      const res = await admin.post("/admin/meta/connection", {
        access_token: emulator.createSystemUserToken(),
        page_id: "30001",
        pixel_id: "60001",
        ad_account_id: "act_50001",
      })
      expect(res.status).toBe(200)
      return res.data.connection
    }

    async function checkHealth() {
      const res = await admin.post("/admin/meta/connection/health")
      expect(res.status).toBe(200)
      const byKey = Object.fromEntries(res.data.health.checks.map((c: any) => [c.key, c]))
      return { health: res.data.health, byKey }
    }

    const setupValue = async (key: string) => {
      const res = await admin.get("/admin/meta/setup")
      expect(res.status).toBe(200)
      return { setup: res.data.setup, value: res.data.setup.values.find((v: any) => v.key === key) }
    }

    beforeEach(async () => {
      emulator.reset()
      ;({ headers } = await createAdminHeaders(getContainer(), api))
      baseUrl = api.defaults.baseURL as string
    })

    describe("GET /admin/meta/setup", () => {
      it("lists what to paste into Meta before the first connection, built from backendUrl", async () => {
        const res = await admin.get("/admin/meta/setup")
        expect(res.status).toBe(200)
        const { setup } = res.data
        expect(setup.backend_url).toBe(TEST_BACKEND_URL)
        const values = Object.fromEntries(setup.values.map((v: any) => [v.key, v.value]))
        expect(values).toEqual({
          oauth_redirect_uri: `${TEST_BACKEND_URL}/meta/oauth/callback`,
          webhook_callback_url: `${TEST_BACKEND_URL}/meta/webhooks`,
          webhook_verify_token: VERIFY_TOKEN,
          deauthorize_url: `${TEST_BACKEND_URL}/meta/deauthorize`,
          data_deletion_url: `${TEST_BACKEND_URL}/meta/data-deletion`,
          checkout_url: `${TEST_BACKEND_URL}/meta/checkout`,
        })
        for (const value of setup.values) {
          expect(value.where).toMatch(/Meta App Dashboard|Commerce Manager/)
          expect(value.docs_url).toMatch(/^https:\/\/developers\.facebook\.com\//)
        }
        // http://localhost cannot receive Meta's webhooks and callbacks: the merchant is told why and what to set.
        expect(setup.backend_url_warning).toMatch(/localhost:9000.*cannot reach.*backendUrl/s)
        const checks = Object.fromEntries(setup.values.map((v: any) => [v.key, v.check.status]))
        expect(checks).toEqual({
          oauth_redirect_uri: "warning",
          webhook_callback_url: "failed",
          webhook_verify_token: "ok",
          deauthorize_url: "failed",
          data_deletion_url: "failed",
          checkout_url: "failed",
        })
        expect(setup.webhook_verified_at).toBeNull()
      })

      it("is the same URL the OAuth dialog sends Meta as redirect_uri", async () => {
        const { value } = await setupValue("oauth_redirect_uri")
        const started = await admin.post("/admin/meta/oauth/authorize")
        expect(new URL(started.data.url).searchParams.get("redirect_uri")).toBe(value.value)
      })

      it("records when Meta verified the webhooks URL, and only a real verification", async () => {
        const wrong = await emulator.subscriptions.verifyCallback(`${baseUrl}/meta/webhooks`, "not-the-token")
        expect(wrong.verified).toBe(false)
        let { setup, value } = await setupValue("webhook_callback_url")
        expect(setup.webhook_verified_at).toBeNull()
        expect(value.check.message).toMatch(/Meta cannot reach/)

        const before = Date.now()
        const verification = await emulator.subscriptions.verifyCallback(`${baseUrl}/meta/webhooks`, VERIFY_TOKEN)
        expect(verification.verified).toBe(true)
        ;({ setup, value } = await setupValue("webhook_callback_url"))
        expect(new Date(setup.webhook_verified_at).getTime()).toBeGreaterThanOrEqual(before - 1000)
        expect(value.check).toEqual({ status: "ok", message: expect.stringMatching(/^Meta verified this URL on \d+ \w{3} \d{4}, \d{2}:\d{2} UTC\.$/) })

        // A second verification moves the date; it stays one row.
        await new Promise((resolve) => setTimeout(resolve, 20))
        await emulator.subscriptions.verifyCallback(`${baseUrl}/meta/webhooks`, VERIFY_TOKEN)
        const again = (await setupValue("webhook_callback_url")).setup.webhook_verified_at
        expect(new Date(again).getTime()).toBeGreaterThan(new Date(setup.webhook_verified_at).getTime())
        expect(await service().listMetaWebhookSubscriptions({})).toHaveLength(1)
      })

      it("never answers with the app secret, a token or the encryption key", async () => {
        await connect()
        await admin.get("/admin/meta/setup")
        await admin.post("/admin/meta/connection/health")
        await admin.post("/admin/meta/setup/page-subscription")
        const seen = responses.join("\n") + "\n" + output.text()
        expect(seen).not.toContain(TEST_APP_SECRET)
        expect(seen).not.toContain(process.env.META_ENCRYPTION_KEY)
        for (const token of Object.keys(emulator.state.tokens)) {
          expect(seen).not.toContain(token)
        }
      })

      it("answers 400 to unknown parameters and 401 without an admin", async () => {
        const bad = await admin.get("/admin/meta/setup?show_secret=1")
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/show_secret/)
        const anonymous = await api.get("/admin/meta/setup", { validateStatus: () => true })
        expect(anonymous.status).toBe(401)
      })
    })

    describe("whole-setup health check", () => {
      it("checks every part of a good setup, and names what it uses", async () => {
        const connection = await connect()
        expect(connection.selected.catalog_id).toBeTruthy()
        await emulator.subscriptions.verifyCallback(`${baseUrl}/meta/webhooks`, VERIFY_TOKEN)
        const subscribed = await admin.post("/admin/meta/setup/page-subscription")
        expect(subscribed.status).toBe(200)
        expect(subscribed.data).toEqual({ page_id: "30001", subscribed: true, subscribed_fields: ["feed", "leadgen"] })
        expect(emulator.subscriptions.subscribedApps("30001")).toEqual({ [TEST_APP_ID]: ["feed", "leadgen"] })

        const { health, byKey } = await checkHealth()
        expect(health).toEqual(expect.objectContaining({ ok: true, token_valid: true, error: null }))
        expect(health.checks.map((c: any) => c.key)).toEqual([
          "token",
          "feature.catalog",
          "feature.capi",
          "feature.publishing",
          "feature.insights",
          "feature.ads",
          "feature.webhooks",
          "catalog_reachable",
          "pixel_events",
          "webhook_callback",
          "webhook_page_subscription",
        ])
        for (const key of ["token", "feature.catalog", "feature.ads", "catalog_reachable", "webhook_callback", "webhook_page_subscription"]) {
          expect(byKey[key]).toEqual(expect.objectContaining({ status: "ok", fix: null }))
        }
        expect(byKey["feature.capi"].message).toBe("Permissions granted; uses “Acme Pixel”.")
        expect(byKey["feature.ads"].message).toBe("Permissions granted; uses “Acme Ads”.")
        expect(byKey.catalog_reachable.message).toMatch(/^Meta's catalog “.+\(Medusa\)” answers \(0 items\)\.$/)
        expect(byKey.webhook_page_subscription.message).toBe("The Page “Acme Store” sends its comments and leads to this app.")
        // Nothing was sent to the pixel yet: a warning with the next step, not a failure.
        expect(byKey.pixel_events).toEqual(
          expect.objectContaining({ status: "warning", fix: { label: "Open events", to: "/meta/events" } })
        )
        expect(byKey.pixel_events.message).toMatch(/has not received any event from the pixel “Acme Pixel”/)
      })

      it("sees the pixel receiving events: Meta's last_fired_time, or the store's own last sent event", async () => {
        await connect()
        const live = (await service().getConnectionToken())!
        await service().getGraphClient().post("60001/events", {
          token: live.token,
          body: {
            data: [
              {
                event_name: "Lead",
                event_time: Math.floor(Date.now() / 1000) - 5,
                action_source: "system_generated",
                user_data: { em: [createHash("sha256").update("a@example.com").digest("hex")] },
              },
            ],
          },
        })
        let { byKey } = await checkHealth()
        expect(byKey.pixel_events).toEqual(expect.objectContaining({ status: "ok", fix: null }))
        expect(byKey.pixel_events.message).toMatch(/^Meta received the latest event from the pixel “Acme Pixel” on /)

        // Long ago, through the store's outbox only: still shown, as a warning to look at.
        emulator.reset()
        await service().createMetaCapiEvents({
          pixel_id: "60001",
          event_name: "Purchase",
          event_id: "order_old",
          status: "sent",
          event_time: new Date(Date.now() - 30 * 86_400_000),
          sent_at: new Date(Date.now() - 30 * 86_400_000),
          payload: {},
        })
        await connect()
        ;({ byKey } = await checkHealth())
        expect(byKey.pixel_events.status).toBe("warning")
        expect(byKey.pixel_events.message).toMatch(/The last event Meta received from the pixel “Acme Pixel” was on /)
      })

      it("fails when no catalog is chosen, and when Meta no longer has the chosen one", async () => {
        const connection = await connect()
        const catalogId = connection.selected.catalog_id
        delete emulator.state.catalogs[catalogId]
        let { health, byKey } = await checkHealth()
        expect(health.ok).toBe(false)
        expect(byKey.catalog_reachable).toEqual(
          expect.objectContaining({ status: "failed", fix: { label: "Choose in settings", to: "/settings/meta" } })
        )
        expect(byKey.catalog_reachable.message).toMatch(/Meta no longer has the catalog “.+\(Medusa\)”.*choose another catalog/)

        expect((await admin.post("/admin/meta/connection/assets", { catalog_id: null })).status).toBe(200)
        ;({ health, byKey } = await checkHealth())
        expect(health.ok).toBe(false)
        expect(health.error).toBe("None is chosen yet: choose a catalog in the Meta settings.")
        expect(byKey["feature.catalog"]).toEqual({
          key: "feature.catalog",
          title: "Catalog sync",
          status: "failed",
          message: "None is chosen yet: choose a catalog in the Meta settings.",
          fix: { label: "Choose in settings", to: "/settings/meta" },
        })
        expect(byKey.catalog_reachable).toBeUndefined()
      })

      it("fails on a token revoked at Meta, and skips the reads that need it", async () => {
        const connection = await connect()
        emulator.revokeToken((await service().getConnectionToken())!.token)
        const setupReads = new RegExp(`subscribed_apps|/(60001|${connection.selected.catalog_id})$`)
        const readsBefore = emulator.requests({ method: "GET", path: setupReads }).length
        const { health, byKey } = await checkHealth()
        expect(health).toEqual(expect.objectContaining({ ok: false, token_valid: false }))
        expect(byKey.token).toEqual(expect.objectContaining({ status: "failed", fix: { label: "Reconnect", to: "/settings/meta" } }))
        expect(byKey.token.message).toMatch(/^Meta no longer accepts the store's access/)
        expect(byKey.catalog_reachable).toBeUndefined()
        expect(byKey.pixel_events).toBeUndefined()
        expect(byKey.webhook_page_subscription).toBeUndefined()
        expect(emulator.requests({ method: "GET", path: setupReads })).toHaveLength(readsBefore)
      })

      it("warns while Meta has not verified the webhooks URL or the Page is not subscribed", async () => {
        await connect()
        const { health, byKey } = await checkHealth()
        expect(health.ok).toBe(true)
        expect(byKey.webhook_callback.status).toBe("warning")
        expect(byKey.webhook_callback.message).toMatch(/^Meta has not verified the webhooks URL yet/)
        expect(byKey.webhook_page_subscription).toEqual(
          expect.objectContaining({ status: "warning", fix: { label: "Subscribe the Page", to: "/settings/meta" } })
        )
        expect(byKey.webhook_page_subscription.message).toMatch(/The Page “Acme Store” is not subscribed to this app/)
      })

      it("leaves out what a switched-off feature would need", async () => {
        await connect()
        await admin.post("/admin/meta/connection/features", { webhooks: false, catalog: false })
        const { byKey } = await checkHealth()
        for (const key of ["feature.webhooks", "feature.catalog", "webhook_callback", "webhook_page_subscription", "catalog_reachable"]) {
          expect(byKey[key]).toBeUndefined()
        }
        expect(byKey["feature.capi"]).toBeDefined()
      })
    })

    describe("POST /admin/meta/setup/page-subscription", () => {
      it("refuses when not connected, without a Page, with webhooks off, and with a body", async () => {
        expect((await admin.post("/admin/meta/setup/page-subscription")).status).toBe(404)
        await connect()
        expect((await admin.post("/admin/meta/connection/assets", { page_id: null })).status).toBe(200)
        const noPage = await admin.post("/admin/meta/setup/page-subscription")
        expect(noPage.status).toBe(400)
        expect(noPage.data.message).toMatch(/No Facebook Page is chosen/)
        await admin.post("/admin/meta/connection/assets", { page_id: "30001" })
        await admin.post("/admin/meta/connection/features", { webhooks: false })
        const off = await admin.post("/admin/meta/setup/page-subscription")
        expect(off.status).toBe(400)
        expect(off.data.message).toMatch(/Webhooks are switched off/)
        const body = await admin.post("/admin/meta/setup/page-subscription", { fields: "feed" })
        expect(body.status).toBe(400)
        expect(body.data.message).toMatch(/fields/)
        expect(emulator.subscriptions.subscribedApps("30001")).toEqual({})
      })
    })
  },
})
