import { createHmac } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_ADS_MODULE } from "../../src/modules/meta-ads"
import type MetaAdsModuleService from "../../src/modules/meta-ads/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { TEST_APP_SECRET, useTestEmulator } from "../helpers/meta-env"

jest.setTimeout(240_000)

const EMULATOR_PORT = 9881
const ACT = "act_50001"
const HALF_HOUR = 30 * 60 * 1000

const emulator = useTestEmulator(EMULATOR_PORT)

/** The body Meta holds for a safety-net rule, as the plugin must send it. */
const expectedRule = (name: string, preset: string, field: string, value: number) => ({
  name,
  status: "ENABLED",
  evaluationSpec: {
    evaluation_type: "SCHEDULE",
    filters: [
      { field: "entity_type", value: "AD", operator: "EQUAL" },
      { field: "time_preset", value: preset, operator: "EQUAL" },
      { field, value, operator: "GREATER_THAN" },
    ],
  },
  executionSpec: { execution_type: "PAUSE" },
  scheduleSpec: { schedule_type: "SEMI_HOURLY" },
})

medusaIntegrationTestRunner({
  dbName: "meta-it-ad-safety-net",
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
    const attempt = (body: unknown) => api.post("/admin/meta/rules/safety-net", body, { headers }).catch((e: any) => e.response)
    const setNet = async (body: unknown) => (await admin.post("/admin/meta/rules/safety-net", body)).data.safety_net
    const getNet = async () => (await admin.get("/admin/meta/rules/safety-net")).data.safety_net
    /** Live rules at Meta (the library lists no deleted ones). */
    const liveRules = (act = ACT) => emulator.ads.rules(act).filter((r: any) => r.status !== "DELETED")
    const connect = async (act: string) => {
      await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001", ad_account_id: act }, { headers })
    }
    const sync = () => admin.post("/admin/meta/campaigns/sync")

    beforeEach(async () => {
      emulator.reset()
      emulator.ads.configure({ accessTier: "standard_access" })
      headers = (await createAdminHeaders(getContainer(), api)).headers
    })

    it("turning on creates Meta's rules with the exact spec; the same values again send nothing; a new cap updates the rule; off disables, on re-enables, null deletes", async () => {
      emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 2 })
      await connect(ACT)
      await sync()
      expect(await getNet()).toMatchObject({ ad_account_id: ACT, currency: "USD", enabled: false, spend_cap_daily: null, max_frequency: null, rules: [], history: [] })

      const on = await setNet({ enabled: true, spend_cap_daily: "50", max_frequency: "4" })
      expect(on).toMatchObject({ enabled: true, currency: "USD", spend_cap_daily: "50.00", max_frequency: "4" })
      const atMeta = liveRules()
      expect(atMeta).toHaveLength(2)
      const spendRule = atMeta.find((r: any) => r.name.includes("spend"))!
      const frequencyRule = atMeta.find((r: any) => r.name.includes("frequency"))!
      expect(spendRule).toMatchObject(expectedRule("Medusa safety net: pause ads when spend today exceeds 50 USD", "TODAY", "spent", 5000))
      expect(frequencyRule).toMatchObject(expectedRule("Medusa safety net: pause ads when frequency last 7 days exceeds 4", "LAST_7_DAYS", "frequency", 4))
      expect(on.rules.map((r: any) => [r.kind, r.meta_rule_id, r.status]).sort()).toEqual(
        [
          ["frequency_cap", frequencyRule.id, "ENABLED"],
          ["spend_cap", spendRule.id, "ENABLED"],
        ].sort()
      )

      // the same values, written otherwise: nothing is sent to Meta
      const writesBefore = emulator.ads.writes().length
      const again = await setNet({ enabled: true, spend_cap_daily: "50.00", max_frequency: "4.0" })
      expect(emulator.ads.writes().length).toBe(writesBefore)
      expect(liveRules()).toHaveLength(2)
      expect(again).toMatchObject({ enabled: true, spend_cap_daily: "50.00", max_frequency: "4" })

      // a new cap: the same rule at Meta, updated; the frequency rule is left alone
      const raised = await setNet({ enabled: true, spend_cap_daily: "75.5" })
      expect(liveRules()).toHaveLength(2)
      expect(emulator.ads.rules(ACT).find((r: any) => r.id === spendRule.id)).toMatchObject(
        expectedRule("Medusa safety net: pause ads when spend today exceeds 75.5 USD", "TODAY", "spent", 7550)
      )
      expect(emulator.ads.rules(ACT).find((r: any) => r.id === frequencyRule.id)!.updatedAt).toBe(frequencyRule.updatedAt)
      expect(raised).toMatchObject({ spend_cap_daily: "75.50", max_frequency: "4" })
      expect(raised.rules.find((r: any) => r.kind === "spend_cap").spec.evaluation_spec.filters[2]).toEqual({ field: "spent", value: 7550, operator: "GREATER_THAN" })

      // off: both disabled at Meta, the values kept
      const off = await setNet({ enabled: false })
      expect(emulator.ads.rules(ACT).map((r: any) => r.status)).toEqual(["DISABLED", "DISABLED"])
      expect(off).toMatchObject({ enabled: false, spend_cap_daily: "75.50", max_frequency: "4" })
      const offWrites = emulator.ads.writes().length
      await setNet({ enabled: false })
      expect(emulator.ads.writes().length).toBe(offWrites)

      // on again: the same two rules, enabled, none created
      await setNet({ enabled: true })
      expect(emulator.ads.rules(ACT).map((r: any) => [r.id, r.status]).sort()).toEqual(
        [
          [spendRule.id, "ENABLED"],
          [frequencyRule.id, "ENABLED"],
        ].sort()
      )

      // null: that rule is deleted at Meta
      const noFrequency = await setNet({ enabled: true, max_frequency: null })
      expect(emulator.ads.rules(ACT).find((r: any) => r.id === frequencyRule.id)!.status).toBe("DELETED")
      expect(noFrequency).toMatchObject({ enabled: true, spend_cap_daily: "75.50", max_frequency: null })
      expect(noFrequency.rules).toHaveLength(1)
    })

    it("a JPY account's cap is sent in whole yen, even before the first sync", async () => {
      emulator.ads.seedAccount({ id: "act_50002", currency: "JPY", timezone: "Asia/Tokyo", campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 1, dailyBudget: 10000 })
      await connect("act_50002")
      await setNet({ enabled: true, spend_cap_daily: "3000" })
      expect(liveRules("act_50002")).toEqual([expect.objectContaining(expectedRule("Medusa safety net: pause ads when spend today exceeds 3000 JPY", "TODAY", "spent", 3000))])
      const half = await attempt({ enabled: true, spend_cap_daily: "3000.5" })
      expect(half.status).toBe(400)
      expect(half.data.message).toBe("spend_cap_daily: JPY budgets are whole JPY at Meta (no decimals)")
      expect(liveRules("act_50002")).toHaveLength(1)
    })

    it("a COP account's cap is sent in whole pesos (offset 1, not the ISO exponent)", async () => {
      emulator.ads.seedAccount({ id: "act_50003", currency: "COP", timezone: "America/Bogota", campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 1, dailyBudget: 500000 })
      await connect("act_50003")
      await sync()
      const net = await setNet({ enabled: true, spend_cap_daily: "200000" })
      expect(net).toMatchObject({ currency: "COP", spend_cap_daily: "200000" })
      expect(liveRules("act_50003")).toEqual([expect.objectContaining(expectedRule("Medusa safety net: pause ads when spend today exceeds 200000 COP", "TODAY", "spent", 200000))])
    })

    it("Meta's rules pause ads while the plugin does nothing; the next sync mirrors their history with the paused ads, once", async () => {
      const seeded = emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 2, adsPerAdSet: 2, dailyBudget: 5000, historyDays: 7 })
      const [tired, ...others] = seeded.adIds
      emulator.ads.setPerformance(tired, { frequency: "6" })
      await connect(ACT)
      await sync()
      await setNet({ enabled: true, spend_cap_daily: "1000", max_frequency: "4" })

      // the store is "down": only Meta's clock moves
      emulator.ads.advance(HALF_HOUR + 60_000)
      const statuses = () => Object.fromEntries(emulator.ads.ads(ACT).map((a: any) => [a.id, a.status]))
      expect(statuses()).toEqual({ [tired]: "PAUSED", ...Object.fromEntries(others.map((id) => [id, "ACTIVE"])) })
      expect((await getNet()).history).toEqual([])

      await sync()
      const first = await getNet()
      expect(first.history).toHaveLength(1)
      expect(first.history[0]).toMatchObject({
        kind: "frequency_cap",
        is_manual: false,
        objects: [{ id: tired, type: "AD", name: expect.any(String), old_status: "ACTIVE", new_status: "PAUSED" }],
      })
      expect(first.rules.every((r: any) => r.history_synced_at)).toBe(true)
      const [mirrored] = await svc().listMetaAds({ meta_id: tired })
      expect(mirrored.status).toBe("PAUSED")

      // a second sync adds nothing
      await sync()
      expect((await getNet()).history).toHaveLength(1)
      expect(await svc().listMetaAdNativeRuleRuns({})).toHaveLength(1)

      // a cap every ad is over: Meta pauses the rest at its next evaluations
      await setNet({ enabled: true, spend_cap_daily: "0.01" })
      emulator.ads.advance(2 * HALF_HOUR + 60_000)
      expect(Object.values(statuses())).toEqual(["PAUSED", "PAUSED", "PAUSED", "PAUSED"])
      await sync()
      const second = await getNet()
      const bySpend = second.history.filter((run: any) => run.kind === "spend_cap")
      expect(bySpend.flatMap((run: any) => run.objects.map((o: any) => o.id)).sort()).toEqual([...others].sort())
      expect(second.history.filter((run: any) => run.kind === "frequency_cap")).toHaveLength(1)
      // newest first
      const times = second.history.map((run: any) => run.ran_at)
      expect([...times].sort().reverse()).toEqual(times)
      await sync()
      expect((await getNet()).history).toHaveLength(second.history.length)
    })

    it("an answer Meta lost is not a second rule; what the merchant changes in Ads Manager comes back with the sync", async () => {
      emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 1 })
      await connect(ACT)
      await sync()
      // Meta makes the spend-cap rule, and the answer never arrives
      emulator.injectFault({ method: "POST", path: "/adrules_library", kind: "lost_response" })
      const net = await setNet({ enabled: true, spend_cap_daily: "20", max_frequency: "3" })
      expect(liveRules()).toHaveLength(2)
      // two creations sent; after the lost one the library was read again and the rule found there
      expect(emulator.requests({ method: "POST", path: /adrules_library$/ })).toHaveLength(2)
      expect(emulator.requests({ method: "GET", path: /adrules_library$/ })).toHaveLength(3)
      expect(net.rules.map((r: any) => r.meta_rule_id).sort()).toEqual(liveRules().map((r: any) => r.id).sort())

      // in Ads Manager: the frequency rule switched off, the spend-cap rule deleted
      const token = emulator.createSystemUserToken()
      const appsecret_proof = createHmac("sha256", TEST_APP_SECRET).update(token).digest("hex")
      const spendId = net.rules.find((r: any) => r.kind === "spend_cap").meta_rule_id
      const frequencyId = net.rules.find((r: any) => r.kind === "frequency_cap").meta_rule_id
      await fetch(`${emulator.url}/v25.0/${frequencyId}`, { method: "POST", body: new URLSearchParams({ status: "DISABLED", access_token: token, appsecret_proof }) })
      await fetch(`${emulator.url}/v25.0/${spendId}?access_token=${token}&appsecret_proof=${appsecret_proof}`, { method: "DELETE" })
      await sync()
      expect(await getNet()).toMatchObject({ enabled: false, spend_cap_daily: null, max_frequency: "3", rules: [{ kind: "frequency_cap", status: "DISABLED" }] })

      // saving again puts the net back: a new spend-cap rule, the frequency rule enabled again
      const back = await setNet({ enabled: true, spend_cap_daily: "20" })
      expect(back).toMatchObject({ enabled: true, spend_cap_daily: "20.00", max_frequency: "3" })
      expect(liveRules().map((r: any) => r.status)).toEqual(["ENABLED", "ENABLED"])
      expect(back.rules.find((r: any) => r.kind === "spend_cap").meta_rule_id).not.toBe(spendId)
    })

    it("two saves at once make one rule per guard", async () => {
      emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 1 })
      await connect(ACT)
      await sync()
      const body = { enabled: true, spend_cap_daily: "20", max_frequency: "3" }
      await Promise.all([setNet(body), setNet(body)])
      expect(liveRules()).toHaveLength(2)
      expect(await svc().listMetaAdNativeRules({})).toHaveLength(2)
    })

    it("bad input is a 400 naming the field, and nothing reaches Meta", async () => {
      emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 1 })
      await connect(ACT)
      await sync()
      const cases: [unknown, RegExp][] = [
        [{}, /enabled/],
        [{ enabled: "yes" }, /field 'enabled'/],
        [{ enabled: true, spend_cap_daily: 50 }, /spend_cap_daily/],
        [{ enabled: true, spend_cap_daily: "50 USD" }, /spend_cap_daily must be a decimal string/],
        [{ enabled: true, max_frequency: "-1" }, /max_frequency must be a decimal string/],
        [{ enabled: true, spend_cap_daily: "12.345" }, /^spend_cap_daily: USD budgets can have at most 2 decimals at Meta$/],
        [{ enabled: true, spend_cap_daily: "0" }, /^spend_cap_daily must be greater than 0$/],
        [{ enabled: true, max_frequency: "0" }, /^max_frequency must be a number greater than 0/],
        [{ enabled: true, max_frequency: "2.555" }, /^max_frequency can have at most 2 decimals$/],
        [{ enabled: true }, /needs spend_cap_daily, max_frequency or both/],
        [{ enabled: true, spend_cap_daily: "5", cpm: "3" }, /cpm/],
      ]
      for (const [body, message] of cases) {
        const res = await attempt(body)
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400])
        expect(res.data.message).toMatch(message)
      }
      expect(emulator.ads.writes()).toHaveLength(0)
      expect(await svc().listMetaAdNativeRules({})).toHaveLength(0)
    })

    it("Meta's refusal is a 400 with Meta's message on the field, and the rule already made is deleted again", async () => {
      emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 1 })
      await connect(ACT)
      await sync()
      // the account holds 249 rules of its own: room for one more (Meta allows 250)
      const token = emulator.createSystemUserToken()
      const appsecret_proof = createHmac("sha256", TEST_APP_SECRET).update(token).digest("hex")
      const fillers: string[] = []
      for (let i = 0; i < 249; i++) {
        const res = await fetch(`${emulator.url}/v25.0/${ACT}/adrules_library`, {
          method: "POST",
          body: new URLSearchParams({
            name: `Merchant rule ${i}`,
            evaluation_spec: JSON.stringify({ evaluation_type: "SCHEDULE", filters: [{ field: "entity_type", value: "AD", operator: "EQUAL" }] }),
            execution_spec: JSON.stringify({ execution_type: "NOTIFICATION" }),
            schedule_spec: JSON.stringify({ schedule_type: "DAILY" }),
            access_token: token,
            appsecret_proof,
          }),
        })
        expect(res.status).toBe(200)
        fillers.push(((await res.json()) as { id: string }).id)
      }

      const refused = await attempt({ enabled: true, spend_cap_daily: "50", max_frequency: "4" })
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(
        "max_frequency: Meta refused the safety net rule: Rule Limit Reached: An ad account can have at most 250 rules. Delete a rule to create a new one."
      )
      // the spend-cap rule Meta took first was deleted again; nothing is kept
      expect(liveRules()).toHaveLength(249)
      expect(emulator.ads.rules(ACT).filter((r: any) => r.name.startsWith("Medusa safety net")).map((r: any) => r.status)).toEqual(["DELETED"])
      expect(await getNet()).toMatchObject({ enabled: false, rules: [] })

      // with room made, the same request goes through (the lock was released)
      await fetch(`${emulator.url}/v25.0/${fillers[0]}?access_token=${token}&appsecret_proof=${appsecret_proof}`, { method: "DELETE" })
      await fetch(`${emulator.url}/v25.0/${fillers[1]}?access_token=${token}&appsecret_proof=${appsecret_proof}`, { method: "DELETE" })
      const net = await setNet({ enabled: true, spend_cap_daily: "50", max_frequency: "4" })
      expect(net).toMatchObject({ enabled: true, spend_cap_daily: "50.00", max_frequency: "4" })
      expect(liveRules()).toHaveLength(249)
    })
  },
})
