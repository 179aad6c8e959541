import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import evaluateMetaAdRulesJob from "../../src/jobs/evaluate-meta-ad-rules"
import { META_ADS_MODULE } from "../../src/modules/meta-ads"
import type MetaAdsModuleService from "../../src/modules/meta-ads/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { useTestEmulator } from "../helpers/meta-env"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9879
const ACT = "act_50001"

const emulator = useTestEmulator(EMULATOR_PORT)

medusaIntegrationTestRunner({
  dbName: "meta-it-ad-rules",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let seeded: { campaignIds: string[]; adSetIds: string[]; adIds: string[] }
    const svc = () => getContainer().resolve<MetaAdsModuleService>(META_ADS_MODULE)
    const admin = {
      get: (path: string) => api.get(path, { headers }),
      post: (path: string, body: unknown = {}) =>
        api.post(path, body, { headers }).catch((e: any) => {
          throw new Error(`${path} answered ${e.response?.status}: ${JSON.stringify(e.response?.data)}`)
        }),
    }
    const attempt = (path: string, body: unknown) => api.post(path, body, { headers }).catch((e: any) => e.response)
    const writes = () => emulator.ads.writes({ method: "POST" }).filter((w: any) => w.outcome === "applied")
    /** The next evaluation round as the job would run it (the claim makes each rule due again only after 25 min). */
    const dueAgain = async () => {
      const rules = await svc().listMetaAdRules({})
      await svc().updateMetaAdRules(rules.map((r) => ({ id: r.id, last_evaluated_at: null })))
    }

    beforeEach(async () => {
      emulator.reset()
      emulator.ads.configure({ accessTier: "standard_access" })
      headers = (await createAdminHeaders(getContainer(), api)).headers
      seeded = emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 2, adsPerAdSet: 2, dailyBudget: 5000, historyDays: 7 })
      await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001", ad_account_id: ACT }, { headers })
    })

    it("'pause if CPM > X' previews without writing, then pauses only the expensive ads, once, logging every decision", async () => {
      const [cheap1, expensive1, cheap2, expensive2] = seeded.adIds
      for (const id of [expensive1, expensive2]) emulator.ads.setPerformance(id, { cpm: "25" })
      for (const id of [cheap1, cheap2]) emulator.ads.setPerformance(id, { cpm: "4" })
      await admin.post("/admin/meta/campaigns/sync")
      const { data } = await admin.post("/admin/meta/rules", { name: "Stop expensive ads", template: "pause_high_cpm", values: { max_cpm: "12", min_impressions: "100" } })
      expect(data.rule).toMatchObject({ scope: "ad", dry_run: true, conditions: [{ metric: "cpm", operator: "gt", value: "12" }] })

      const preview = (await admin.post(`/admin/meta/rules/${data.rule.id}/preview`)).data
      const wouldPause = preview.decisions.filter((d: any) => d.after.status === "PAUSED").map((d: any) => d.object_meta_id).sort()
      expect(wouldPause).toEqual([expensive1, expensive2].sort())
      expect(preview.decisions.find((d: any) => d.object_meta_id === expensive1).numbers.cpm).toMatch(/^25/)
      expect(writes()).toHaveLength(0)

      // dry run: evaluated and logged, nothing sent
      await evaluateMetaAdRulesJob(getContainer())
      expect(writes()).toHaveLength(0)
      const dry = (await admin.get(`/admin/meta/rule-decisions?rule_id=${data.rule.id}`)).data
      expect(dry.count).toBe(4)
      expect(dry.decisions.every((d: any) => !d.acted && d.dry_run)).toBe(true)

      // live, and two evaluators racing: each expensive ad paused exactly once
      await admin.post(`/admin/meta/rules/${data.rule.id}`, { dry_run: false })
      await dueAgain()
      await Promise.all([evaluateMetaAdRulesJob(getContainer()), evaluateMetaAdRulesJob(getContainer())])
      const paused = writes().filter((w: any) => w.params.status === "PAUSED").map((w: any) => w.path.replace(/^\/?(v\d+\.\d+\/)?/, ""))
      expect(paused.sort()).toEqual([expensive1, expensive2].sort())
      const atMeta = emulator.ads.ads(ACT)
      expect(atMeta.filter((a: any) => a.status === "PAUSED").map((a: any) => a.id).sort()).toEqual([expensive1, expensive2].sort())
      const acted = (await admin.get(`/admin/meta/rule-decisions?rule_id=${data.rule.id}&acted=true`)).data
      expect(acted.count).toBe(2)
      expect(acted.decisions[0]).toMatchObject({ before: { status: "ACTIVE" }, after: { status: "PAUSED" } })
      expect(acted.decisions[0].change_id).toBeTruthy()
      const log = (await admin.get("/admin/meta/ad-changes")).data
      expect(log.changes.filter((c: any) => c.actor === `rule:${data.rule.id}`)).toHaveLength(2)

      // the next round: already paused, nothing more is written
      await dueAgain()
      await evaluateMetaAdRulesJob(getContainer())
      expect(writes().filter((w: any) => w.params.status === "PAUSED")).toHaveLength(2)
    })

    it("'scale budget 20 % if ROAS > Y' raises with absolute values, skips under the minimum spend and respects the account ceiling", async () => {
      const [winner, loser] = seeded.adSetIds
      emulator.ads.setPerformance(winner, { purchaseRate: "5", orderValue: "80" })
      emulator.ads.setPerformance(loser, { purchaseRate: "0.01", orderValue: "10" })
      await admin.post("/admin/meta/campaigns/sync")
      const { data } = await admin.post("/admin/meta/rules", { name: "Scale winners", template: "scale_budget_high_roas", values: { min_roas: "2", min_spend: "10" } })
      await admin.post(`/admin/meta/rules/${data.rule.id}`, { dry_run: false })
      // the ceiling leaves room for 60.00 of the 100.00 now spent per day: the 20 % raise (10.00) fits
      await admin.post("/admin/meta/rules/pause-all", { paused: false, daily_budget_ceiling: "110.00" })
      await evaluateMetaAdRulesJob(getContainer())
      const budgetWrites = writes().filter((w: any) => w.params.daily_budget)
      expect(budgetWrites).toHaveLength(1)
      expect(budgetWrites[0].params.daily_budget).toBe("6000")
      expect(emulator.ads.adSets(ACT).find((s: any) => s.id === winner).dailyBudget).toBe(6000)
      const decisions = (await admin.get(`/admin/meta/rule-decisions?rule_id=${data.rule.id}`)).data.decisions
      expect(decisions.find((d: any) => d.object_meta_id === loser).acted).toBe(false)

      // cooldown: a day must pass before the same ad set is raised again
      await dueAgain()
      await evaluateMetaAdRulesJob(getContainer())
      expect(writes().filter((w: any) => w.params.daily_budget)).toHaveLength(1)
      const cooled = (await admin.get(`/admin/meta/rule-decisions?rule_id=${data.rule.id}&object_id=${winner}`)).data.decisions[0]
      expect(cooled.skip_code).toBe("cooldown")
    })

    it("keeps the decisions that acted, and those that changed nothing for 30 days only", async () => {
      const { data } = await admin.post("/admin/meta/rules", { name: "Stop expensive ads", template: "pause_high_cpm", values: { max_cpm: "12", min_impressions: "100" } })
      const day = 24 * 60 * 60 * 1000
      const decision = (id: string, acted: boolean, ageDays: number) => ({
        rule_id: data.rule.id, evaluation_id: `eval_${id}`, object_type: "ad", object_meta_id: id, acted, action: acted ? "pause" : "none",
        skip_code: acted ? null : "condition_not_met", skipped_reason: acted ? null : "CPM under 12", note: null, lookback: "last_7d",
        numbers: {}, before: {}, after: {}, dry_run: false, change_id: null, evaluated_at: new Date(Date.now() - ageDays * day).toISOString(),
      })
      await svc().saveRuleDecisions([decision("old_skipped", false, 31), decision("old_acted", true, 400), decision("recent_skipped", false, 29)])
      await evaluateMetaAdRulesJob(getContainer())
      const kept = (await svc().listMetaAdRuleDecisions({ rule_id: data.rule.id }, { select: ["object_meta_id"] })).map((d) => d.object_meta_id)
      expect(kept).toEqual(expect.arrayContaining(["old_acted", "recent_skipped"]))
      expect(kept).not.toContain("old_skipped")
    })

    it("the one switch stops every rule; bad rules get a 400 naming the field", async () => {
      emulator.ads.setPerformance(seeded.adIds[0], { cpm: "40" })
      await admin.post("/admin/meta/campaigns/sync")
      const { data } = await admin.post("/admin/meta/rules", { name: "Stop", template: "pause_high_cpm", values: { max_cpm: "5", min_impressions: "1" } })
      await admin.post(`/admin/meta/rules/${data.rule.id}`, { dry_run: false })
      const off = await admin.post("/admin/meta/rules/pause-all", { paused: true })
      expect(off.data).toEqual({ rules_paused: true })
      await evaluateMetaAdRulesJob(getContainer())
      expect(writes()).toHaveLength(0)
      expect((await admin.get("/admin/meta/rule-decisions")).data.count).toBe(0)

      const badMetric = await attempt("/admin/meta/rules", {
        name: "Bad",
        scope: "ad",
        object_ids: "all",
        conditions: [{ metric: "likes", operator: "gt", value: "5" }],
        lookback: "last_7d",
        action: { type: "pause" },
        cooldown_minutes: 60,
        max_changes_per_day: 1,
        dry_run: true,
      })
      expect(badMetric.status).toBe(400)
      expect(badMetric.data.message).toMatch(/conditions\[0\]\.metric/)
      const badLookback = await attempt("/admin/meta/rules", { name: "Bad", template: "pause_high_cpm", values: { max_cpm: "5" }, lookback: "last_90d" })
      expect(badLookback.status).toBe(400)
      expect(badLookback.data.message).toMatch(/lookback/)
      const noName = await attempt("/admin/meta/rules", { template: "pause_high_cpm", values: { max_cpm: "5" } })
      expect(noName.status).toBe(400)
      expect(noName.data.message).toMatch(/name/)
      const templates = (await admin.get("/admin/meta/rules")).data.templates.map((t: any) => t.key)
      expect(templates).toEqual(expect.arrayContaining(["pause_high_cpm", "scale_budget_high_roas", "pause_out_of_stock"]))
    })
  },
})
