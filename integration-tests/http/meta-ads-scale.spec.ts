import { createHmac } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import evaluateMetaAdRulesJob from "../../src/jobs/evaluate-meta-ad-rules"
import { META_ADS_MODULE } from "../../src/modules/meta-ads"
import type MetaAdsModuleService from "../../src/modules/meta-ads/service"
import { evaluateMetaAdRulesWorkflow } from "../../src/workflows/ads"
import { createAdminHeaders } from "../helpers/admin-auth"
import { TEST_APP_SECRET, useTestEmulator } from "../helpers/meta-env"

jest.setTimeout(240_000)

const EMULATOR_PORT = 9883
const ACT = "act_50001"

const emulator = useTestEmulator(EMULATOR_PORT)

/**
 * Ads at scale: rule writes in Graph batches of ≤ 50 through the audit log, asynchronous report runs for a
 * large account, and Meta's Marketing API rate limits honoured by the mirror.
 */
medusaIntegrationTestRunner({
  dbName: "meta-it-ads-scale",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const svc = () => getContainer().resolve<MetaAdsModuleService>(META_ADS_MODULE)
    const admin = {
      get: (path: string) => api.get(path, { headers }),
      post: (path: string, body: unknown = {}) =>
        api.post(path, body, { headers }).catch((e: any) => {
          throw new Error(`${path} answered ${e.response?.status}: ${JSON.stringify(e.response?.data)}`)
        }),
    }
    const connect = () => admin.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001", ad_account_id: ACT })
    const sync = async () => (await admin.post("/admin/meta/campaigns/sync")).data.sync
    const seen = () => emulator.requests().length
    const since = (from: number) => emulator.requests().slice(from)
    const batches = (from: number) => since(from).filter((r: any) => r.method === "POST" && r.subRequests?.length)
    const ruleChanges = async (ruleId: string) => (await admin.get("/admin/meta/ad-changes?limit=500")).data.changes.filter((c: any) => c.actor === `rule:${ruleId}`)
    const liveRule = async (values: Record<string, string>) => {
      const { data } = await admin.post("/admin/meta/rules", { name: "Stop expensive ads", template: "pause_high_cpm", values })
      await admin.post(`/admin/meta/rules/${data.rule.id}`, { dry_run: false })
      return data.rule.id as string
    }
    /** The next evaluation round as the job would see it (a rule is due again only after 25 min). */
    const dueAgain = async () => {
      const rules = await svc().listMetaAdRules({})
      await svc().updateMetaAdRules(rules.map((r) => ({ id: r.id, last_evaluated_at: null })))
    }
    /** Time passes for Meta (the emulator's ads clock) and for the store (the stored resume time moves back as much). */
    const timePasses = async (ms: number) => {
      emulator.ads.advance(ms)
      const [state] = await svc().listMetaAdSyncs({ ad_account_meta_id: ACT })
      if (state?.resumes_at) await svc().updateMetaAdSyncs({ id: state.id, resumes_at: new Date(new Date(state.resumes_at).getTime() - ms) })
    }

    /**
     * Pauses campaigns at Meta: their figures stop growing with the clock, so the mirror can be compared with
     * Meta's figures to the cent after the sync.
     */
    const freezeAtMeta = async (campaignIds: string[]) => {
      const token = emulator.createSystemUserToken()
      const appsecret_proof = createHmac("sha256", TEST_APP_SECRET).update(token).digest("hex")
      for (const id of campaignIds) {
        const res = await fetch(`${emulator.url}/v25.0/${id}`, { method: "POST", body: new URLSearchParams({ status: "PAUSED", access_token: token, appsecret_proof }) })
        expect(res.status).toBe(200)
      }
    }

    /**
     * The app's scheduled jobs run in the test app too (the ads mirror every 15 minutes, the rules every 30):
     * a test starts only when none is due within its time, so no second mirror pass or evaluation overlaps
     * what it counts.
     */
    const clearOfScheduledJobs = async () => {
      const period = 15 * 60_000
      const into = Date.now() % period
      const wait = into < 20_000 ? 20_000 - into : period - into < 60_000 ? period - into + 20_000 : 0
      if (wait) await new Promise((resolve) => setTimeout(resolve, wait))
    }

    beforeEach(async () => {
      await clearOfScheduledJobs()
      emulator.reset()
      emulator.ads.configure({ accessTier: "standard_access" })
      headers = (await createAdminHeaders(getContainer(), api)).headers
    })

    it("a rule acting on 120 ads sends 3 Graph batches (50 + 50 + 20) and audits every change once", async () => {
      const seeded = emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 3, adsPerAdSet: 40, historyDays: 7 })
      emulator.ads.setPerformance(seeded.campaignIds[0], { cpm: "25" })
      await connect()
      expect((await sync()).synced).toBe(true)
      const ruleId = await liveRule({ max_cpm: "12", min_impressions: "10" })

      const from = seen()
      await evaluateMetaAdRulesJob(getContainer())
      const sent = batches(from)
      expect(sent.map((b: any) => b.subRequests.length)).toEqual([50, 50, 20])
      const operations = sent.flatMap((b: any) => b.subRequests)
      expect(operations.every((op: any) => op.method === "POST" && op.status === 200)).toBe(true)
      // every ad once, nothing written outside the batches
      const written = operations.map((op: any) => op.path.split("/").pop())
      expect(new Set(written).size).toBe(120)
      expect([...written].sort()).toEqual([...seeded.adIds].sort())
      expect(since(from).filter((r: any) => r.method === "POST" && !r.subRequests?.length)).toHaveLength(0)
      expect(emulator.ads.ads(ACT).every((a: any) => a.status === "PAUSED")).toBe(true)

      const changes = await ruleChanges(ruleId)
      expect(changes).toHaveLength(120)
      expect(new Set(changes.map((c: any) => c.object_meta_id)).size).toBe(120)
      expect(changes.every((c: any) => c.status === "applied" && c.before.status === "ACTIVE" && c.after.status === "PAUSED")).toBe(true)
      const acted = (await admin.get(`/admin/meta/rule-decisions?rule_id=${ruleId}&acted=true&limit=500`)).data
      expect(acted.count).toBe(120)
      expect(acted.decisions.every((d: any) => d.change_id)).toBe(true)
      // the mirror shows the writes at once
      const campaign = (await admin.get("/admin/meta/campaigns")).data.campaigns[0]
      const detail = (await admin.get(`/admin/meta/campaigns/${campaign.id}`)).data.campaign
      expect(detail.ad_sets.flatMap((s: any) => s.ads).every((a: any) => a.status === "PAUSED")).toBe(true)

      // the next round has nothing left to do
      await dueAgain()
      const again = seen()
      await evaluateMetaAdRulesJob(getContainer())
      expect(batches(again)).toHaveLength(0)
      expect(await ruleChanges(ruleId)).toHaveLength(120)
    })

    it("an item Meta refuses inside a batch fails alone, with Meta's message; the others are applied", async () => {
      const seeded = emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 2, adsPerAdSet: 40, historyDays: 7 })
      emulator.ads.setPerformance(seeded.campaignIds[0], { cpm: "25" })
      await connect()
      await sync()
      const ruleId = await liveRule({ max_cpm: "12", min_impressions: "10" })
      const victim = seeded.adIds[7]
      emulator.injectFault({ kind: "error", method: "POST", path: `/\\/${victim}$/`, error: { code: 100, message: "(#100) The ad is being reviewed and cannot be edited right now" } })

      const from = seen()
      await evaluateMetaAdRulesJob(getContainer())
      expect(batches(from).map((b: any) => b.subRequests.length)).toEqual([50, 30])
      const atMeta = emulator.ads.ads(ACT)
      expect(atMeta.find((a: any) => a.id === victim)!.status).toBe("ACTIVE")
      expect(atMeta.filter((a: any) => a.status === "PAUSED")).toHaveLength(79)

      const changes = await ruleChanges(ruleId)
      expect(changes).toHaveLength(80)
      const failed = changes.filter((c: any) => c.status === "failed")
      expect(failed).toHaveLength(1)
      expect(failed[0]).toMatchObject({ object_meta_id: victim, error: expect.stringMatching(/being reviewed/) })
      const decision = (await admin.get(`/admin/meta/rule-decisions?rule_id=${ruleId}&object_id=${victim}`)).data.decisions[0]
      expect(decision).toMatchObject({ acted: false, skipped_reason: expect.stringMatching(/^Meta refused: .*being reviewed/) })
      expect((await admin.get(`/admin/meta/rule-decisions?rule_id=${ruleId}&acted=true&limit=500`)).data.count).toBe(79)
      const ads = await svc().listMetaAds({ meta_id: [victim, seeded.adIds[8]] })
      expect(Object.fromEntries(ads.map((a) => [a.meta_id, a.status]))).toEqual({ [victim]: "ACTIVE", [seeded.adIds[8]]: "PAUSED" })
    })

    it("a lost batch answer: the next evaluation sends the same absolute values under the same changes, and Meta ends paused once", async () => {
      const seeded = emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 2, adsPerAdSet: 40, historyDays: 7 })
      emulator.ads.setPerformance(seeded.campaignIds[0], { cpm: "25" })
      await connect()
      await sync()
      const ruleId = await liveRule({ max_cpm: "12", min_impressions: "10" })
      // Meta handles the first batch, then the connection dies before its answer.
      emulator.injectFault({ kind: "lost_response", method: "POST", path: "/^\\/v\\d+\\.\\d+\\/?$/" })

      const from = seen()
      await evaluateMetaAdRulesJob(getContainer())
      expect(batches(from).map((b: any) => b.subRequests.length)).toEqual([50])
      expect(emulator.ads.ads(ACT).filter((a: any) => a.status === "PAUSED")).toHaveLength(50)
      let changes = await ruleChanges(ruleId)
      expect(changes).toHaveLength(50)
      expect(changes.every((c: any) => c.status === "pending")).toBe(true)
      const first = (await admin.get(`/admin/meta/rule-decisions?rule_id=${ruleId}&limit=500`)).data.decisions
      expect(first.filter((d: any) => d.acted)).toHaveLength(0)
      expect(first.filter((d: any) => /answer was lost/.test(d.skipped_reason ?? ""))).toHaveLength(50)
      expect(first.filter((d: any) => /^Not sent: .*lost/.test(d.skipped_reason ?? ""))).toHaveLength(30)

      // The next evaluation on the same (stale) mirror: all 80 decided again, the 50 pending changes taken over.
      await dueAgain()
      const retry = seen()
      await evaluateMetaAdRulesWorkflow(getContainer()).run({ input: {} })
      expect(batches(retry).map((b: any) => b.subRequests.length)).toEqual([50, 30])
      changes = await ruleChanges(ruleId)
      expect(changes).toHaveLength(80)
      expect(new Set(changes.map((c: any) => c.object_meta_id)).size).toBe(80)
      expect(changes.every((c: any) => c.status === "applied")).toBe(true)
      const atMeta = emulator.ads.ads(ACT)
      expect(atMeta.every((a: any) => a.status === "PAUSED")).toBe(true)
      // status=PAUSED is absolute: the 50 sent twice are paused, not toggled
      const perAd = new Map<string, number>()
      for (const w of emulator.ads.writes({ method: "POST" }).filter((w: any) => w.outcome === "applied")) perAd.set(w.path.split("/").pop()!, (perAd.get(w.path.split("/").pop()!) ?? 0) + 1)
      expect([...perAd.values()].filter((n) => n === 2)).toHaveLength(50)
      expect([...perAd.values()].filter((n) => n === 1)).toHaveLength(30)
    })

    it("a lost batch answer that Meta did apply is confirmed by the next sync: no second write", async () => {
      const seeded = emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 30, historyDays: 7 })
      emulator.ads.setPerformance(seeded.campaignIds[0], { cpm: "25" })
      await connect()
      await sync()
      const ruleId = await liveRule({ max_cpm: "12", min_impressions: "10" })
      emulator.injectFault({ kind: "lost_response", method: "POST", path: "/^\\/v\\d+\\.\\d+\\/?$/" })
      await evaluateMetaAdRulesJob(getContainer())
      expect((await ruleChanges(ruleId)).every((c: any) => c.status === "pending")).toBe(true)

      await dueAgain()
      const from = seen()
      // the job mirrors the account first: Meta shows the ads paused
      await evaluateMetaAdRulesJob(getContainer())
      expect(batches(from)).toHaveLength(0)
      const changes = await ruleChanges(ruleId)
      expect(changes).toHaveLength(30)
      expect(changes.every((c: any) => c.status === "applied")).toBe(true)
      const acted = (await admin.get(`/admin/meta/rule-decisions?rule_id=${ruleId}&acted=true&limit=500`)).data.decisions
      expect(acted).toHaveLength(30)
      expect(acted[0].note).toMatch(/answer was lost/)
      expect(emulator.ads.writes({ method: "POST" }).filter((w: any) => w.outcome === "applied")).toHaveLength(30)
    })

    it("a large account's ad insights come through report runs (a failed run read directly), and the mirror equals Meta's figures", async () => {
      const seeded = emulator.ads.seedAccount({ id: ACT, campaigns: 2, adSetsPerCampaign: 12, adsPerAdSet: 50, historyDays: 7 })
      emulator.ads.setPerformance(seeded.campaignIds[1], { cpm: "9.5", ctr: "2.5", purchaseRate: "3", orderValue: "40" })
      emulator.ads.configure({ failReportRuns: 1 })
      await freezeAtMeta(seeded.campaignIds)
      await connect()

      const counts = emulator.requestCounts()
      const from = seen()
      const result = await sync()
      expect(result).toMatchObject({ synced: true, state: "complete", campaigns: 2, ad_sets: 24, ads: 1200, report_runs: 4 })
      // the calls the sync says it made are the Graph calls Meta received
      expect(result.calls).toBe(emulator.requestCounts().logical - counts.logical)
      const calls = since(from)
      const reportRuns = calls.filter((r: any) => r.method === "POST" && r.path.endsWith(`/${ACT}/insights`))
      expect(reportRuns).toHaveLength(4)
      expect(reportRuns.every((r: any) => (r.body as any).level === "ad")).toBe(true)
      expect(calls.filter((r: any) => r.method === "GET" && /\/\d+\/insights$/.test(r.path)).length).toBeGreaterThanOrEqual(3 * 3)
      // the failed run's range was read directly: 1,200 rows in 3 pages of 500
      const direct = calls.filter((r: any) => r.method === "GET" && r.path.endsWith(`/${ACT}/insights`) && r.query.level === "ad")
      expect(direct).toHaveLength(3)
      // campaign and ad-set levels stay synchronous
      expect(calls.filter((r: any) => r.method === "GET" && r.path.endsWith(`/${ACT}/insights`) && r.query.level !== "ad")).toHaveLength(8)

      // (read before the long comparison below, so the admin connection is not left idle meanwhile)
      const list = (await admin.get("/admin/meta/campaigns")).data
      const mirrored = await svc().listMetaAds({}, { take: null })
      expect(mirrored).toHaveLength(1200)
      for (const ad of mirrored) {
        const figures = ad.insights as Record<string, any>
        for (const range of ["today", "last_7d", "last_30d"]) {
          const meta = emulator.ads.insights(ad.meta_id, { datePreset: range })
          if (Number(meta.impressions) === 0) continue
          expect([ad.meta_id, range, figures[range].spend, Number(figures[range].impressions)]).toEqual([ad.meta_id, range, meta.spend, Number(meta.impressions)])
        }
      }
      expect(list.sync).toMatchObject({ state: "complete", reason: null, resumes_at: null, calls: result.calls })
      for (const campaign of list.campaigns) {
        expect(campaign.metrics.last_7d.spend).toBe(emulator.ads.insights(campaign.meta_id, { datePreset: "last_7d" }).spend)
      }
    })

    it("development access: the sync stops at the usage high-water mark before Meta throttles, makes no call while waiting, and resumes where it stopped", async () => {
      emulator.ads.configure({ accessTier: "development_access" })
      const seeded = emulator.ads.seedAccount({ id: ACT, campaigns: 2, adSetsPerCampaign: 2, adsPerAdSet: 2, historyDays: 7 })
      await freezeAtMeta(seeded.campaignIds)
      await connect()
      // earlier calls used 70 % of the ad account's score (60 points per 300 s at development access)
      emulator.ads.setUsage(ACT, 70)

      const from = seen()
      const stopped = await sync()
      expect(stopped).toMatchObject({ synced: false, state: "waiting" })
      expect(stopped.reason).toMatch(/ad-account usage is at \d+(\.\d+)? %.*stops at 75 %/)
      expect(Date.parse(stopped.resumes_at) - Date.now()).toBeGreaterThan(250_000)
      const first = since(from)
      expect(first.length).toBe(stopped.calls)
      expect(stopped.calls).toBeLessThan(8)
      // it stopped before Meta had to throttle: every call answered
      expect(first.every((r: any) => r.status === 200)).toBe(true)

      const listed = (await admin.get("/admin/meta/campaigns")).data
      expect(listed.sync).toMatchObject({ state: "waiting", reason: stopped.reason, resumes_at: stopped.resumes_at })
      expect(listed.account.usage_pct).toBeGreaterThanOrEqual(75)

      // before the resume time: no call at all
      const idle = seen()
      const waiting = await sync()
      expect(waiting).toMatchObject({ state: "waiting", calls: 0, resumes_at: stopped.resumes_at })
      expect(seen()).toBe(idle)

      await timePasses(301_000)
      const resumed = seen()
      const done = await sync()
      expect(done).toMatchObject({ synced: true, state: "complete", campaigns: 2, ad_sets: 4, ads: 8 })
      // carried on: the account was read in the first run and not again
      expect(since(resumed).filter((r: any) => r.method === "GET" && r.path.endsWith(`/${ACT}`))).toHaveLength(0)
      expect(since(resumed).every((r: any) => r.status === 200)).toBe(true)
      const after = (await admin.get("/admin/meta/campaigns")).data
      expect(after.sync).toMatchObject({ state: "complete", reason: null, resumes_at: null })
      for (const campaign of after.campaigns) {
        expect(campaign.metrics.last_7d.spend).toBe(emulator.ads.insights(campaign.meta_id, { datePreset: "last_7d" }).spend)
        for (const adSet of campaign.ad_sets) expect(adSet.metrics.last_30d.spend).toBe(emulator.ads.insights(adSet.meta_id, { datePreset: "last_30d" }).spend)
      }
    })

    it("Meta's throttling answer (#17 / 2446079) stops the sync at once with the reason and when access returns; the next run after that time completes", async () => {
      emulator.ads.configure({ accessTier: "development_access" })
      emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 2, adsPerAdSet: 2, historyDays: 3 })
      await connect()
      emulator.ads.setUsage(ACT, 100)

      const from = seen()
      const stopped = await sync()
      expect(stopped).toMatchObject({ synced: false, state: "waiting", calls: 1 })
      expect(stopped.reason).toMatch(/Meta throttled the ad account \(#17\/2446079: User request limit reached\)/)
      expect(Date.parse(stopped.resumes_at) - Date.now()).toBeGreaterThan(250_000)
      expect(since(from)).toHaveLength(1)

      // nor does the scheduled rules job, which mirrors the account first
      const idle = seen()
      expect((await sync()).calls).toBe(0)
      await evaluateMetaAdRulesJob(getContainer())
      expect(seen()).toBe(idle)

      await timePasses(301_000)
      const done = await sync()
      expect(done).toMatchObject({ synced: true, state: "complete", campaigns: 1, ad_sets: 2, ads: 4 })
      expect((await admin.get("/admin/meta/campaigns")).data.sync).toMatchObject({ state: "complete", reason: null })
    })
  },
})
