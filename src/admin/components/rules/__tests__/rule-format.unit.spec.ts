import {
  blankRuleForm,
  decisionChangeLines,
  decisionNumberLines,
  decisionOutcome,
  decisionWouldAct,
  describeRule,
  FORM_ERROR,
  formatMetricValue,
  metricUnitSuffix,
  parseFieldErrors,
  RULE_FIELDS,
  ruleBodyFromForm,
  ruleFormFromDefinition,
} from "../rule-format"

describe("describeRule", () => {
  it("says a CPM pause rule in one sentence with the account currency", () => {
    expect(
      describeRule(
        { scope: "ad", object_ids: "all", conditions: [{ metric: "cpm", operator: "gt", value: "12" }], lookback: "last_3d", action: { type: "pause" } },
        "USD"
      )
    ).toBe("Pause ads when CPM over the last 3 days is above 12.00 USD")
  })

  it("names the period once and joins conditions with and", () => {
    expect(
      describeRule(
        {
          scope: "ad_set",
          object_ids: "all",
          conditions: [
            { metric: "roas", operator: "gt", value: "2.5" },
            { metric: "ctr", operator: "gte", value: "1.5" },
          ],
          lookback: "last_7d",
          action: { type: "raise_budget_pct", value: "20" },
        },
        "EUR"
      )
    ).toBe("Raise the daily budget of ad sets by 20 % when ROAS over the last 7 days is above 2.5× and CTR is at least 1.5 %")
  })

  it("reads the out-of-stock template and its resume", () => {
    expect(
      describeRule(
        {
          scope: "ad",
          object_ids: "all",
          conditions: [{ metric: "stock", operator: "eq", value: "0" }],
          lookback: "today",
          action: { type: "pause" },
          resume_when_clear: true,
        },
        "USD"
      )
    ).toBe("Pause ads when none of their products is in stock, and activate them again when that no longer holds")
  })

  it("counts chosen objects and keeps zero-decimal currencies whole", () => {
    expect(
      describeRule(
        {
          scope: "campaign",
          object_ids: ["1"],
          conditions: [{ metric: "spend", operator: "gte", value: "50000" }],
          lookback: "today",
          action: { type: "set_budget", value: "20000" },
        },
        "COP"
      )
    ).toBe("Set the daily budget of 1 chosen campaign to 20000 COP when spend today is at least 50000 COP")
  })
})

describe("units", () => {
  it("puts money in the currency, ctr in %, roas as ×", () => {
    expect(metricUnitSuffix("cpm", "USD")).toBe("USD")
    expect(metricUnitSuffix("ctr", "USD")).toBe("%")
    expect(metricUnitSuffix("roas", "USD")).toBe("×")
    expect(metricUnitSuffix("impressions", "USD")).toBe("")
    expect(formatMetricValue("cpc", "0.5", "USD")).toBe("0.50 USD")
    expect(formatMetricValue("cpm", "12.345", "USD")).toBe("12.345 USD")
    expect(formatMetricValue("cpm", "1000", "JPY")).toBe("1000 JPY")
    expect(formatMetricValue("store_roas", "3", "USD")).toBe("3×")
  })
})

describe("parseFieldErrors", () => {
  it("puts each 'field: message' on its field", () => {
    expect(parseFieldErrors("conditions[0].metric: metric must be one of cpm, cpc; action.value: action.value is required", RULE_FIELDS)).toEqual({
      "conditions[0].metric": "metric must be one of cpm, cpc",
      "action.value": "action.value is required",
    })
  })

  it("joins two messages for one field", () => {
    expect(parseFieldErrors("name: too long; name: has tabs")).toEqual({ name: "too long; has tabs" })
  })

  it("reads the schemas' 'Invalid request:' messages by the field they start with", () => {
    expect(
      parseFieldErrors("Invalid request: audience.age_max must be between 13 and 65; give exactly one of daily_budget or lifetime_budget", [
        "audience",
        "audience.age_max",
        "daily_budget",
      ])
    ).toEqual({
      "audience.age_max": "audience.age_max must be between 13 and 65",
      [FORM_ERROR]: "give exactly one of daily_budget or lifetime_budget",
    })
  })

  it("reads Medusa's default zod message by its field path", () => {
    expect(parseFieldErrors("Invalid request: Expected type: 'number' for field 'conditions, 0, value', got: 'boolean'")).toEqual({
      "conditions[0].value": "Expected type: 'number' for field 'conditions, 0, value', got: 'boolean'",
    })
  })

  it("reads Medusa's required-field and unknown-field messages", () => {
    expect(parseFieldErrors("Invalid request: Field 'dry_run' is required", RULE_FIELDS)).toEqual({ dry_run: "Field 'dry_run' is required" })
    expect(parseFieldErrors("Invalid request: Field 'action, type' is required")).toEqual({ "action.type": "Field 'action, type' is required" })
    expect(parseFieldErrors("Invalid request: Unrecognized fields: 'colour'", RULE_FIELDS)).toEqual({ [FORM_ERROR]: "Unrecognized fields: 'colour'" })
  })

  it("keeps an unlabelled message for the form", () => {
    expect(parseFieldErrors("The ad account is not connected")).toEqual({ [FORM_ERROR]: "The ad account is not connected" })
    expect(parseFieldErrors("")).toEqual({})
  })
})

