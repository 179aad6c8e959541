import { buildRuleDraft, RULE_DEFINITION_KEYS, ruleErrorsMessage } from "../rule-draft"
import { RULE_TEMPLATES } from "../rule-templates"

const full = {
  scope: "ad_set",
  object_ids: "all",
  conditions: [{ metric: "roas", operator: "gt", value: "2" }],
  lookback: "last_7d",
  action: { type: "raise_budget_pct", value: "20" },
  cooldown_minutes: 1440,
  max_changes_per_day: 1,
  dry_run: false,
}

function fields(result: ReturnType<typeof buildRuleDraft>) {
  return result.ok ? [] : result.errors.map((e) => e.field)
}

describe("buildRuleDraft", () => {
  it("builds a template's rule from its values, with the draft id", () => {
    const result = buildRuleDraft({ template: "pause_high_cpm", values: { max_cpm: "12", min_impressions: "500" } })
    expect(result).toEqual({
      ok: true,
      rule: expect.objectContaining({
        id: "draft",
        scope: "ad",
        conditions: [{ metric: "cpm", operator: "gt", value: "12" }],
        min_impressions: 500,
        action: { type: "pause", value: null },
        dry_run: true,
      }),
    })
  })

  it("lets the merchant's fields win over the template's", () => {
    const result = buildRuleDraft({ template: "pause_high_cpm", values: { max_cpm: "12" }, lookback: "last_7d", dry_run: false, cooldown_minutes: 0 })
    expect(result.ok && result.rule).toMatchObject({ lookback: "last_7d", dry_run: false, cooldown_minutes: 0, conditions: [{ metric: "cpm", value: "12" }] })
  })

  it("takes a whole definition without a template", () => {
    const result = buildRuleDraft(full, { id: "rule_9" })
    expect(result.ok && result.rule).toMatchObject({ id: "rule_9", scope: "ad_set", action: { type: "raise_budget_pct", value: "20" } })
  })

  it("starts a change from the stored definition and changes only what is given", () => {
    const result = buildRuleDraft({ dry_run: true }, { base: full, id: "rule_9" })
    expect(result.ok && result.rule).toMatchObject({ ...full, dry_run: true, id: "rule_9" })
  })

  it("re-applies a template over the stored definition", () => {
    const result = buildRuleDraft({ template: "pause_out_of_stock" }, { base: full })
    expect(result.ok && result.rule).toMatchObject({ scope: "ad", conditions: [{ metric: "stock", operator: "eq", value: "0" }], resume_when_clear: true })
  })

  it("ignores what is not a definition field (name, enabled, unknown keys)", () => {
    const result = buildRuleDraft({ ...full, name: "Scale", enabled: false, id: "hijack", surprise: 1 })
    expect(result.ok && result.rule.id).toBe("draft")
    expect(result.ok && Object.keys(result.rule)).not.toEqual(expect.arrayContaining(["name", "enabled", "surprise"]))
  })

  it("refuses an unknown template on the template field, listing the built-in ones", () => {
    const result = buildRuleDraft({ template: "pause_everything", values: {} })
    expect(fields(result)).toEqual(["template"])
    expect(!result.ok && result.errors[0].message).toContain(RULE_TEMPLATES.map((t) => t.key).join(", "))
  })

  it("refuses an empty template key rather than ignoring it", () => {
    expect(fields(buildRuleDraft({ ...full, template: "" }))).toEqual(["template"])
  })

  it("treats a null template as none", () => {
    expect(buildRuleDraft({ ...full, template: null, values: null }).ok).toBe(true)
  })

  it("names a template's missing blank on the field the template fills", () => {
    expect(fields(buildRuleDraft({ template: "pause_high_cpm", values: {} }))).toEqual(["conditions[0].value"])
    expect(fields(buildRuleDraft({ template: "scale_budget_high_roas", values: { min_roas: "two" } }))).toEqual(["conditions[0].value"])
  })

  it("checks amounts against the account currency", () => {
    const jpy = buildRuleDraft({ ...full, action: { type: "set_budget", value: "1500.50" } }, { currency: "JPY" })
    expect(fields(jpy)).toEqual(["action.value"])
    expect(buildRuleDraft({ ...full, action: { type: "set_budget", value: "1500" } }, { currency: "JPY" }).ok).toBe(true)
    expect(fields(buildRuleDraft(full, { currency: "XYZ" }))).toEqual(["currency"])
  })

  it("reports every wrong field at once", () => {
    const result = buildRuleDraft({ ...full, scope: "shop", lookback: "last_90d", conditions: [{ metric: "likes", operator: "gt", value: "-1" }] })
    expect(fields(result)).toEqual(expect.arrayContaining(["scope", "lookback", "conditions[0].metric", "conditions[0].value"]))
  })

  it("refuses a draft with nothing in it, naming the required fields", () => {
    expect(fields(buildRuleDraft({}))).toEqual(
      expect.arrayContaining(["scope", "conditions", "lookback", "action", "cooldown_minutes", "max_changes_per_day", "dry_run"])
    )
  })

  it("does not change the base it starts from", () => {
    const base = JSON.parse(JSON.stringify(full))
    buildRuleDraft({ template: "pause_out_of_stock", dry_run: true }, { base })
    expect(base).toEqual(full)
  })

  it("lists exactly the definition fields the evaluator reads", () => {
    const built = buildRuleDraft(full)
    expect(built.ok && Object.keys(built.rule).filter((k) => k !== "id").sort()).toEqual([...RULE_DEFINITION_KEYS].sort())
  })
})

describe("ruleErrorsMessage", () => {
  it("says each field and its message, the way the admin spreads them back", () => {
    const result = buildRuleDraft({ ...full, lookback: "last_90d", max_changes_per_day: 0 })
    if (result.ok) throw new Error("expected errors")
    expect(ruleErrorsMessage(result)).toMatch(/^lookback: lookback must be one of today, last_3d, last_7d, last_30d; max_changes_per_day: /)
  })
})
