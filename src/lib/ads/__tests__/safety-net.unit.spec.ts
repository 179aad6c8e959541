import type { MetaRuleBody } from "../meta-rule-spec"
import {
  buildSafetyNetRule,
  normalizeThreshold,
  parseMetaTimestamp,
  parseRuleHistoryEntry,
  planSafetyNet,
  safetyNetValues,
  sameRuleBody,
  SafetyNetInputError,
  type SafetyNetRuleState,
} from "../safety-net"

function inputError(fn: () => unknown): SafetyNetInputError {
  try {
    fn()
  } catch (error) {
    if (error instanceof SafetyNetInputError) return error
    throw error
  }
  throw new Error("expected a SafetyNetInputError")
}

const filter = (body: MetaRuleBody, field: string) => body.evaluation_spec.filters.find((f) => f.field === field)

function state(kind: SafetyNetRuleState["kind"], threshold: string, currency = "USD", status: SafetyNetRuleState["status"] = "ENABLED"): SafetyNetRuleState {
  return { kind, threshold, status, meta_rule_id: kind === "spend_cap" ? "9001" : "9002", spec: buildSafetyNetRule(kind, threshold, currency) }
}

/** What jsonb gives back: the same object with keys in another order. */
function shuffled<T>(value: T): T {
  if (Array.isArray(value)) return value.map(shuffled) as T
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, shuffled(v)])) as T
  return value
}

