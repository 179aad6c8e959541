import { startGraphEmulator, type GraphEmulator } from "../index"
import { ACT, adsClient, DAY, HOUR, refusal, START, type Ads } from "./ads-test-helpers"

const SPEND_CAP_RULE = {
  name: "Stop at $25",
  evaluation_spec: {
    evaluation_type: "SCHEDULE",
    filters: [
      { field: "entity_type", value: "ADSET", operator: "EQUAL" },
      { field: "time_preset", value: "LIFETIME", operator: "EQUAL" },
      { field: "spent", value: 2500, operator: "GREATER_THAN" },
    ],
  },
  execution_spec: { execution_type: "PAUSE" },
  schedule_spec: { schedule_type: "SEMI_HOURLY" },
}

type Spec = Record<string, unknown>
const withFilters = (filters: Spec[], execution: Spec = { execution_type: "NOTIFICATION" }, extra: Spec = {}) => ({
  name: "Rule",
  evaluation_spec: { evaluation_type: "SCHEDULE", filters },
  execution_spec: execution,
  ...extra,
})
const ENTITY_AD = { field: "entity_type", value: "AD", operator: "EQUAL" }
const LIFETIME = { field: "time_preset", value: "LIFETIME", operator: "EQUAL" }

describe("Graph emulator: ad rules library", () => {
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

  it.each([
    ["no evaluation_type", { name: "R", evaluation_spec: { filters: [ENTITY_AD] }, execution_spec: { execution_type: "PAUSE" } }, { message: "(#100) The parameter evaluation_spec.evaluation_type is required" }],
    ["no filters", { name: "R", evaluation_spec: { evaluation_type: "SCHEDULE" }, execution_spec: { execution_type: "PAUSE" } }, { message: "(#100) The parameter evaluation_spec.filters is required" }],
    ["no execution_spec", { name: "R", evaluation_spec: { evaluation_type: "SCHEDULE", filters: [ENTITY_AD] } }, { message: "(#100) The parameter execution_spec is required" }],
    ["two time_presets", withFilters([ENTITY_AD, LIFETIME, { field: "time_preset", value: "TODAY", operator: "EQUAL" }]), { title: "Too Many Time Ranges" }],
    ["an unknown operator", withFilters([ENTITY_AD, { field: "spent", value: 1, operator: "BIGGER" }]), { blame: ["evaluation_spec.filters"] }],
    [
      "an execution option with another operator than EQUAL",
      withFilters([ENTITY_AD, LIFETIME], { execution_type: "PAUSE", execution_options: [{ field: "action_frequency", value: 60, operator: "GREATER_THAN" }] }),
      { title: "Invalid Execution Option" },
    ],
    [
      "a schedule_spec on a TRIGGER rule",
      {
        name: "R",
        evaluation_spec: { evaluation_type: "TRIGGER", filters: [ENTITY_AD], trigger: { type: "STATS_CHANGE", field: "spent", value: 100, operator: "GREATER_THAN" } },
        execution_spec: { execution_type: "PAUSE" },
        schedule_spec: { schedule_type: "HOURLY" },
      },
      { title: "Schedule Not Allowed", blame: ["schedule_spec"] },
    ],
    [
      "CHANGE_BUDGET on a TRIGGER rule",
      {
        name: "R",
        evaluation_spec: { evaluation_type: "TRIGGER", filters: [ENTITY_AD], trigger: { type: "STATS_CHANGE", field: "spent", value: 100, operator: "GREATER_THAN" } },
        execution_spec: { execution_type: "CHANGE_BUDGET" },
      },
      { title: "Action Not Available for Trigger Rules" },
    ],
    [
      "a CUSTOM schedule at minute 45",
      withFilters([ENTITY_AD, LIFETIME], { execution_type: "NOTIFICATION" }, { schedule_spec: { schedule_type: "CUSTOM", schedule: [{ start_minute: 45, end_minute: 90, days: [1] }] } }),
      { title: "Invalid Schedule" },
    ],
  ])("refuses %s", async (_, body, expected) => {
    const answer = await ads.post(`${ACT}/adrules_library`, body)
    expect(answer.status).toBe(400)
    expect(refusal(answer)).toMatchObject({ code: 100, ...expected })
    expect(emulator.ads.rules(ACT)).toHaveLength(0)
  })

  it("refuses cost conditions on rules that pause ads or ad sets (2703), not on campaigns or notifications", async () => {
    for (const [entity, field] of [["ADSET", "cpm"], ["AD", "cpc"], ["AD", "cost_per_purchase_fb"]]) {
      const body = withFilters([{ field: "entity_type", value: entity, operator: "EQUAL" }, LIFETIME, { field, value: 1000, operator: "GREATER_THAN" }], { execution_type: "PAUSE" })
      const answer = await ads.post(`${ACT}/adrules_library`, body)
      expect(refusal(answer)).toMatchObject({
        code: 2703,
        message: "(#2703) Rules that turn off ads can't have cost conditions. You need to change the rule's conditions or action.",
      })
    }
    const campaignLevel = withFilters([{ field: "entity_type", value: "CAMPAIGN", operator: "EQUAL" }, LIFETIME, { field: "cpm", value: 1000, operator: "GREATER_THAN" }], { execution_type: "PAUSE" })
    expect((await ads.post(`${ACT}/adrules_library`, campaignLevel)).status).toBe(200)
    const notify = withFilters([ENTITY_AD, LIFETIME, { field: "cpm", value: 1000, operator: "GREATER_THAN" }])
    expect((await ads.post(`${ACT}/adrules_library`, notify)).status).toBe(200)
  })

  it("keeps at most 250 rules per ad account", async () => {
    for (let i = 0; i < 250; i += 1) {
      expect((await ads.post(`${ACT}/adrules_library`, { ...SPEND_CAP_RULE, name: `Cap ${i}`, status: "DISABLED" })).status).toBe(200)
    }
    expect(refusal(await ads.post(`${ACT}/adrules_library`, SPEND_CAP_RULE)).title).toBe("Rule Limit Reached")
    const [first] = emulator.ads.rules(ACT)
    await ads.del(first.id)
    expect((await ads.post(`${ACT}/adrules_library`, SPEND_CAP_RULE)).status).toBe(200)
  })

  it("creates, reads, lists, updates and deletes a rule", async () => {
    const created = await ads.post(`${ACT}/adrules_library`, SPEND_CAP_RULE)
    expect(created.body).toEqual({ id: expect.stringMatching(/^\d+$/) })
    const id = created.body.id
    const read = await ads.get(id, { fields: "name,status,evaluation_spec,execution_spec,schedule_spec,created_time,entity_type" })
    expect(read.body).toMatchObject({
      id,
      name: "Stop at $25",
      status: "ENABLED",
      evaluation_spec: SPEND_CAP_RULE.evaluation_spec,
      execution_spec: SPEND_CAP_RULE.execution_spec,
      schedule_spec: SPEND_CAP_RULE.schedule_spec,
      created_time: "2026-12-02T10:00:00-0800",
      entity_type: "ADSET",
    })
    expect((await ads.get(`${ACT}/adrules_library`, { fields: "id,name" })).body.data).toEqual([{ id, name: "Stop at $25" }])
    expect((await ads.post(id, { status: "DISABLED" })).body).toEqual({ success: true })
    expect(emulator.ads.rules(ACT)[0].status).toBe("DISABLED")
    expect(refusal(await ads.post(id, { evaluation_spec: { evaluation_type: "SCHEDULE" } })).message).toBe("(#100) The parameter evaluation_spec.filters is required")
    expect((await ads.del(id)).body).toEqual({ success: true })
    expect((await ads.get(`${ACT}/adrules_library`)).body.data).toEqual([])
  })

  it("runs on the ads clock: a spend-cap rule pauses the ad set, writes its history, and spending stops", async () => {
    const { adSetId } = await ads.tree({ dailyBudget: 4800 })
    const rule = (await ads.post(`${ACT}/adrules_library`, SPEND_CAP_RULE)).body.id
    emulator.ads.advance(2 * DAY)
    expect(emulator.ads.adSets(ACT)[0]).toMatchObject({ id: adSetId, status: "PAUSED" })
    // $48/day = $1 per half hour: over $25 after 26 half-hour ticks (the first tick is at 10:30).
    expect(emulator.ads.insights(adSetId).spend).toBe("26.00")
    const history = await ads.get(`${rule}/history`, { limit: "200" })
    const acted = history.body.data.filter((e: { results: { actions: unknown[] }[] }) => e.results.some((r) => r.actions.length))
    expect(acted).toEqual([
      expect.objectContaining({
        is_manual: false,
        timestamp: "2026-12-02T23:00:00-0800",
        results: [{ object_id: adSetId, object_type: "ADSET", actions: [{ action: "CHANGED_STATUS", field: "status", old_value: "ACTIVE", new_value: "PAUSED" }] }],
      }),
    ])
    const changesOnly = await ads.get(`${rule}/history`, { hide_no_changes: "true" })
    expect(changesOnly.body.data).toHaveLength(1)
    expect((await ads.get(`${ACT}/adrules_history`, { object_id: adSetId })).body.data).toHaveLength(1)
  })

  it("executes on demand (is_manual), honours action_frequency, and scales budgets with CHANGE_BUDGET", async () => {
    const { adSetId } = await ads.tree({ dailyBudget: 5000 })
    emulator.ads.advance(HOUR)
    const scale = await ads.post(`${ACT}/adrules_library`, {
      name: "Scale +20%",
      evaluation_spec: { evaluation_type: "SCHEDULE", filters: [{ field: "entity_type", value: "ADSET", operator: "EQUAL" }, LIFETIME, { field: "impressions", value: 0, operator: "GREATER_THAN" }] },
      execution_spec: {
        execution_type: "CHANGE_BUDGET",
        execution_options: [
          { field: "change_spec", value: { amount: 20, unit: "PERCENTAGE", limit: 6500 }, operator: "EQUAL" },
          { field: "action_frequency", value: 1440, operator: "EQUAL" },
        ],
      },
      status: "DISABLED",
    })
    expect((await ads.post(`${scale.body.id}/execute`)).body).toEqual({ success: true })
    expect(emulator.ads.adSets(ACT)[0].dailyBudget).toBe(6000)
    await ads.post(`${scale.body.id}/execute`)
    expect(emulator.ads.adSets(ACT)[0].dailyBudget).toBe(6000)
    const [run] = emulator.ads.ruleHistory(scale.body.id)
    expect(run).toMatchObject({ isManual: true, results: [{ object_id: adSetId, actions: [{ action: "CHANGED_BUDGET", old_value: "5000", new_value: "6000" }] }] })
  })
})
