import { startGraphEmulator, type GraphEmulator } from "../index"
import { ACT, adsClient, DAY, HOUR, refusal, START, type Ads } from "./ads-test-helpers"

describe("Graph emulator: Marketing API insights", () => {
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
    emulator.ads.configure({ accessTier: "standard_access" })
    token = emulator.createSystemUserToken()
  })

  const spend = async (id: string, params: Record<string, string> = { date_preset: "maximum" }) => {
    const answer = await ads.get(`${id}/insights`, { fields: "spend", ...params })
    expect(answer.status).toBe(200)
    return answer.body.data.map((row: { spend: string }) => row.spend)
  }

  it("ACTIVE objects spend their daily budget per day; PAUSED ones never", async () => {
    const active = await ads.tree({ dailyBudget: 5000 })
    const paused = await ads.tree({ status: "PAUSED", dailyBudget: 5000 })
    expect(await spend(active.adId)).toEqual([])
    emulator.ads.advance(DAY)
    expect(await spend(active.campaignId)).toEqual(["50.00"])
    expect(await spend(paused.campaignId)).toEqual([])
    expect(emulator.ads.insights(ACT).spend).toBe("50.00")
    expect((await ads.get(ACT, { fields: "amount_spent" })).body.amount_spent).toBe("5000")

    // Half a day more, paused for a day, then half a day again: 50 + 25 + 0 + 25.
    emulator.ads.advance(12 * HOUR)
    await ads.post(active.adSetId, { status: "PAUSED" })
    emulator.ads.advance(DAY)
    expect(emulator.ads.insights(active.campaignId).spend).toBe("75.00")
    await ads.post(active.adSetId, { status: "ACTIVE" })
    emulator.ads.advance(12 * HOUR)
    expect(emulator.ads.insights(active.campaignId).spend).toBe("100.00")

    // A budget raise applies from the moment it is made.
    await ads.post(active.adSetId, { daily_budget: 10000 })
    emulator.ads.advance(DAY)
    expect(await spend(active.adSetId)).toEqual(["200.00"])
  })

  it("an Advantage campaign budget is shared by the delivering ad sets; a lifetime budget is spread over its schedule", async () => {
    const cbo = await ads.campaign({ is_adset_budget_sharing_enabled: undefined, daily_budget: 6000 })
    const first = await ads.adSet(cbo, { daily_budget: undefined })
    const second = await ads.adSet(cbo, { daily_budget: undefined })
    await ads.ad(first)
    await ads.ad(second)
    const lifetime = await ads.campaign({ name: "Ten days" })
    const tenDays = await ads.adSet(lifetime, { daily_budget: undefined, lifetime_budget: 100000, end_time: new Date(START + 10 * DAY).toISOString() })
    await ads.ad(tenDays)
    emulator.ads.advance(2 * DAY)
    expect(emulator.ads.insights(first).spend).toBe("60.00")
    expect(emulator.ads.insights(cbo).spend).toBe("120.00")
    expect(emulator.ads.insights(tenDays).spend).toBe("200.00")
    emulator.ads.advance(20 * DAY)
    expect(emulator.ads.insights(tenDays).spend).toBe("1000.00")
  })

  it("splits by day in the account's time zone (time_increment=1), by level, and by preset ranges", async () => {
    const { campaignId, adSetId, adId } = await ads.tree({ dailyBudget: 2400 })
    emulator.ads.advance(3 * DAY)
    // START is 10:00 in Los Angeles: 14 h on Dec 2, full days Dec 3 and 4, 10 h on Dec 5.
    const daily = await ads.get(`${ACT}/insights`, { level: "ad", date_preset: "maximum", time_increment: "1", fields: "ad_id,spend" })
    expect(daily.body.data).toEqual([
      { ad_id: adId, spend: "14.00", date_start: "2026-12-02", date_stop: "2026-12-02" },
      { ad_id: adId, spend: "24.00", date_start: "2026-12-03", date_stop: "2026-12-03" },
      { ad_id: adId, spend: "24.00", date_start: "2026-12-04", date_stop: "2026-12-04" },
      { ad_id: adId, spend: "10.00", date_start: "2026-12-05", date_stop: "2026-12-05" },
    ])
    expect(await spend(ACT, { date_preset: "today" })).toEqual(["10.00"])
    expect(await spend(ACT, { date_preset: "yesterday" })).toEqual(["24.00"])
    // last_7d leaves today out.
    expect(await spend(ACT, { date_preset: "last_7d" })).toEqual(["62.00"])
    expect(await spend(ACT, { time_range: JSON.stringify({ since: "2026-12-03", until: "2026-12-04" }) })).toEqual(["48.00"])
    const byCampaign = await ads.get(`${ACT}/insights`, { level: "campaign", date_preset: "maximum", fields: "campaign_id,campaign_name,adset_id,spend" })
    expect(byCampaign.body.data).toEqual([{ campaign_id: campaignId, campaign_name: "Winter sale", spend: "72.00", date_start: "2026-12-02", date_stop: "2026-12-05" }])
    const perAdSet = await ads.get(`${campaignId}/insights`, { level: "adset", date_preset: "maximum", fields: "adset_id,spend" })
    expect(perAdSet.body.data[0]).toMatchObject({ adset_id: adSetId, spend: "72.00" })
    expect(refusal(await ads.get(`${adId}/insights`, { level: "campaign" })).blame).toEqual(["level"])
  })

  it("reports Meta's metrics as strings, purchases as purchase / offsite_conversion.fb_pixel_purchase, ROAS as purchase_roas", async () => {
    const { adId } = await ads.tree({ dailyBudget: 10000 })
    emulator.ads.setPerformance(adId, { cpm: "10.00", ctr: 2, purchaseRate: 5, orderValue: "40.00", frequency: "1.25" })
    emulator.ads.advance(DAY)
    const answer = await ads.get(`${adId}/insights`, {
      date_preset: "maximum",
      fields: "spend,impressions,reach,frequency,clicks,cpm,cpc,ctr,actions,action_values,purchase_roas,account_currency",
    })
    const [row] = answer.body.data
    expect(row).toMatchObject({
      spend: "100.00",
      impressions: "10000",
      clicks: "200",
      cpm: "10.000000",
      cpc: "0.500000",
      ctr: "2.000000",
      account_currency: "USD",
    })
    expect(Number(row.reach)).toBeGreaterThan(0)
    expect(Number(row.frequency)).toBeGreaterThanOrEqual(1.25)
    expect(row.actions).toEqual([
      { action_type: "link_click", value: "200" },
      { action_type: "purchase", value: "10" },
      { action_type: "offsite_conversion.fb_pixel_purchase", value: "10" },
      { action_type: "omni_purchase", value: "10" },
    ])
    expect(row.action_values).toContainEqual({ action_type: "offsite_conversion.fb_pixel_purchase", value: "400.00" })
    expect(row.purchase_roas).toEqual([{ action_type: "omni_purchase", value: "4.000000" }])
  })

  it("writes spend of an offset-1 currency in whole units", async () => {
    emulator.ads.seedAccount({ id: "act_70001", currency: "COP", timezone: "America/Bogota", campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 1, dailyBudget: 50000 })
    emulator.ads.advance(DAY)
    expect(await spend("act_70001")).toEqual(["50000"])
  })

  it("refuses unknown insights fields and breakdowns; answers insights as a field with its own range", async () => {
    const { campaignId } = await ads.tree()
    emulator.ads.advance(DAY)
    expect(refusal(await ads.get(`${ACT}/insights`, { fields: "spend,bogus" })).message).toMatch(/^\(#100\) bogus is not valid for fields param/)
    expect(refusal(await ads.get(`${ACT}/insights`, { breakdowns: "age" })).code).toBe(100)
    expect(refusal(await ads.get(`${ACT}/insights`, { date_preset: "last_2d" })).blame).toEqual(["date_preset"])
    const tree = await ads.get(`${ACT}/campaigns`, { fields: "id,insights.date_preset(maximum){spend,impressions},adsets{insights.date_preset(today){spend}}" })
    const [campaign] = tree.body.data
    expect(campaign.id).toBe(campaignId)
    expect(campaign.insights.data[0]).toMatchObject({ spend: "50.00", date_start: "2026-12-02", date_stop: "2026-12-03" })
    expect(campaign.adsets.data[0].insights.data[0]).toMatchObject({ spend: "20.83", date_start: "2026-12-03" })
    const quiet = await ads.campaign({ name: "Quiet", status: "PAUSED" })
    const withQuiet = await ads.get(quiet, { fields: "insights.date_preset(maximum){spend}" })
    // Meta leaves the insights field out when there is no delivery.
    expect(withQuiet.body).toEqual({ id: quiet })
  })

  describe("asynchronous report runs", () => {
    it("POST → report_run_id; the job moves Not Started → Started → Running → Completed; its insights page", async () => {
      emulator.ads.seedAccount({ id: ACT, campaigns: 3, adSetsPerCampaign: 1, adsPerAdSet: 2 })
      emulator.ads.advance(2 * DAY)
      const created = await ads.post(`${ACT}/insights`, { level: "ad", date_preset: "maximum", fields: "ad_id,spend,impressions" })
      expect(created.body).toEqual({ report_run_id: expect.stringMatching(/^\d+$/) })
      const id = created.body.report_run_id
      expect(refusal(await ads.get(`${id}/insights`)).title).toBe("Report Not Ready")
      const poll = async () => (await ads.get(id)).body
      expect(await poll()).toMatchObject({ id, async_status: "Job Not Started", async_percent_completion: 0 })
      expect(await poll()).toMatchObject({ async_status: "Job Started", async_percent_completion: 33 })
      expect(await poll()).toMatchObject({ async_status: "Job Running", async_percent_completion: 66 })
      expect(await poll()).toMatchObject({ async_status: "Job Completed", async_percent_completion: 100, date_start: "2026-12-02", date_stop: "2026-12-04" })
      const page = await ads.get(`${id}/insights`, { limit: "4" })
      expect(page.body.data).toHaveLength(4)
      expect(page.body.data[0]).toEqual({ ad_id: expect.any(String), spend: "10.00", impressions: expect.any(String), date_start: "2026-12-02", date_stop: "2026-12-04" })
      const rest = await (await fetch(page.body.paging.next)).json()
      expect(rest.data).toHaveLength(2)
      expect(rest.paging.next).toBeUndefined()
    })

    it("can be made to fail ('Job Failed') and to take more polls", async () => {
      emulator.ads.configure({ reportSteps: 5, failReportRuns: 1 })
      const failing = (await ads.post(`${ACT}/insights`, { date_preset: "today" })).body.report_run_id
      const ok = (await ads.post(`${ACT}/insights`, { date_preset: "today" })).body.report_run_id
      const statuses: string[] = []
      for (let i = 0; i < 6; i += 1) statuses.push((await ads.get(failing)).body.async_status)
      expect(statuses).toEqual(["Job Not Started", "Job Started", "Job Running", "Job Running", "Job Running", "Job Failed"])
      for (let i = 0; i < 5; i += 1) await ads.get(ok)
      expect((await ads.get(ok)).body.async_status).toBe("Job Completed")
      expect((await ads.get(`${ok}/insights`)).body).toEqual({ data: [] })
    })
  })
})
