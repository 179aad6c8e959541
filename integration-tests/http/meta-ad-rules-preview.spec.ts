import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_ADS_MODULE } from "../../src/modules/meta-ads"
import type MetaAdsModuleService from "../../src/modules/meta-ads/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { useTestEmulator } from "../helpers/meta-env"
import { createTestStore } from "../helpers/store-setup"

jest.setTimeout(240_000)

const EMULATOR_PORT = 9882
const ACT = "act_50001"
// The store's products are not what these tests are about: keep the catalog worker quiet.
process.env.META_CATALOG_WORKER = "off"

const emulator = useTestEmulator(EMULATOR_PORT)

/**
 * A rule the merchant has not saved yet, previewed (`POST /admin/meta/rules/preview`); a saved rule run now
 * (`POST /admin/meta/rules/:id/evaluate`); and the "pause ads whose products are out of stock, resume when
 * back" template end to end, on the store's real inventory.
 */
medusaIntegrationTestRunner({
  dbName: "meta-it-ad-rules-preview",
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
    /** Any answer, 4xx included. */
    const attempt = (path: string, body: unknown = {}) => api.post(path, body, { headers }).catch((e: any) => e.response)
    /** Every write call that reached Meta, applied or refused. */
    const allWrites = () => emulator.ads.writes({ method: "POST" })
    const statusWrites = (status: string) =>
      allWrites()
        .filter((w: any) => w.outcome === "applied" && w.params.status === status)
        .map((w: any) => w.path.replace(/^\/?(v\d+\.\d+\/)?/, ""))
        .sort()
    const metaStatus = (id: string) => emulator.ads.ads(ACT).find((a: any) => a.id === id)!.status
    /** The rule may run now again (run-now waits a minute between two runs of one rule). */
    const dueAgain = async () => {
      const rules = await svc().listMetaAdRules({})
      await svc().updateMetaAdRules(rules.map((r) => ({ id: r.id, last_evaluated_at: null })))
    }
    const pauseHighCpm = { template: "pause_high_cpm", values: { max_cpm: "12", min_impressions: "100" } }

    beforeEach(async () => {
      emulator.reset()
      emulator.ads.configure({ accessTier: "standard_access" })
      headers = (await createAdminHeaders(getContainer(), api)).headers
      seeded = emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 2, adsPerAdSet: 2, dailyBudget: 5000, historyDays: 7 })
      await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001", ad_account_id: ACT }, { headers })
    })

    it("a draft previews the ads it would pause right now, and nothing is saved, logged or sent to Meta", async () => {
      const [cheap1, expensive1, cheap2, expensive2] = seeded.adIds
      for (const id of [expensive1, expensive2]) emulator.ads.setPerformance(id, { cpm: "25" })
      for (const id of [cheap1, cheap2]) emulator.ads.setPerformance(id, { cpm: "4" })
      await admin.post("/admin/meta/campaigns/sync")
      const writesBefore = allWrites().length

      const { data } = await admin.post("/admin/meta/rules/preview", pauseHighCpm)
      // The rule as saving would store it: the template's definition, in dry run.
      expect(data.rule).toMatchObject({ scope: "ad", lookback: "last_3d", dry_run: true, min_impressions: 100, conditions: [{ metric: "cpm", operator: "gt", value: "12" }] })
      expect(data.rule).not.toHaveProperty("id")
      const wouldPause = data.decisions.filter((d: any) => d.after.status === "PAUSED").map((d: any) => d.object_meta_id).sort()
      expect(wouldPause).toEqual([expensive1, expensive2].sort())
      const expensive = data.decisions.find((d: any) => d.object_meta_id === expensive1)
      expect(expensive).toMatchObject({ object_type: "ad", acted: false, skip_code: "dry_run", before: { status: "ACTIVE" }, after: { status: "PAUSED" } })
      expect(expensive.numbers.cpm).toMatch(/^25/)
      expect(expensive).not.toHaveProperty("rule_id")
      expect(data.decisions.find((d: any) => d.object_meta_id === cheap1)).toMatchObject({ skip_code: "conditions_not_met", after: { status: "ACTIVE" } })

      // A draft that is live (dry_run false) still only previews.
      const live = await admin.post("/admin/meta/rules/preview", { ...pauseHighCpm, name: "Stop expensive ads", dry_run: false, cooldown_minutes: 0 })
      expect(live.data.rule).toMatchObject({ dry_run: false, cooldown_minutes: 0 })
      expect(live.data.decisions.filter((d: any) => d.after.status === "PAUSED")).toHaveLength(2)
      expect(live.data.decisions.every((d: any) => d.dry_run && !d.acted)).toBe(true)

      expect(allWrites()).toHaveLength(writesBefore)
      expect(emulator.ads.ads(ACT).every((a: any) => a.status === "ACTIVE")).toBe(true)
      expect((await admin.get("/admin/meta/rules")).data.count).toBe(0)
      expect((await admin.get("/admin/meta/rule-decisions")).data.count).toBe(0)

      // A full definition without a template previews the same way, and the saved rule then previews alike.
      const definition = { ...live.data.rule, dry_run: true }
      const fromDefinition = (await admin.post("/admin/meta/rules/preview", definition)).data
      expect(fromDefinition.decisions.map((d: any) => [d.object_meta_id, d.after.status])).toEqual(data.decisions.map((d: any) => [d.object_meta_id, d.after.status]))
      const saved = (await admin.post("/admin/meta/rules", { name: "Stop expensive ads", ...definition })).data.rule
      const savedPreview = (await admin.post(`/admin/meta/rules/${saved.id}/preview`)).data
      expect(savedPreview.decisions.map((d: any) => [d.object_meta_id, d.after.status])).toEqual(data.decisions.map((d: any) => [d.object_meta_id, d.after.status]))
      expect(allWrites()).toHaveLength(writesBefore)
    })

    it("a bad draft gets a 400 naming the field, and nothing is saved", async () => {
      await admin.post("/admin/meta/campaigns/sync")
      const cases: [unknown, RegExp][] = [
        [{ ...pauseHighCpm, conditions: [{ metric: "likes", operator: "gt", value: "5" }] }, /conditions\[0\]\.metric/],
        [{ template: "pause_high_cpm", values: {} }, /conditions\[0\]\.value/],
        [{ template: "pause_everything" }, /template/],
        [{ ...pauseHighCpm, lookback: "last_90d" }, /lookback/],
        [{ ...pauseHighCpm, scope: "campaign", action: { type: "duplicate_ad_set" } }, /action\.type/],
        // The account is in USD: budgets have at most 2 decimals.
        [{ template: "scale_budget_high_roas", values: { min_roas: "2" }, action: { type: "set_budget", value: "10.555" } }, /action\.value/],
        [{ ...pauseHighCpm, cooldown_minutes: "soon" }, /cooldown_minutes/],
        [{ ...pauseHighCpm, colour: "red" }, /colour/],
      ]
      for (const [body, field] of cases) {
        const res = await attempt("/admin/meta/rules/preview", body)
        expect({ body, status: res.status }).toEqual({ body, status: 400 })
        expect(res.data.message).toMatch(field)
      }
      expect((await admin.get("/admin/meta/rules")).data.count).toBe(0)
      expect(allWrites().filter((w: any) => w.outcome === "applied")).toHaveLength(0)
    })

    it("a draft cannot be previewed before an ad account is mirrored", async () => {
      const res = await attempt("/admin/meta/rules/preview", pauseHighCpm)
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/sync campaigns first/)
    })

    it("a saved rule runs now on fresh figures and logs its decisions; in dry run nothing reaches Meta", async () => {
      const [cheap1, expensive, cheap2, cheap3] = seeded.adIds
      emulator.ads.setPerformance(expensive, { cpm: "30" })
      for (const id of [cheap1, cheap2, cheap3]) emulator.ads.setPerformance(id, { cpm: "4" })
      await admin.post("/admin/meta/campaigns/sync")
      const { rule } = (await admin.post("/admin/meta/rules", { name: "Stop expensive ads", ...pauseHighCpm })).data
      const writesBefore = allWrites().length

      const run = (await admin.post(`/admin/meta/rules/${rule.id}/evaluate`)).data
      expect(run.rule_id).toBe(rule.id)
      expect(run.decisions).toHaveLength(4)
      expect(run.decisions.every((d: any) => d.id && d.rule_id === rule.id && d.dry_run && !d.acted)).toBe(true)
      expect(run.decisions.find((d: any) => d.object_meta_id === expensive)).toMatchObject({ skip_code: "dry_run", after: { status: "PAUSED" } })
      const log = (await admin.get(`/admin/meta/rule-decisions?rule_id=${rule.id}`)).data
      expect(log.decisions.map((d: any) => d.id).sort()).toEqual(run.decisions.map((d: any) => d.id).sort())
      expect((await admin.get(`/admin/meta/rules/${rule.id}`)).data.rule.last_evaluated_at).toBeTruthy()
      // Only the mirror pass read Meta; nothing was written.
      expect(allWrites()).toHaveLength(writesBefore)
      expect(metaStatus(expensive)).toBe("ACTIVE")

      // Twice within a minute: the second run has nothing new to judge.
      const again = await attempt(`/admin/meta/rules/${rule.id}/evaluate`)
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/less than a minute ago/)
      expect((await admin.get(`/admin/meta/rule-decisions?rule_id=${rule.id}`)).data.count).toBe(4)

      // Live: the expensive ad is paused at Meta, once.
      await admin.post(`/admin/meta/rules/${rule.id}`, { dry_run: false })
      await dueAgain()
      const liveRun = (await admin.post(`/admin/meta/rules/${rule.id}/evaluate`)).data
      expect(liveRun.decisions.filter((d: any) => d.acted).map((d: any) => d.object_meta_id)).toEqual([expensive])
      expect(statusWrites("PAUSED")).toEqual([expensive])
      expect(metaStatus(expensive)).toBe("PAUSED")

      // The one switch, a turned-off rule and an unknown rule say why nothing ran.
      await dueAgain()
      await admin.post("/admin/meta/rules/pause-all", { paused: true })
      const paused = await attempt(`/admin/meta/rules/${rule.id}/evaluate`)
      expect(paused.status).toBe(400)
      expect(paused.data.message).toMatch(/All rules are paused/)
      await admin.post("/admin/meta/rules/pause-all", { paused: false })
      await admin.post(`/admin/meta/rules/${rule.id}`, { enabled: false })
      const off = await attempt(`/admin/meta/rules/${rule.id}/evaluate`)
      expect(off.status).toBe(400)
      expect(off.data.message).toMatch(/turned off/)
      expect((await attempt("/admin/meta/rules/rule_missing/evaluate")).status).toBe(404)
      expect((await attempt(`/admin/meta/rules/${rule.id}/evaluate`, { force: true })).status).toBe(400)
      expect(statusWrites("PAUSED")).toEqual([expensive])
    })

    it("'pause ads whose products are out of stock, resume when back' follows the store's inventory, never resuming an ad paused by hand", async () => {
      const store = await createTestStore(getContainer())
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [variant],
      } = await query.graph({
        entity: "product_variant",
        fields: ["product_id", "inventory_items.inventory_item_id", "inventory_items.inventory.location_levels.location_id"],
        filters: { id: store.variantId },
      })
      const productId = (variant as any).product_id
      const inventoryItemId = (variant as any).inventory_items[0].inventory_item_id
      const locationId = (variant as any).inventory_items[0].inventory.location_levels[0].location_id
      const setStock = (stocked_quantity: number) => admin.post(`/admin/inventory-items/${inventoryItemId}/location-levels/${locationId}`, { stocked_quantity })

      await admin.post("/admin/meta/campaigns/sync")
      // Three ads show the T-shirt (as a boosted post of it would); the fourth shows no store product.
      const [tee1, tee2, pausedByHand, unrelated] = seeded.adIds
      for (const id of [tee1, tee2, pausedByHand]) await svc().setAdProductIds(id, [productId])
      const [handAd] = await svc().listMetaAds({ meta_id: pausedByHand })
      await admin.post(`/admin/meta/ads/${handAd.id}/status`, { status: "PAUSED" })
      expect(metaStatus(pausedByHand)).toBe("PAUSED")

      const { rule } = (await admin.post("/admin/meta/rules", { name: "Out of stock", template: "pause_out_of_stock" })).data
      expect(rule).toMatchObject({ scope: "ad", resume_when_clear: true, conditions: [{ metric: "stock", operator: "eq", value: "0" }] })
      await admin.post(`/admin/meta/rules/${rule.id}`, { dry_run: false })

      // In stock: nothing to do.
      const inStock = (await admin.post(`/admin/meta/rules/${rule.id}/evaluate`)).data.decisions
      expect(inStock.filter((d: any) => d.acted)).toHaveLength(0)
      expect(inStock.find((d: any) => d.object_meta_id === tee1)).toMatchObject({ skip_code: "conditions_not_met", numbers: { stock: "1", products: "1" } })
      expect(inStock.find((d: any) => d.object_meta_id === unrelated)).toMatchObject({ skip_code: "missing_data" })

      // Sold out: the two live T-shirt ads are paused at Meta; the one paused by hand stays as it is.
      await setStock(0)
      const preview = (await admin.post(`/admin/meta/rules/${rule.id}/preview`)).data.decisions
      expect(preview.filter((d: any) => d.after.status === "PAUSED" && d.before.status === "ACTIVE").map((d: any) => d.object_meta_id).sort()).toEqual([tee1, tee2].sort())
      expect(statusWrites("PAUSED")).toEqual([pausedByHand])
      await dueAgain()
      const soldOut = (await admin.post(`/admin/meta/rules/${rule.id}/evaluate`)).data.decisions
      expect(soldOut.filter((d: any) => d.acted).map((d: any) => d.object_meta_id).sort()).toEqual([tee1, tee2].sort())
      expect(soldOut.find((d: any) => d.object_meta_id === tee1)).toMatchObject({ action: "pause", numbers: { stock: "0" }, before: { status: "ACTIVE" }, after: { status: "PAUSED" } })
      expect(soldOut.find((d: any) => d.object_meta_id === pausedByHand)).toMatchObject({ acted: false, skip_code: "already_in_state" })
      expect(statusWrites("PAUSED")).toEqual([pausedByHand, tee1, tee2].sort())
      expect([tee1, tee2, pausedByHand, unrelated].map(metaStatus)).toEqual(["PAUSED", "PAUSED", "PAUSED", "ACTIVE"])

      // Still sold out: nothing more is written.
      await dueAgain()
      const still = (await admin.post(`/admin/meta/rules/${rule.id}/evaluate`)).data.decisions
      expect(still.filter((d: any) => d.acted)).toHaveLength(0)
      expect(still.find((d: any) => d.object_meta_id === tee1)).toMatchObject({ skip_code: "already_in_state" })

      // Back in stock: the rule resumes the ads it paused, and only those.
      await setStock(5)
      await dueAgain()
      const back = (await admin.post(`/admin/meta/rules/${rule.id}/evaluate`)).data.decisions
      expect(back.filter((d: any) => d.acted).map((d: any) => d.object_meta_id).sort()).toEqual([tee1, tee2].sort())
      expect(back.find((d: any) => d.object_meta_id === tee2)).toMatchObject({ action: "activate", before: { status: "PAUSED" }, after: { status: "ACTIVE" } })
      expect(back.find((d: any) => d.object_meta_id === tee2).note).toMatch(/this rule paused it, so it is resumed/)
      expect(back.find((d: any) => d.object_meta_id === pausedByHand)).toMatchObject({ acted: false, skip_code: "conditions_not_met" })
      expect(statusWrites("ACTIVE")).toEqual([tee1, tee2].sort())
      expect([tee1, tee2, pausedByHand, unrelated].map(metaStatus)).toEqual(["ACTIVE", "ACTIVE", "PAUSED", "ACTIVE"])

      // Every change is in the audit log under the rule's name, and every decision in the decisions log.
      const changes = (await admin.get("/admin/meta/ad-changes?limit=50")).data.changes.filter((c: any) => c.actor === `rule:${rule.id}`)
      expect(changes).toHaveLength(4)
      const acted = (await admin.get(`/admin/meta/rule-decisions?rule_id=${rule.id}&acted=true`)).data
      expect(acted.count).toBe(4)
    })
  },
})
