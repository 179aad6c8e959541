import { validateRule, type AdRule } from "../rule-definition"
import { findRuleTemplate, RULE_TEMPLATES } from "../rule-templates"

const base: AdRule = {
  id: "rule_1",
  scope: "ad",
  object_ids: "all",
  conditions: [{ metric: "cpm", operator: "gt", value: "10" }],
  lookback: "last_7d",
  action: { type: "pause" },
  cooldown_minutes: 60,
  max_changes_per_day: 2,
  dry_run: false,
}

function errorsOf(patch: Record<string, unknown>, options?: { currency?: string }) {
  const result = validateRule({ ...base, ...patch }, options)
  return result.ok ? [] : result.errors
}

function fieldsOf(patch: Record<string, unknown>, options?: { currency?: string }) {
  return errorsOf(patch, options).map((error) => error.field)
}

describe("validateRule", () => {
  it("accepts and normalizes a rule", () => {
    const result = validateRule({
      ...base,
      id: " rule_1 ",
      object_ids: ["123", " 456 ", "123", 789],
      conditions: [{ metric: "roas", operator: "gte", value: "2.50" }],
      active_hours: { from: "09:00", to: "18:00", weekdays: [5, 1, 1, 3] },
      min_spend: 10,
    })
    expect(result).toEqual({
      ok: true,
      rule: {
        ...base,
        action: { type: "pause", value: null },
        object_ids: ["123", "456", "789"],
        conditions: [{ metric: "roas", operator: "gte", value: "2.5" }],
        active_hours: { from: "09:00", to: "18:00", weekdays: [1, 3, 5] },
        min_spend: "10",
        min_impressions: null,
        budget_ceiling: null,
        resume_when_clear: false,
      },
    })
  })

  it("refuses a non-object", () => {
    expect(validateRule(null)).toEqual({ ok: false, errors: [{ field: "rule", message: "rule must be an object" }] })
    expect(validateRule([]).ok).toBe(false)
  })

  it.each<[Record<string, unknown>, string[]]>([
    [{ id: "" }, ["id"]],
    [{ scope: "page" }, ["scope"]],
    [{ object_ids: [] }, ["object_ids"]],
    [{ object_ids: "some" }, ["object_ids"]],
    [{ object_ids: ["1", ""] }, ["object_ids[1]"]],
    [{ object_ids: Array.from({ length: 1001 }, (_, i) => String(i)) }, ["object_ids"]],
    [{ conditions: [] }, ["conditions"]],
    [{ conditions: Array.from({ length: 11 }, () => base.conditions[0]) }, ["conditions"]],
    [{ conditions: [{ metric: "likes", operator: "gt", value: "1" }] }, ["conditions[0].metric"]],
    [{ conditions: [{ metric: "cpm", operator: ">", value: "1" }] }, ["conditions[0].operator"]],
    [{ conditions: [{ metric: "cpm", operator: "gt", value: "ten" }] }, ["conditions[0].value"]],
    [{ conditions: [{ metric: "cpm", operator: "gt", value: "-1" }] }, ["conditions[0].value"]],
    [{ conditions: [{ metric: "impressions", operator: "gt", value: "10.5" }] }, ["conditions[0].value"]],
    [{ conditions: [base.conditions[0], "x"] }, ["conditions[1]"]],
    [{ lookback: "last_90d" }, ["lookback"]],
    [{ min_spend: "abc" }, ["min_spend"]],
    [{ min_spend: "-1" }, ["min_spend"]],
    [{ min_impressions: 10.5 }, ["min_impressions"]],
    [{ min_impressions: "1000" }, ["min_impressions"]],
    [{ action: "pause" }, ["action"]],
    [{ action: { type: "boost" } }, ["action.type"]],
    [{ action: { type: "pause", value: "5" } }, ["action.value"]],
    [{ cooldown_minutes: -1 }, ["cooldown_minutes"]],
    [{ cooldown_minutes: 1.5 }, ["cooldown_minutes"]],
    [{ cooldown_minutes: 43201 }, ["cooldown_minutes"]],
    [{ max_changes_per_day: 0 }, ["max_changes_per_day"]],
    [{ max_changes_per_day: 49 }, ["max_changes_per_day"]],
    [{ dry_run: "yes" }, ["dry_run"]],
    [{ resume_when_clear: "yes" }, ["resume_when_clear"]],
    [{ active_hours: "9-5" }, ["active_hours"]],
    [{ active_hours: { from: "9:00", to: "17:00" } }, ["active_hours.from"]],
    [{ active_hours: { from: "09:00", to: "25:00" } }, ["active_hours.to"]],
    [{ active_hours: { from: "09:00", to: "09:00" } }, ["active_hours.to"]],
    [{ active_hours: { from: "09:00", to: "17:00", weekdays: [] } }, ["active_hours.weekdays"]],
    [{ active_hours: { from: "09:00", to: "17:00", weekdays: [7] } }, ["active_hours.weekdays"]],
  ])("refuses %p at %p", (patch, fields) => {
    expect(fieldsOf(patch)).toEqual(fields)
  })

  it("collects every error at once", () => {
    expect(fieldsOf({ id: "", scope: "x", lookback: "y", dry_run: 1 })).toEqual(["id", "scope", "lookback", "dry_run"])
  })

  it("checks actions against the scope", () => {
    expect(fieldsOf({ action: { type: "raise_budget_pct", value: "20" } })).toEqual(["action.type"])
    expect(fieldsOf({ scope: "ad_set", action: { type: "raise_budget_pct", value: "20" } })).toEqual([])
    expect(fieldsOf({ scope: "campaign", action: { type: "duplicate_ad_set" } })).toEqual(["action.type"])
    expect(fieldsOf({ scope: "ad_set", action: { type: "duplicate_ad_set" } })).toEqual([])
    expect(fieldsOf({ scope: "account", action: { type: "set_budget", value: "50" } })).toEqual([])
  })

  it.each<[Record<string, unknown>, string]>([
    [{ type: "raise_budget_pct" }, "action.value must be a percentage like 20"],
    [{ type: "raise_budget_pct", value: "0" }, "action.value must be greater than 0"],
    [{ type: "raise_budget_pct", value: "12.345" }, "action.value can have at most 2 decimals"],
    [{ type: "raise_budget_pct", value: "100.01" }, "a raise can be at most 100 % at a time"],
    [{ type: "lower_budget_pct", value: "100" }, "a budget can be lowered by less than 100 %; pause the object instead"],
    [{ type: "set_budget" }, "action.value must be the new daily budget, like 50.00"],
    [{ type: "set_budget", value: "0" }, "action.value must be greater than 0"],
  ])("budget action %p: %s", (action, message) => {
    expect(errorsOf({ scope: "ad_set", action }).map((error) => error.message)).toEqual([message])
  })

  it("accepts a raise of exactly 100 % and a percentage with 2 decimals", () => {
    expect(fieldsOf({ scope: "ad_set", action: { type: "raise_budget_pct", value: "100" } })).toEqual([])
    expect(fieldsOf({ scope: "ad_set", action: { type: "lower_budget_pct", value: "12.5" } })).toEqual([])
  })

  it("checks amounts against the account currency's Meta precision", () => {
    const rule = { scope: "ad_set", action: { type: "set_budget", value: "5000.5" }, budget_ceiling: "10000.25", min_spend: "1.5" }
    expect(errorsOf(rule, { currency: "JPY" })).toEqual([
      { field: "action.value", message: "action.value must be a whole number of JPY" },
      { field: "budget_ceiling", message: "budget_ceiling must be a whole number of JPY" },
    ])
    expect(fieldsOf({ ...rule, action: { type: "set_budget", value: "12.345" } }, { currency: "USD" })).toEqual(["action.value"])
    expect(fieldsOf(rule, { currency: "USD" })).toEqual([])
    expect(fieldsOf(rule)).toEqual([])
    expect(fieldsOf({}, { currency: "XYZ" })).toEqual(["currency"])
  })

  it("keeps budget_ceiling and resume_when_clear to the actions they belong to", () => {
    expect(fieldsOf({ budget_ceiling: "100" })).toEqual(["budget_ceiling"])
    expect(fieldsOf({ scope: "ad_set", action: { type: "raise_budget_pct", value: "10" }, budget_ceiling: "0" })).toEqual(["budget_ceiling"])
    expect(fieldsOf({ resume_when_clear: true })).toEqual([])
    expect(fieldsOf({ resume_when_clear: true, action: { type: "activate" } })).toEqual(["resume_when_clear"])
  })

  it("refuses stock conditions on campaigns, which advertise no products directly", () => {
    expect(fieldsOf({ scope: "campaign", conditions: [{ metric: "stock", operator: "eq", value: "0" }] })).toEqual(["conditions"])
  })

  it("accepts whole-day and overnight active hours", () => {
    expect(fieldsOf({ active_hours: { from: "00:00", to: "24:00" } })).toEqual([])
    expect(fieldsOf({ active_hours: { from: "22:00", to: "06:00", weekdays: [5, 6] } })).toEqual([])
  })
})

