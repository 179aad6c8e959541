import {
  assertMetaAcceptsRule,
  buildFrequencyCapRule,
  buildSpendCapRule,
  canCreateMetaRule,
  isCostField,
  MetaRuleRefusedError,
  toAdRulesLibraryParams,
  type MetaRuleBody,
} from "../meta-rule-spec"

function refusal(fn: () => unknown): MetaRuleRefusedError {
  try {
    fn()
  } catch (error) {
    if (error instanceof MetaRuleRefusedError) return error
    throw error
  }
  throw new Error("expected a MetaRuleRefusedError")
}

describe("buildSpendCapRule", () => {
  it("pauses campaigns when today's spend exceeds X, in Meta units", () => {
    expect(buildSpendCapRule({ entity_type: "CAMPAIGN", spend_cap: "50", currency: "USD" })).toEqual({
      name: "Medusa safety net: pause campaigns when spend today exceeds 50 USD",
      evaluation_spec: {
        evaluation_type: "SCHEDULE",
        filters: [
          { field: "entity_type", value: "CAMPAIGN", operator: "EQUAL" },
          { field: "time_preset", value: "TODAY", operator: "EQUAL" },
          { field: "spent", value: 5000, operator: "GREATER_THAN" },
        ],
      },
      execution_spec: { execution_type: "PAUSE" },
      schedule_spec: { schedule_type: "SEMI_HOURLY" },
      status: "ENABLED",
    })
  })

  it.each([
    ["200000", "COP", 200000],
    ["10000", "JPY", 10000],
    ["12.34", "EUR", 1234],
    ["7.5", "BHD", 750],
    ["1", "JOD", 100],
  ])("%s %s is sent as %i", (cap, currency, units) => {
    const filters = buildSpendCapRule({ entity_type: "CAMPAIGN", spend_cap: cap, currency }).evaluation_spec.filters
    expect(filters.find((filter) => filter.field === "spent")?.value).toBe(units)
  })

  it("restricts to listed objects and keeps exactly one time_preset", () => {
    const rule = buildSpendCapRule({ entity_type: "ADSET", object_ids: ["123", "456", "123"], spend_cap: 20, currency: "USD", time_preset: "LAST_7_DAYS", name: " Cap " })
    expect(rule.name).toBe("Cap")
    expect(rule.evaluation_spec.filters).toEqual([
      { field: "entity_type", value: "ADSET", operator: "EQUAL" },
      { field: "id", value: ["123", "456"], operator: "IN" },
      { field: "time_preset", value: "LAST_7_DAYS", operator: "EQUAL" },
      { field: "spent", value: 2000, operator: "GREATER_THAN" },
    ])
    expect(rule.evaluation_spec.filters.filter((filter) => filter.field === "time_preset")).toHaveLength(1)
  })

  it("allows a spend cap on pausing ad-set and ad rules: spend is not a cost metric", () => {
    expect(() => buildSpendCapRule({ entity_type: "AD", spend_cap: "5", currency: "USD" })).not.toThrow()
  })

  it.each([
    [{ spend_cap: "12.345", currency: "USD" }, "spend_cap: USD budgets can have at most 2 decimals at Meta"],
    [{ spend_cap: "1000.5", currency: "JPY" }, "spend_cap: JPY budgets are whole JPY at Meta (no decimals)"],
    [{ spend_cap: "0", currency: "USD" }, "spend_cap must be greater than 0"],
    [{ spend_cap: "-5", currency: "USD" }, "spend_cap: the amount cannot be negative"],
    [{ spend_cap: "ten", currency: "USD" }, "spend_cap: the amount must be a number in USD's main unit, like 12.34"],
    [{ spend_cap: "10", currency: "XYZ" }, 'spend_cap: "XYZ" is not a currency Meta\'s Marketing API supports'],
    [{ spend_cap: "100000000000000", currency: "USD" }, "spend_cap is too large for a rule filter"],
  ])("refuses %p", (input, message) => {
    expect(refusal(() => buildSpendCapRule({ entity_type: "CAMPAIGN", ...input })).message).toBe(message)
  })

  it("refuses object ids that are not Meta ids", () => {
    expect(refusal(() => buildSpendCapRule({ entity_type: "AD", object_ids: ["act_1"], spend_cap: "1", currency: "USD" })).field).toBe("object_ids")
    expect(refusal(() => buildSpendCapRule({ entity_type: "AD", object_ids: [" "], spend_cap: "1", currency: "USD" })).field).toBe("object_ids")
  })
})

