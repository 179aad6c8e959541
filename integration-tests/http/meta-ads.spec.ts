import { createHmac } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import syncMetaAdsJob from "../../src/jobs/sync-meta-ads"
import { createAdminHeaders } from "../helpers/admin-auth"
import { TEST_APP_SECRET, useTestEmulator } from "../helpers/meta-env"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9877

const emulator = useTestEmulator(EMULATOR_PORT)

medusaIntegrationTestRunner({
  dbName: "meta-it-ads",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const admin = {
      get: (path: string) => api.get(path, { headers }),
      post: (path: string, body: unknown = {}) => api.post(path, body, { headers }),
    }
    const attempt = (path: string, body: unknown) => api.post(path, body, { headers }).catch((e: any) => e.response)
    const writes = (path?: string | RegExp) => emulator.ads.writes({ method: "POST", ...(path ? { path } : {}) }).filter((w: any) => w.outcome === "applied")

    const connect = async (adAccountId: string) => {
      await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001", ad_account_id: adAccountId }, { headers })
      await admin.post("/admin/meta/campaigns/sync")
      return (await admin.get("/admin/meta/campaigns?limit=500")).data
    }

    beforeEach(async () => {
      emulator.reset()
      emulator.ads.configure({ accessTier: "standard_access" })
      headers = (await createAdminHeaders(getContainer(), api)).headers
    })

    it("mirrors the ad account: every campaign, ad set and ad, with budgets in the main unit and metrics for three ranges", async () => {
      const seeded = emulator.ads.seedAccount({ id: "act_50001", campaigns: 3, adSetsPerCampaign: 2, adsPerAdSet: 2, dailyBudget: 2500, historyDays: 10 })
      const data = await connect("act_50001")
      expect(data.account).toMatchObject({ meta_id: "act_50001", currency: "USD" })
      expect(data.account.minimum_daily_budget).toMatch(/^\d+\.\d{2}$/)
      expect(data.count).toBe(emulator.ads.campaigns("act_50001").length)
      const metaCampaigns = emulator.ads.campaigns("act_50001")
      for (const campaign of data.campaigns) {
        const atMeta = metaCampaigns.find((c: any) => c.id === campaign.meta_id)!
        expect(campaign).toMatchObject({ name: atMeta.name, status: atMeta.status, objective: atMeta.objective })
        expect(campaign.ad_sets).toHaveLength(2)
        for (const adSet of campaign.ad_sets) {
          expect(adSet).toMatchObject({ daily_budget: "25.00", daily_budget_minor: "2500" })
          // spend over 7 days equals Meta's figure for the same range, to the cent
          const meta7 = emulator.ads.insights(adSet.meta_id, { datePreset: "last_7d" })
          expect(adSet.metrics.last_7d.spend).toBe(meta7.spend)
          expect(adSet.metrics.last_7d.impressions).toBe(Number(meta7.impressions))
        }
      }
      expect(seeded.adIds).toHaveLength(12)
      const one = (await admin.get(`/admin/meta/campaigns/${data.campaigns[0].id}`)).data.campaign
      expect(one.ad_sets.flatMap((s: any) => s.ads)).toHaveLength(4)

      // the job finds what changed at Meta (a campaign paused there) and what went away
      const [first] = metaCampaigns
      const token = emulator.createSystemUserToken()
      const appsecret_proof = createHmac("sha256", TEST_APP_SECRET).update(token).digest("hex")
      const atMeta = await fetch(`${emulator.url}/v25.0/${first.id}`, { method: "POST", body: new URLSearchParams({ status: "PAUSED", access_token: token, appsecret_proof }) })
      expect(atMeta.status).toBe(200)
      await syncMetaAdsJob(getContainer())
      const after = (await admin.get("/admin/meta/campaigns?status=PAUSED")).data
      expect(after.campaigns.map((c: any) => c.meta_id)).toEqual([first.id])
    })

    it("pauses and activates a campaign, an ad set and an ad at Meta first, then in the mirror, with an audit log", async () => {
      emulator.ads.seedAccount({ id: "act_50001", campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 1 })
      const data = await connect("act_50001")
      const campaign = data.campaigns[0]
      const adSet = campaign.ad_sets[0]
      const ad = (await admin.get(`/admin/meta/campaigns/${campaign.id}`)).data.campaign.ad_sets[0].ads[0]

      const paused = await admin.post(`/admin/meta/campaigns/${campaign.id}/status`, { status: "PAUSED" })
      expect(paused.data.campaign).toMatchObject({ status: "PAUSED", effective_status: "PAUSED" })
      expect(emulator.ads.campaigns("act_50001")[0].status).toBe("PAUSED")
      await admin.post(`/admin/meta/ad-sets/${adSet.id}/status`, { status: "PAUSED" })
      await admin.post(`/admin/meta/ads/${ad.id}/status`, { status: "PAUSED" })
      expect(emulator.ads.ads("act_50001")[0].status).toBe("PAUSED")
      const active = await admin.post(`/admin/meta/campaigns/${campaign.id}/status`, { status: "ACTIVE" })
      expect(active.data.campaign.status).toBe("ACTIVE")

      const log = (await admin.get("/admin/meta/ad-changes")).data
      expect(log.count).toBe(4)
      expect(log.changes[0]).toMatchObject({ object_meta_id: campaign.meta_id, action: "activate", status: "applied", before: { status: "PAUSED" }, after: { status: "ACTIVE" } })
      expect(log.changes[0].actor).toMatch(/^user:/)
    })

    it("changes a budget in the main unit, exactly as Meta's offset wants it (USD cents, COP and JPY whole units), once per key", async () => {
      emulator.ads.seedAccount({ id: "act_50001", campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 1, dailyBudget: 2500 })
      let data = await connect("act_50001")
      const usdSet = data.campaigns[0].ad_sets[0]
      const changed = await attempt(`/admin/meta/ad-sets/${usdSet.id}/budget`, { daily_budget: "45.50", idempotency_key: "raise-1" })
      expect(changed.data.message).toBeUndefined()
      expect(changed.data.ad_set).toMatchObject({ daily_budget: "45.50", daily_budget_minor: "4550" })
      expect(emulator.ads.adSets("act_50001")[0].dailyBudget).toBe(4550)
      // the same request again (a retry after a lost answer) writes nothing more
      await admin.post(`/admin/meta/ad-sets/${usdSet.id}/budget`, { daily_budget: "45.50", idempotency_key: "raise-1" })
      expect(writes(usdSet.meta_id).length).toBe(1)

      for (const [act, currency, amount] of [["act_50007", "COP", "500000"], ["act_50008", "JPY", "20000"]] as const) {
        emulator.ads.seedAccount({ id: act, currency, campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 1 })
        data = await connect(act)
        expect(data.account.currency).toBe(currency)
        const adSet = data.campaigns[0].ad_sets[0]
        const res = await admin.post(`/admin/meta/ad-sets/${adSet.id}/budget`, { daily_budget: amount })
        expect(res.data.ad_set).toMatchObject({ daily_budget: amount, daily_budget_minor: amount })
        expect(String(emulator.ads.adSets(act)[0].dailyBudget)).toBe(amount)
        const cents = await attempt(`/admin/meta/ad-sets/${adSet.id}/budget`, { daily_budget: "500000.50" })
        expect(cents.status).toBe(400)
        expect(cents.data.message).toMatch(new RegExp(`daily_budget.*${currency}`))
      }
    })

    it("duplicates an ad set, paused, once even when the request is repeated", async () => {
      emulator.ads.seedAccount({ id: "act_50001", campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 2 })
      const data = await connect("act_50001")
      const source = data.campaigns[0].ad_sets[0]
      const first = await admin.post(`/admin/meta/ad-sets/${source.id}/duplicate`, { idempotency_key: "scale-1" })
      expect(first.data.ad_set).toMatchObject({ status: "PAUSED", campaign_id: source.campaign_id })
      expect(first.data.ad_set.ads).toHaveLength(2)
      await admin.post(`/admin/meta/ad-sets/${source.id}/duplicate`, { idempotency_key: "scale-1" })
      expect(emulator.ads.adSets("act_50001")).toHaveLength(2)
      expect(writes(/copies$/)).toHaveLength(1)
    })

    it("bad input gets a 400 naming the field; Meta's refusal comes back readable", async () => {
      emulator.ads.seedAccount({ id: "act_50001", campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 1, dailyBudget: 2500 })
      const data = await connect("act_50001")
      const adSet = data.campaigns[0].ad_sets[0]
      const status = await attempt(`/admin/meta/campaigns/${data.campaigns[0].id}/status`, { status: "STOPPED" })
      expect(status.status).toBe(400)
      expect(status.data.message).toMatch(/status/)
      expect(status.data.message).toMatch(/ACTIVE/)
      const comma = await attempt(`/admin/meta/ad-sets/${adSet.id}/budget`, { daily_budget: "12,50" })
      expect(comma.status).toBe(400)
      expect(comma.data.message).toMatch(/daily_budget/)
      const both = await attempt(`/admin/meta/ad-sets/${adSet.id}/budget`, { daily_budget: "10", lifetime_budget: "100" })
      expect(both.status).toBe(400)
      expect(both.data.message).toMatch(/exactly one/)
      const tiny = await attempt(`/admin/meta/ad-sets/${adSet.id}/budget`, { daily_budget: "0.10" })
      expect(tiny.status).toBe(400)
      expect(tiny.data.message).toMatch(/daily_budget must be at least .* USD/)
      const onCampaign = await attempt(`/admin/meta/campaigns/${data.campaigns[0].id}/budget`, { daily_budget: "40" })
      expect(onCampaign.status).toBe(400)
      expect(onCampaign.data.message).toMatch(/ad sets hold the budgets/)
      const missing = await api.get("/admin/meta/campaigns/metacmp_nope", { headers }).catch((e: any) => e.response)
      expect(missing.status).toBe(404)
      expect(writes()).toHaveLength(0)
    })
  },
})