describe("RULE_TEMPLATES", () => {
  it("has the three templates merchants asked for", () => {
    expect(RULE_TEMPLATES.map((template) => template.key)).toEqual(["pause_high_cpm", "scale_budget_high_roas", "pause_out_of_stock"])
    expect(findRuleTemplate("pause_out_of_stock")?.title).toMatch(/out of stock/)
    expect(findRuleTemplate("nope")).toBeUndefined()
  })

  it("builds valid rules that start in dry run", () => {
    const values: Record<string, Record<string, string>> = {
      pause_high_cpm: { max_cpm: "25" },
      scale_budget_high_roas: { min_roas: "3", min_spend: "20", budget_ceiling: "200" },
      pause_out_of_stock: {},
    }
    for (const template of RULE_TEMPLATES) {
      const draft = template.build(values[template.key])
      const result = validateRule({ id: "r", ...draft }, { currency: "USD" })
      expect(result.ok).toBe(true)
      expect(draft.dry_run).toBe(true)
    }
  })

  it("fills the template's blanks", () => {
    const cpm = findRuleTemplate("pause_high_cpm")!.build({ max_cpm: "25" })
    expect(cpm.conditions).toEqual([{ metric: "cpm", operator: "gt", value: "25" }])
    expect(cpm.min_impressions).toBe(1000)
    const roas = findRuleTemplate("scale_budget_high_roas")!.build({ min_roas: "3" })
    expect(roas.action).toEqual({ type: "raise_budget_pct", value: "20" })
    expect(roas.budget_ceiling).toBeNull()
    const stock = findRuleTemplate("pause_out_of_stock")!.build({})
    expect(stock).toMatchObject({ conditions: [{ metric: "stock", operator: "eq", value: "0" }], resume_when_clear: true, action: { type: "pause" } })
  })

  it("leaves a missing required value for validateRule to name", () => {
    const draft = findRuleTemplate("pause_high_cpm")!.build({})
    const result = validateRule({ id: "r", ...draft })
    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(["conditions[0].value"])
  })

  it("JPY-account templates refuse decimals in amounts", () => {
    const draft = findRuleTemplate("scale_budget_high_roas")!.build({ min_roas: "2", budget_ceiling: "5000.5" })
    const result = validateRule({ id: "r", ...draft }, { currency: "JPY" })
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(["budget_ceiling"])
  })
})