describe("buildSafetyNetRule", () => {
  it("pauses ads whose spend today exceeds the cap, in Meta units, every 30 minutes", () => {
    expect(buildSafetyNetRule("spend_cap", "50", "USD")).toEqual({
      name: "Medusa safety net: pause ads when spend today exceeds 50 USD",
      evaluation_spec: {
        evaluation_type: "SCHEDULE",
        filters: [
          { field: "entity_type", value: "AD", operator: "EQUAL" },
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
    ["12.34", "USD", 1234],
    ["0.01", "EUR", 1],
    ["3000", "JPY", 3000],
    ["200000", "COP", 200000],
    ["7.5", "BHD", 750],
    ["1", "JOD", 100],
    ["1000000", "KRW", 1000000],
    ["99.99", "GBP", 9999],
  ])("a cap of %s %s is spent > %i", (cap, currency, units) => {
    expect(filter(buildSafetyNetRule("spend_cap", cap, currency), "spent")?.value).toBe(units)
  })

  it("pauses ads whose frequency over the last 7 days exceeds F", () => {
    const rule = buildSafetyNetRule("frequency_cap", "3.50", "USD")
    expect(rule.name).toBe("Medusa safety net: pause ads when frequency last 7 days exceeds 3.5")
    expect(rule.evaluation_spec.filters).toEqual([
      { field: "entity_type", value: "AD", operator: "EQUAL" },
      { field: "time_preset", value: "LAST_7_DAYS", operator: "EQUAL" },
      { field: "frequency", value: 3.5, operator: "GREATER_THAN" },
    ])
    expect(rule.execution_spec).toEqual({ execution_type: "PAUSE" })
  })

  it("gives the same rule for the same amount however it is written", () => {
    expect(buildSafetyNetRule("spend_cap", "50", "USD")).toEqual(buildSafetyNetRule("spend_cap", "50.00", "USD"))
    expect(buildSafetyNetRule("spend_cap", " 50.0 ", "USD")).toEqual(buildSafetyNetRule("spend_cap", "50", "USD"))
    expect(buildSafetyNetRule("frequency_cap", "3", "USD")).toEqual(buildSafetyNetRule("frequency_cap", "3.00", "USD"))
  })

  it.each<[string, string, string, RegExp]>([
    ["spend_cap", "12.345", "USD", /^spend_cap_daily: USD budgets can have at most 2 decimals at Meta$/],
    ["spend_cap", "1000.5", "JPY", /^spend_cap_daily: JPY budgets are whole JPY at Meta/],
    ["spend_cap", "0.4", "COP", /^spend_cap_daily: COP budgets are whole COP/],
    ["spend_cap", "0", "USD", /^spend_cap_daily must be greater than 0$/],
    ["spend_cap", "0.00", "USD", /^spend_cap_daily must be greater than 0$/],
    ["spend_cap", "-5", "USD", /^spend_cap_daily: the amount cannot be negative$/],
    ["spend_cap", "ten", "USD", /^spend_cap_daily: the amount must be a number/],
    ["spend_cap", "1,000", "USD", /^spend_cap_daily: the amount must be a number/],
    ["spend_cap", "", "USD", /^spend_cap_daily must be a decimal/],
    ["spend_cap", "10", "XYZ", /^spend_cap_daily: .*XYZ/],
    ["spend_cap", "100000000000000", "USD", /^spend_cap_daily is too large for a rule filter$/],
    ["frequency_cap", "0", "USD", /^max_frequency must be a number greater than 0/],
    ["frequency_cap", "-1", "USD", /^max_frequency must be a number greater than 0/],
    ["frequency_cap", "abc", "USD", /^max_frequency must be a number greater than 0/],
    ["frequency_cap", "2.555", "USD", /^max_frequency can have at most 2 decimals$/],
    ["frequency_cap", "1e12", "USD", /^max_frequency is too large$/],
  ])("refuses %s %p (%s) on the request's field", (kind, value, currency, message) => {
    const error = inputError(() => buildSafetyNetRule(kind as SafetyNetRuleState["kind"], value, currency))
    expect(error.field).toBe(kind === "spend_cap" ? "spend_cap_daily" : "max_frequency")
    expect(error.message).toMatch(message)
  })
})

describe("normalizeThreshold", () => {
  it.each([
    ["spend_cap", "50", "USD", "50.00"],
    ["spend_cap", "50.5", "EUR", "50.50"],
    ["spend_cap", "3000", "JPY", "3000"],
    ["spend_cap", "3000.0", "JPY", "3000"],
    ["spend_cap", "7.5", "BHD", "7.50"],
    ["frequency_cap", "3.50", "USD", "3.5"],
    ["frequency_cap", "4", "USD", "4"],
  ])("%s %p in %s reads %p", (kind, value, currency, expected) => {
    expect(normalizeThreshold(kind as SafetyNetRuleState["kind"], value, currency)).toBe(expected)
  })
})

describe("sameRuleBody", () => {
  it("ignores key order (jsonb) and status, not values", () => {
    const rule = buildSafetyNetRule("spend_cap", "50", "USD")
    expect(sameRuleBody(rule, shuffled(rule))).toBe(true)
    expect(sameRuleBody(rule, { ...rule, status: "DISABLED" })).toBe(true)
    expect(sameRuleBody(rule, buildSafetyNetRule("spend_cap", "50.01", "USD"))).toBe(false)
    expect(sameRuleBody(rule, { ...rule, schedule_spec: { schedule_type: "HOURLY" } })).toBe(false)
    // the same number in Meta units but another currency is another rule (its name says so)
    expect(sameRuleBody(buildSafetyNetRule("spend_cap", "5000", "JPY"), buildSafetyNetRule("spend_cap", "50", "USD"))).toBe(false)
  })
})

describe("planSafetyNet", () => {
  it("turning on creates a rule per value given", () => {
    const plan = planSafetyNet({ enabled: true, spend_cap_daily: "50", max_frequency: "4" }, [], "USD")
    expect(plan.map((a) => a.action)).toEqual(["create", "create"])
    expect(plan[0]).toMatchObject({ kind: "spend_cap", threshold: "50.00" })
    expect(plan[1]).toMatchObject({ kind: "frequency_cap", threshold: "4" })
  })

  it("only the rules asked for", () => {
    expect(planSafetyNet({ enabled: true, max_frequency: "4" }, [], "USD").map((a) => a.action)).toEqual(["none", "create"])
  })

  it("the same values again change nothing, even written otherwise and read back from jsonb", () => {
    const current = [state("spend_cap", "50.00"), state("frequency_cap", "4")].map((r) => ({ ...r, spec: shuffled(r.spec) }))
    expect(planSafetyNet({ enabled: true, spend_cap_daily: "50", max_frequency: "4.0" }, current, "USD").map((a) => a.action)).toEqual(["none", "none"])
    expect(planSafetyNet({ enabled: true }, current, "USD").map((a) => a.action)).toEqual(["none", "none"])
  })

  it("a new cap updates the same rule with the whole spec", () => {
    const plan = planSafetyNet({ enabled: true, spend_cap_daily: "75" }, [state("spend_cap", "50.00"), state("frequency_cap", "4")], "USD")
    expect(plan[0]).toMatchObject({ action: "update", meta_rule_id: "9001", threshold: "75.00", previous: { threshold: "50.00", status: "ENABLED" } })
    if (plan[0].action !== "update") throw new Error("expected an update")
    expect(filter(plan[0].body, "spent")?.value).toBe(7500)
    expect(plan[0].body.status).toBe("ENABLED")
    expect(plan[1].action).toBe("none")
  })

  it("turning off disables the enabled rules and keeps their values", () => {
    const plan = planSafetyNet({ enabled: false }, [state("spend_cap", "50.00"), state("frequency_cap", "4", "USD", "DISABLED")], "USD")
    expect(plan[0]).toMatchObject({ action: "update", threshold: "50.00" })
    if (plan[0].action !== "update") throw new Error("expected an update")
    expect(plan[0].body.status).toBe("DISABLED")
    expect(sameRuleBody(plan[0].body, state("spend_cap", "50.00").spec)).toBe(true)
    expect(plan[1].action).toBe("none")
  })

  it("turning off twice, or off with nothing set, changes nothing", () => {
    expect(planSafetyNet({ enabled: false }, [state("spend_cap", "50.00", "USD", "DISABLED")], "USD").map((a) => a.action)).toEqual(["none", "none"])
    expect(planSafetyNet({ enabled: false, spend_cap_daily: "20" }, [], "USD").map((a) => a.action)).toEqual(["none", "none"])
  })

  it("turning on again re-enables the disabled rules with their values", () => {
    const plan = planSafetyNet({ enabled: true }, [state("spend_cap", "50.00", "USD", "DISABLED")], "USD")
    expect(plan[0]).toMatchObject({ action: "update", threshold: "50.00" })
    if (plan[0].action !== "update") throw new Error("expected an update")
    expect(plan[0].body.status).toBe("ENABLED")
  })

  it("null removes a rule", () => {
    const plan = planSafetyNet({ enabled: true, max_frequency: null }, [state("spend_cap", "50.00"), state("frequency_cap", "4")], "USD")
    expect(plan.map((a) => a.action)).toEqual(["none", "remove"])
    expect(planSafetyNet({ enabled: true, spend_cap_daily: "5", max_frequency: null }, [], "USD").map((a) => a.action)).toEqual(["create", "none"])
  })

  it("a changed account currency rewrites the cap in the new units", () => {
    const plan = planSafetyNet({ enabled: true }, [state("spend_cap", "5000", "JPY")], "JPY")
    expect(plan[0].action).toBe("none")
    const moved = planSafetyNet({ enabled: true, spend_cap_daily: "5000" }, [state("spend_cap", "50.00", "USD")], "JPY")
    expect(moved[0].action).toBe("update")
  })

  it("refuses to turn on with nothing to watch", () => {
    expect(inputError(() => planSafetyNet({ enabled: true }, [], "USD")).field).toBe("spend_cap_daily")
    expect(inputError(() => planSafetyNet({ enabled: true, spend_cap_daily: null, max_frequency: null }, [state("spend_cap", "5.00")], "USD")).message).toMatch(
      /needs spend_cap_daily, max_frequency or both/
    )
  })

  it("refuses a bad value even when turning off", () => {
    expect(inputError(() => planSafetyNet({ enabled: false, max_frequency: "-2" }, [state("frequency_cap", "4")], "USD")).field).toBe("max_frequency")
  })

  it("refuses the stored value in a currency it does not fit", () => {
    // 50.50 USD kept, the account now bills in JPY: whole yen only
    expect(inputError(() => planSafetyNet({ enabled: true }, [state("spend_cap", "50.50", "USD")], "JPY")).field).toBe("spend_cap_daily")
  })
})

describe("parseMetaTimestamp", () => {
  it.each([
    ["2026-12-02T10:30:00-0800", "2026-12-02T18:30:00.000Z"],
    ["2026-12-02T10:30:00+0000", "2026-12-02T10:30:00.000Z"],
    ["2026-12-02T10:30:00+05:30", "2026-12-02T05:00:00.000Z"],
    ["2026-12-02T10:30:00Z", "2026-12-02T10:30:00.000Z"],
    ["2026-12-02T10:30:00.250+0100", "2026-12-02T09:30:00.250Z"],
  ])("%s", (text, iso) => {
    expect(parseMetaTimestamp(text)?.toISOString()).toBe(iso)
  })

  it.each([[undefined], [null], [1764700000], [""], ["2026-12-02"], ["2026-12-02 10:30:00"], ["2026-13-45T99:99:99+0000"], ["yesterday"]])("refuses %p", (text) => {
    expect(parseMetaTimestamp(text)).toBeNull()
  })
})

describe("parseRuleHistoryEntry", () => {
  it("keeps the results and names the objects changed, once each", () => {
    const run = parseRuleHistoryEntry({
      timestamp: "2026-12-02T10:30:00-0800",
      is_manual: false,
      results: [
        { object_id: "301", object_type: "AD", actions: [{ action: "CHANGED_STATUS", field: "status", old_value: "ACTIVE", new_value: "PAUSED" }] },
        { object_id: "302", object_type: "AD", actions: [{ action: "CHANGED_STATUS", field: "status", old_value: "PAUSED", new_value: "PAUSED" }] },
        { object_id: "303", object_type: "AD", actions: [{ action: "NOTIFICATION" }] },
        { object_id: "301", object_type: "AD", actions: [{ action: "CHANGED_STATUS", field: "status", old_value: "ACTIVE", new_value: "PAUSED" }] },
      ],
    })
    expect(run?.ran_at.toISOString()).toBe("2026-12-02T18:30:00.000Z")
    expect(run?.object_ids).toEqual(["301"])
    expect(run?.results).toHaveLength(4)
    expect(run?.results[2].actions[0]).toEqual({ action: "NOTIFICATION", field: null, old_value: null, new_value: null })
    expect(run?.exception_code).toBeNull()
  })

  it("reads an exception and a manual run, and tolerates missing parts", () => {
    const run = parseRuleHistoryEntry({ timestamp: "2026-12-02T10:30:00+0000", is_manual: true, exception_code: 1, exception_message: "no action", results: [{ object_id: "" }, {} as never] })
    expect(run).toMatchObject({ is_manual: true, exception_code: 1, exception_message: "no action", results: [], object_ids: [] })
    expect(parseRuleHistoryEntry({ timestamp: "2026-12-02T10:30:00+0000" })).toMatchObject({ results: [], object_ids: [], is_manual: false })
  })

  it("drops an entry without a readable time", () => {
    expect(parseRuleHistoryEntry({ results: [] })).toBeNull()
    expect(parseRuleHistoryEntry({ timestamp: "soon" })).toBeNull()
  })
})

describe("safetyNetValues", () => {
  it("reads what the merchant set", () => {
    expect(safetyNetValues([])).toEqual({ enabled: false, spend_cap_daily: null, max_frequency: null })
    expect(safetyNetValues([state("spend_cap", "50.00", "USD", "DISABLED"), state("frequency_cap", "4")])).toEqual({ enabled: true, spend_cap_daily: "50.00", max_frequency: "4" })
    expect(safetyNetValues([state("spend_cap", "50.00", "USD", "DISABLED")])).toEqual({ enabled: false, spend_cap_daily: "50.00", max_frequency: null })
  })
})