describe("rule form", () => {
  it("builds the body from what was typed", () => {
    const form = {
      ...blankRuleForm(),
      name: " High CPM ",
      objectIds: "123, 456\n789",
      conditions: [{ metric: "cpm", operator: "gt" as const, value: " 12 " }],
      cooldownMinutes: "90",
      maxChangesPerDay: "two",
      activeHours: true,
      weekdays: [5, 1],
      resumeWhenClear: true,
    }
    expect(ruleBodyFromForm(form)).toEqual({
      name: "High CPM",
      scope: "ad",
      object_ids: ["123", "456", "789"],
      conditions: [{ metric: "cpm", operator: "gt", value: "12" }],
      lookback: "last_3d",
      min_spend: null,
      min_impressions: null,
      action: { type: "pause", value: null },
      budget_ceiling: null,
      cooldown_minutes: 90,
      max_changes_per_day: "two",
      active_hours: { from: "08:00", to: "22:00", weekdays: [1, 5] },
      dry_run: true,
      resume_when_clear: true,
    })
  })

  it("sends the template and its values, and all objects when no id is typed", () => {
    const form = { ...blankRuleForm(), template: "pause_high_cpm", values: { max_cpm: "12" }, actionType: "raise_budget_pct" as const, actionValue: "20" }
    const body = ruleBodyFromForm(form)
    expect(body).toMatchObject({ template: "pause_high_cpm", values: { max_cpm: "12" }, object_ids: "all", action: { type: "raise_budget_pct", value: "20" }, resume_when_clear: false })
  })

  it("round-trips a stored definition", () => {
    const form = ruleFormFromDefinition(
      {
        scope: "ad_set",
        object_ids: ["1", "2"],
        conditions: [{ metric: "roas", operator: "gt", value: "2" }],
        lookback: "last_7d",
        min_spend: "10.00",
        min_impressions: 500,
        action: { type: "raise_budget_pct", value: "20" },
        budget_ceiling: "100.00",
        cooldown_minutes: 1440,
        max_changes_per_day: 1,
        active_hours: { from: "09:00", to: "18:00", weekdays: [1, 2] },
        dry_run: false,
      },
      { name: "Scale", template: "scale_budget_high_roas" }
    )
    expect(form).toMatchObject({ objectIds: "1\n2", minSpend: "10.00", minImpressions: "500", cooldownMinutes: "1440", activeHours: true, weekdays: [1, 2], dryRun: false })
    expect(ruleBodyFromForm(form)).toMatchObject({ object_ids: ["1", "2"], min_impressions: 500, cooldown_minutes: 1440, budget_ceiling: "100.00" })
  })
})

describe("decision outcome", () => {
  const decision = (patch: Partial<{ acted: boolean; skip_code: string | null; skipped_reason: string | null }>) => ({
    acted: false,
    skip_code: null,
    skipped_reason: null,
    ...patch,
  })

  it("says a dry run that would have acted is not a skip", () => {
    const dry = decision({ skip_code: "dry_run", skipped_reason: "dry run" })
    expect(decisionOutcome(dry)).toEqual({ label: "Would act (dry run)", color: "orange", reason: null })
    expect(decisionOutcome(dry, true)).toEqual({ label: "Would act", color: "green", reason: null })
    expect(decisionWouldAct(dry)).toBe(true)
  })

  it("gives the reason of a real skip", () => {
    const cooled = decision({ skip_code: "cooldown", skipped_reason: "in cooldown: last change 5 minutes ago" })
    expect(decisionOutcome(cooled)).toEqual({ label: "Skipped", color: "grey", reason: "in cooldown: last change 5 minutes ago" })
    expect(decisionOutcome(cooled, true)).toEqual({ label: "Would skip", color: "grey", reason: "in cooldown: last change 5 minutes ago" })
    expect(decisionWouldAct(cooled)).toBe(false)
  })

  it("says acted when Meta was changed", () => {
    expect(decisionOutcome(decision({ acted: true }))).toEqual({ label: "Acted", color: "green", reason: null })
    expect(decisionWouldAct(decision({ acted: true }))).toBe(true)
  })
})

describe("decisions", () => {
  it("formats the numbers with their units", () => {
    expect(decisionNumberLines({ cpm: "14.2", impressions: "1200", ctr: null, account_headroom: "40" }, "USD")).toEqual([
      { label: "CPM", value: "14.20 USD" },
      { label: "impressions", value: "1200" },
      { label: "CTR", value: "—" },
      { label: "room under the account ceiling", value: "40.00 USD" },
    ])
  })

  it("shows only what changes, budgets from Meta's units in the account currency", () => {
    expect(
      decisionChangeLines({ before: { status: "ACTIVE", daily_budget: "1000" }, after: { status: "ACTIVE", daily_budget: "1200" } }, "USD")
    ).toEqual([{ label: "Daily budget", before: "10.00 USD", after: "12.00 USD" }])
    // Offset-1 currencies: Meta's integer is the amount itself.
    expect(decisionChangeLines({ before: { status: "ACTIVE", daily_budget: "50000" }, after: { status: "ACTIVE", daily_budget: "60000" } }, "COP")).toEqual([
      { label: "Daily budget", before: "50000 COP", after: "60000 COP" },
    ])
    expect(decisionChangeLines({ before: { status: "ACTIVE", daily_budget: "5000" }, after: { status: "ACTIVE", daily_budget: "5000" } }, "JPY")).toEqual([])
    // Something that is not Meta units is shown as it came, not guessed at.
    expect(decisionChangeLines({ before: { status: "ACTIVE", daily_budget: null }, after: { status: "ACTIVE", daily_budget: "12.5" } }, "USD")).toEqual([
      { label: "Daily budget", before: "—", after: "12.5" },
    ])
    expect(decisionChangeLines({ before: { status: "ACTIVE", daily_budget: null }, after: { status: "PAUSED", daily_budget: null } }, "USD")).toEqual([
      { label: "Status", before: "ACTIVE", after: "PAUSED" },
    ])
  })
})