describe("buildFrequencyCapRule", () => {
  it("pauses ad sets when frequency exceeds N over the last 7 days", () => {
    const rule = buildFrequencyCapRule({ entity_type: "ADSET", max_frequency: "3.50" })
    expect(rule.name).toBe("Medusa safety net: pause ad sets when frequency last 7 days exceeds 3.5")
    expect(rule.evaluation_spec.filters).toEqual([
      { field: "entity_type", value: "ADSET", operator: "EQUAL" },
      { field: "time_preset", value: "LAST_7_DAYS", operator: "EQUAL" },
      { field: "frequency", value: 3.5, operator: "GREATER_THAN" },
    ])
    expect(rule.execution_spec).toEqual({ execution_type: "PAUSE" })
    expect(rule.schedule_spec).toEqual({ schedule_type: "SEMI_HOURLY" })
  })

  it.each([["0"], ["-1"], ["abc"], ["2.555"], ["1e12"]])("refuses %p", (value) => {
    expect(refusal(() => buildFrequencyCapRule({ entity_type: "AD", max_frequency: value })).field).toBe("max_frequency")
  })
})

describe("what Meta refuses", () => {
  const base = (patch: Partial<MetaRuleBody> = {}, filters?: MetaRuleBody["evaluation_spec"]["filters"]): MetaRuleBody => ({
    name: "r",
    evaluation_spec: {
      evaluation_type: "SCHEDULE",
      filters: filters ?? [
        { field: "entity_type", value: "AD", operator: "EQUAL" },
        { field: "time_preset", value: "LAST_3_DAYS", operator: "EQUAL" },
        { field: "impressions", value: 1000, operator: "GREATER_THAN" },
      ],
    },
    execution_spec: { execution_type: "PAUSE" },
    schedule_spec: { schedule_type: "SEMI_HOURLY" },
    status: "ENABLED",
    ...patch,
  })

  it("accepts a plain rule", () => {
    expect(() => assertMetaAcceptsRule(base())).not.toThrow()
  })

  it.each(["cpm", "cpc", "cpa", "cpp", "cost_per", "cost_per_purchase_fb", "cost_per_link_click", "cost_per_action_type:offsite_conversion.fb_pixel_purchase", "website_purchase_roas"])(
    "refuses a pausing AD rule on %s with error 2703",
    (field) => {
      const error = refusal(() =>
        assertMetaAcceptsRule(
          base({}, [
            { field: "entity_type", value: "AD", operator: "EQUAL" },
            { field: "time_preset", value: "TODAY", operator: "EQUAL" },
            { field, value: 500, operator: "GREATER_THAN" },
          ]),
        ),
      )
      expect(error.metaCode).toBe(2703)
      expect(error.message).toContain("Rules that turn off ads can't have cost conditions.")
      expect(error.message).toContain("cannot test " + field)
    },
  )

  it("refuses cost conditions on pausing ADSET rules and on id-only rules, but not on notifications or campaigns", () => {
    const withCpm = (entity: string | null) => [
      ...(entity ? [{ field: "entity_type", value: entity, operator: "EQUAL" as const }] : [{ field: "id", value: ["1"], operator: "IN" as const }]),
      { field: "time_preset", value: "TODAY", operator: "EQUAL" as const },
      { field: "cpm", value: 500, operator: "GREATER_THAN" as const },
    ]
    expect(refusal(() => assertMetaAcceptsRule(base({}, withCpm("ADSET")))).message).toContain("pauses ad sets")
    expect(refusal(() => assertMetaAcceptsRule(base({}, withCpm(null)))).metaCode).toBe(2703)
    expect(() => assertMetaAcceptsRule(base({ execution_spec: { execution_type: "NOTIFICATION" } }, withCpm("AD")))).not.toThrow()
    expect(() => assertMetaAcceptsRule(base({}, withCpm("CAMPAIGN")))).not.toThrow()
  })

  it.each<[string, MetaRuleBody]>([
    ["no entity_type or id", base({}, [{ field: "time_preset", value: "TODAY", operator: "EQUAL" }])],
    [
      "two time_presets",
      base({}, [
        { field: "entity_type", value: "AD", operator: "EQUAL" },
        { field: "time_preset", value: "TODAY", operator: "EQUAL" },
        { field: "time_preset", value: "LAST_7_DAYS", operator: "EQUAL" },
      ]),
    ],
    [
      "no time_preset with an insights filter",
      base({}, [
        { field: "entity_type", value: "AD", operator: "EQUAL" },
        { field: "spent", value: 100, operator: "GREATER_THAN" },
      ]),
    ],
    [
      "a time_preset that is not EQUAL",
      base({}, [
        { field: "entity_type", value: "AD", operator: "EQUAL" },
        { field: "time_preset", value: ["TODAY"], operator: "IN" },
      ]),
    ],
    [
      "an unknown time_preset",
      base({}, [
        { field: "entity_type", value: "AD", operator: "EQUAL" },
        { field: "time_preset", value: "LAST_90_DAYS", operator: "EQUAL" },
      ]),
    ],
    ["a bad entity_type", base({}, [{ field: "entity_type", value: "ACCOUNT", operator: "EQUAL" }])],
    ["a schedule-based rule without schedule_spec", base({ schedule_spec: undefined })],
    ["CUSTOM minutes that are not multiples of 30", base({ schedule_spec: { schedule_type: "CUSTOM", schedule: [{ start_minute: 45 }] } })],
    ["an empty CUSTOM schedule", base({ schedule_spec: { schedule_type: "CUSTOM", schedule: [] } })],
    ["a CUSTOM entry without start_minute or days", base({ schedule_spec: { schedule_type: "CUSTOM", schedule: [{ end_minute: 60 }] } })],
    ["execution options other than EQUAL", base({ execution_spec: { execution_type: "PAUSE", execution_options: [{ field: "action_frequency", value: 60, operator: "IN" }] } })],
    ["an empty name", base({ name: " " })],
    ["no filters", base({}, [])],
  ])("refuses %s", (_, body) => {
    expect(() => assertMetaAcceptsRule(body)).toThrow(MetaRuleRefusedError)
  })

  it("refuses trigger rules with a schedule or with budget actions", () => {
    const trigger = { type: "STATS_CHANGE", field: "spent", value: 100, operator: "GREATER_THAN" as const }
    const triggerRule = (patch: Partial<MetaRuleBody>) =>
      base({ evaluation_spec: { evaluation_type: "TRIGGER", trigger, filters: [{ field: "entity_type", value: "ADSET", operator: "EQUAL" }, { field: "time_preset", value: "TODAY", operator: "EQUAL" }] }, ...patch })
    expect(refusal(() => assertMetaAcceptsRule(triggerRule({}))).field).toBe("schedule_spec")
    expect(refusal(() => assertMetaAcceptsRule(triggerRule({ schedule_spec: undefined, execution_spec: { execution_type: "CHANGE_BUDGET" } }))).field).toBe("execution_spec.execution_type")
    expect(() => assertMetaAcceptsRule(triggerRule({ schedule_spec: undefined, execution_spec: { execution_type: "NOTIFICATION" } }))).not.toThrow()
  })

  it("accepts CUSTOM schedules on 30-minute steps", () => {
    expect(() => assertMetaAcceptsRule(base({ schedule_spec: { schedule_type: "CUSTOM", schedule: [{ start_minute: 540, end_minute: 1080, days: [1, 2, 3, 4, 5] }] } }))).not.toThrow()
  })

  it("knows cost fields", () => {
    expect(isCostField("CPM")).toBe(true)
    expect(isCostField("cost_per_unique_click")).toBe(true)
    expect(isCostField("spent")).toBe(false)
    expect(isCostField("frequency")).toBe(false)
    expect(isCostField("results")).toBe(false)
  })
})

describe("toAdRulesLibraryParams", () => {
  it("encodes nested specs as JSON strings", () => {
    const params = toAdRulesLibraryParams(buildFrequencyCapRule({ entity_type: "AD", max_frequency: 4 }))
    expect(Object.keys(params).sort()).toEqual(["evaluation_spec", "execution_spec", "name", "schedule_spec", "status"])
    expect(JSON.parse(params.evaluation_spec).filters[2]).toEqual({ field: "frequency", value: 4, operator: "GREATER_THAN" })
    expect(params.schedule_spec).toBe('{"schedule_type":"SEMI_HOURLY"}')
    expect(params.status).toBe("ENABLED")
  })

  it("checks the limit of 250 rules per ad account", () => {
    expect(canCreateMetaRule(0)).toBe(true)
    expect(canCreateMetaRule(249)).toBe(true)
    expect(canCreateMetaRule(250)).toBe(false)
    expect(canCreateMetaRule(-1)).toBe(false)
    expect(canCreateMetaRule(1.5)).toBe(false)
  })
})
