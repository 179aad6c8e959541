import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin-auth"
import { useTestEmulator } from "../helpers/meta-env"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9744

const emulator = useTestEmulator(EMULATOR_PORT)

/**
 * Every admin write that would go to Meta answers 409 with what is wrong and the next step while its
 * feature cannot reach Meta (never connected, feature off, disconnected) — never a 2xx that sends nothing.
 */
medusaIntegrationTestRunner({
  dbName: "meta-it-writes-not-ready",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const post = (path: string, body: unknown) => api.post(path, body, { headers, validateStatus: () => true })
    const adWrites = () => [
      post("/admin/meta/campaigns/metacamp_1/status", { status: "PAUSED" }),
      post("/admin/meta/ad-sets/metaadset_1/status", { status: "PAUSED" }),
      post("/admin/meta/ads/metaad_1/status", { status: "ACTIVE" }),
      post("/admin/meta/campaigns/metacamp_1/budget", { daily_budget: "20.00" }),
      post("/admin/meta/ad-sets/metaadset_1/budget", { daily_budget: "20.00" }),
      post("/admin/meta/ad-sets/metaadset_1/duplicate", {}),
      post("/admin/meta/campaigns/boost", { post_id: "10001_20002", objective: "OUTCOME_ENGAGEMENT", daily_budget: "5.00", duration_days: 7, audience: { countries: ["DE"] } }),
      post("/admin/meta/campaigns/catalog-sales", { product_set_id: "ps_1", daily_budget: "10.00", countries: ["DE"], name: "Catalog sales" }),
    ]

    beforeEach(async () => {
      emulator.reset()
      headers = (await createAdminHeaders(getContainer(), api)).headers
    })

    it("refuses ad writes and publish-now before the store is connected", async () => {
      for (const res of await Promise.all([...adWrites(), post("/admin/meta/publications/metapub_1/publish", {})])) {
        expect({ url: res.config.url, status: res.status, type: res.data.type, state: res.data.state }).toEqual({
          url: res.config.url, status: 409, type: "feature_not_ready", state: "not_connected",
        })
        expect(res.data.message).toMatch(/^Not connected to Meta: Connect your Meta account/)
      }
      expect(emulator.ads.writes({ method: "POST" })).toHaveLength(0)
    })

    it("refuses ad writes while Ads is switched off, and after a disconnect", async () => {
      await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001", ad_account_id: "act_50001" }, { headers })
      await api.post("/admin/meta/connection/features", { ads: false }, { headers })
      for (const res of await Promise.all(adWrites())) {
        expect({ url: res.config.url, status: res.status, state: res.data.state }).toEqual({ url: res.config.url, status: 409, state: "feature_off" })
        expect(res.data.message).toContain("Ads is switched off for this store: no campaigns are read or changed")
      }
      await api.delete("/admin/meta/connection", { headers })
      const [afterDisconnect] = await Promise.all(adWrites())
      expect([afterDisconnect.status, afterDisconnect.data.state]).toEqual([409, "not_connected"])
      expect(emulator.ads.writes({ method: "POST" })).toHaveLength(0)
    })

    it("still validates the body first: a bad status is a 400 naming the field", async () => {
      const res = await post("/admin/meta/campaigns/metacamp_1/status", { status: "STOPPED" })
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/'ACTIVE, PAUSED' for field 'status', but got: 'STOPPED'/)
    })
  },
})
