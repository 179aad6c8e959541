import { startGraphEmulator, type GraphEmulator } from "../index"
import { graphGet, graphSend } from "./emulator-test-client"
import { ACT, adsClient, refusal, START, type Ads } from "./ads-test-helpers"

describe("Graph emulator: Marketing API throttling, control routes and seeding", () => {
  let emulator: GraphEmulator
  let token: string
  let ads: Ads

  beforeAll(async () => {
    emulator = await startGraphEmulator({ now: () => START })
    ads = adsClient(emulator, () => token)
  })
  afterAll(async () => emulator.close())
  beforeEach(() => {
    emulator.reset()
    token = emulator.createSystemUserToken()
  })

  const header = (answer: { headers: Headers }, name: string) => JSON.parse(answer.headers.get(name) ?? "null")

  it("answers every ad-account call with X-Ad-Account-Usage and X-Business-Use-Case-Usage (development tier by default)", async () => {
    const first = await ads.get(`${ACT}/campaigns`)
    expect(header(first, "x-ad-account-usage")).toEqual({ acc_id_util_pct: 1.67, reset_time_duration: 300, ads_api_access_tier: "development_access" })
    expect(header(first, "x-business-use-case-usage")).toEqual({
      "50001": [{ type: "ads_management", call_count: 0, total_cputime: 0, total_time: 0, estimated_time_to_regain_access: 0, ads_api_access_tier: "development_access" }],
    })
    // The Marketing API is excluded from the platform limit.
    expect(first.headers.get("x-app-usage")).toBeNull()
    const campaignId = await ads.campaign()
    // A read scores 1, a write 3, of the 60 a development-tier account has per 300 s.
    expect(header(await ads.get(campaignId), "x-ad-account-usage").acc_id_util_pct).toBe(8.33)
    const insights = await ads.get(`${campaignId}/insights`)
    expect(header(insights, "x-business-use-case-usage")["50001"][0].type).toBe("ads_insights")
    expect(header(insights, "x-fb-ads-insights-throttle")).toEqual({ app_id_util_pct: 0, acc_id_util_pct: 10, ads_api_access_tier: "development_access" })
  })

  it("throttles a development-tier account after 20 writes in 5 minutes with 17 / 2446079, until the block ends", async () => {
    for (let i = 0; i < 20; i += 1) await ads.creative({ name: `C${i}` })
    const blocked = await ads.post(`${ACT}/adcreatives`, { object_story_spec: { page_id: "30001", link_data: { link: "https://x.example" } } })
    expect(blocked.status).toBe(400)
    expect(blocked.body.error).toMatchObject({
      code: 17,
      error_subcode: 2446079,
      message: "(#17) User request limit reached",
      error_user_title: "Ad Account Has Too Many API Calls",
      is_transient: true,
    })
    expect(header(blocked, "x-ad-account-usage")).toMatchObject({ acc_id_util_pct: 100, reset_time_duration: 300 })
    expect(emulator.ads.creatives(ACT)).toHaveLength(20)
    expect(emulator.ads.writes().at(-1)).toMatchObject({ outcome: "refused", error: { code: 17, subcode: 2446079 } })
    expect((await ads.get(`${ACT}/campaigns`)).body.error.code).toBe(17)
    emulator.ads.advance(301 * 1000)
    const after = await ads.get(`${ACT}/campaigns`)
    expect(after.status).toBe(200)
    expect(header(after, "x-ad-account-usage").acc_id_util_pct).toBe(1.67)
  })

  it("setUsage drives the headers and the throttles: ad-account score → 17, ads_management quota → 80004", async () => {
    emulator.ads.setUsage(ACT, 50)
    expect(header(await ads.get(ACT), "x-ad-account-usage").acc_id_util_pct).toBe(51.67)
    emulator.ads.setUsage(ACT, 100)
    expect(refusal(await ads.get(ACT))).toMatchObject({ code: 17, subcode: 2446079 })

    emulator.ads.setUsage(ACT, 0)
    emulator.ads.setUsage(ACT, 100, "ads_management")
    const throttled = await ads.get(`${ACT}/campaigns`)
    expect(throttled.body.error).toMatchObject({
      code: 80004,
      error_subcode: 2446079,
      message: expect.stringContaining("There have been too many calls to this ad-account. Wait a bit and try again."),
    })
    const buc = header(throttled, "x-business-use-case-usage")["50001"][0]
    expect(buc).toMatchObject({ type: "ads_management", call_count: 100 })
    expect(buc.estimated_time_to_regain_access).toBeGreaterThan(0)
    // Insights have their own quota.
    expect((await ads.get(`${ACT}/insights`)).status).toBe(200)
    emulator.ads.setUsage(ACT, 100, "ads_insights")
    expect(refusal(await ads.get(`${ACT}/insights`)).code).toBe(80000)
  })

  it("the standard tier scores against 9000 and reports standard_access", async () => {
    emulator.ads.configure({ accessTier: "standard_access" })
    for (let i = 0; i < 25; i += 1) await ads.creative({ name: `C${i}` })
    const answer = await ads.get(ACT)
    expect(header(answer, "x-ad-account-usage")).toMatchObject({ acc_id_util_pct: 0.84, ads_api_access_tier: "standard_access" })
  })

  it("counts each operation of a Graph batch: usage per write, each logged, each answered with the account's headers", async () => {
    const { campaignId, adSetId, adId } = await ads.tree()
    emulator.ads.clearWrites()
    const answer = await graphSend(emulator, "POST", "", token, {
      batch: [
        { method: "POST", relative_url: `${adId}`, body: "status=PAUSED" },
        { method: "POST", relative_url: `${adSetId}`, body: "daily_budget=6000" },
        { method: "POST", relative_url: `${campaignId}`, body: "daily_budget=1" },
      ],
    })
    expect(answer.status).toBe(200)
    const [paused, budget, refused] = answer.body
    expect([paused.code, budget.code, refused.code]).toEqual([200, 200, 400])
    expect(JSON.parse(refused.body).error.error_subcode).toBe(1885621)
    const usage = paused.headers.find((h: { name: string }) => h.name === "X-Ad-Account-Usage")
    expect(JSON.parse(usage.value)).toMatchObject({ ads_api_access_tier: "development_access" })
    expect(emulator.ads.ads(ACT)[0].status).toBe("PAUSED")
    expect(emulator.ads.adSets(ACT)[0].dailyBudget).toBe(6000)
    expect(emulator.ads.writes().map((w) => w.outcome)).toEqual(["applied", "applied", "refused"])
    // Four writes to build the tree, three in the batch, one read: (7 × 3 + 1) / 60.
    expect(header(await ads.get(ACT), "x-ad-account-usage").acc_id_util_pct).toBe(36.67)
  })

  it("control routes: GET /_emulator/ads and POST /_emulator/ads/config (tier, seed, usage, performance, clock)", async () => {
    const configured = await fetch(new URL("/_emulator/ads/config", emulator.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        access_tier: "standard_access",
        seed: { id: "act_70001", currency: "JPY", timezone: "Asia/Tokyo", campaigns: 2, ad_sets_per_campaign: 2, ads_per_ad_set: 1 },
        advance_ms: 24 * 3600 * 1000,
      }),
    })
    expect(await configured.json()).toMatchObject({ configured: true, seeded: { account_id: "act_70001", campaigns: 2, ad_sets: 4, ads: 4 } })
    const state = await (await fetch(new URL("/_emulator/ads?account=act_70001", emulator.url))).json()
    expect(state.config).toMatchObject({ accessTier: "standard_access" })
    expect(state.campaigns).toHaveLength(2)
    expect(state.ads[0]).toMatchObject({ effectiveStatus: "ACTIVE", accountId: "act_70001" })
    expect(state.accounts.find((a: { id: string }) => a.id === "act_70001")).toMatchObject({ currency: "JPY", amountSpent: 6000 })
    const summary = await (await fetch(new URL("/_emulator/ads?summary=1", emulator.url))).json()
    expect(summary.campaigns).toBeUndefined()
    const bad = await fetch(new URL("/_emulator/ads/config", emulator.url), { method: "POST", body: JSON.stringify({ access_tier: "gold" }), headers: { "content-type": "application/json" } })
    expect(bad.status).toBe(400)
  })

  it("seeds 500 campaigns / 2,000 ad sets / 10,000 ads fast and reads them in few calls", async () => {
    emulator.ads.configure({ accessTier: "standard_access" })
    const started = Date.now()
    const seeded = emulator.ads.seedAccount({ id: "act_80001", currency: "EUR", timezone: "Europe/Berlin", campaigns: 500, adSetsPerCampaign: 4, adsPerAdSet: 5, dailyBudget: 1000, historyDays: 30 })
    expect(Date.now() - started).toBeLessThan(5000)
    expect([seeded.campaignIds.length, seeded.adSetIds.length, seeded.adIds.length]).toEqual([500, 2000, 10000])
    const fields = "id,name,status,effective_status,daily_budget,adsets.limit(100){id,name,daily_budget,ads.limit(100){id,name,effective_status}}"
    let next: string | undefined
    let campaigns = 0
    let adCount = 0
    let calls = 0
    let page = await graphGet(emulator, "act_80001/campaigns", token, { fields, limit: "100" })
    for (;;) {
      calls += 1
      campaigns += page.body.data.length
      for (const c of page.body.data) for (const s of c.adsets.data) adCount += s.ads.data.length
      next = page.body.paging?.next
      if (!next) break
      const response = await fetch(next)
      page = { status: response.status, body: await response.json(), headers: response.headers }
    }
    expect([campaigns, adCount, calls]).toEqual([500, 10000, 5])
    const insights = await graphGet(emulator, "act_80001/insights", token, { level: "ad", date_preset: "last_30d", fields: "ad_id,spend", limit: "500" })
    expect(insights.body.data).toHaveLength(500)
    expect(emulator.ads.insights("act_80001", { datePreset: "last_7d" }).spend).toBe(String(2000 * 10 * 7) + ".00")
  })
})
