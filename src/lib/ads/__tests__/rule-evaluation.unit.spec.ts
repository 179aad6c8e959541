import { AdsValueError } from "../money"
import type { AdRule } from "../rule-definition"
import {
  compareObjectIds,
  evaluateRule,
  RuleInputError,
  type RuleAccount,
  type RuleDecision,
  type RuleHistoryEntry,
  type RuleObject,
} from "../rule-evaluation"
import { findRuleTemplate } from "../rule-templates"

const NOW = new Date("2026-06-10T12:00:00Z") // Wednesday, 14:00 in Berlin, 07:00 in Bogotá
const MIN = 60_000

const usd: RuleAccount = { currency: "USD", timezone: "Europe/Berlin", total_daily_budget: "0" }

function rule(patch: Partial<AdRule> = {}): AdRule {
  return {
    id: "rule_1",
    scope: "ad",
    object_ids: "all",
    conditions: [{ metric: "cpm", operator: "gt", value: "10" }],
    lookback: "last_7d",
    action: { type: "pause" },
    cooldown_minutes: 60,
    max_changes_per_day: 3,
    dry_run: false,
    ...patch,
  }
}

function ad(id: string, patch: Partial<RuleObject> = {}, metrics: Record<string, string | null> = {}): RuleObject {
  return { id, level: "ad", status: "ACTIVE", metrics: { last_7d: { spend: "50", impressions: "4000", cpm: "12.5", ...metrics } }, ...patch }
}

function adSet(id: string, dailyBudget: string | null, patch: Partial<RuleObject> = {}, metrics: Record<string, string | null> = {}): RuleObject {
  return {
    id,
    level: "ad_set",
    status: "ACTIVE",
    daily_budget: dailyBudget,
    metrics: { last_7d: { spend: "100", impressions: "10000", roas: "4", ...metrics } },
    ...patch,
  }
}

function run(r: AdRule, objects: RuleObject[], options: { history?: RuleHistoryEntry[]; account?: Partial<RuleAccount>; now?: Date } = {}): RuleDecision[] {
  return evaluateRule(r, { objects, history: options.history ?? [], account: { ...usd, ...options.account }, now: options.now ?? NOW })
}

function one(r: AdRule, object: RuleObject, options: Parameters<typeof run>[2] = {}): RuleDecision {
  const decisions = run(r, [object], options)
  expect(decisions).toHaveLength(1)
  return decisions[0]
}

const raise20 = (patch: Partial<AdRule> = {}) =>
  rule({ scope: "ad_set", conditions: [{ metric: "roas", operator: "gt", value: "3" }], action: { type: "raise_budget_pct", value: "20" }, cooldown_minutes: 0, ...patch })

describe("pause if CPM > X", () => {
  it("pauses with an absolute write and records the numbers", () => {
    expect(one(rule(), ad("1"))).toEqual({
      rule_id: "rule_1",
      object_id: "1",
      level: "ad",
      acted: true,
      action: "pause",
      lookback: "last_7d",
      numbers: { cpm: "12.5" },
      before: { status: "ACTIVE", daily_budget: null },
      after: { status: "PAUSED", daily_budget: null },
      write: { method: "POST", path: "1", params: { status: "PAUSED" } },
      currency: "USD",
      dry_run: false,
    })
  })

  it("skips when the condition does not hold, saying why", () => {
    const decision = one(rule(), ad("1", {}, { cpm: "9.99" }))
    expect(decision).toMatchObject({ acted: false, skip_code: "conditions_not_met", write: null, after: decision.before })
    expect(decision.skipped_reason).toBe("conditions not met: cpm 9.99 USD is not > 10 USD")
  })

  it.each<[AdRule["conditions"][number]["operator"], string, boolean]>([
    ["gt", "10", false],
    ["gte", "10", true],
    ["gte", "10.00", true],
    ["eq", "10.000", true],
    ["lt", "10", false],
    ["lte", "10", true],
    ["gt", "9.9999", true],
    ["lt", "10.0001", true],
  ])("ties at the threshold: cpm 10 %s %s → %p", (operator, value, acts) => {
    const decision = one(rule({ conditions: [{ metric: "cpm", operator, value }] }), ad("1", {}, { cpm: "10.0" }))
    expect(decision.acted).toBe(acts)
  })

  it("ANDs conditions and lists every failing one", () => {
    const r = rule({
      conditions: [
        { metric: "cpm", operator: "gt", value: "10" },
        { metric: "ctr", operator: "lt", value: "1" },
        { metric: "frequency", operator: "gt", value: "3" },
      ],
    })
    const decision = one(r, ad("1", {}, { cpm: "12", ctr: "1.5", frequency: "2" }))
    expect(decision.skip_code).toBe("conditions_not_met")
    expect(decision.skipped_reason).toBe("conditions not met: ctr 1.5 % is not < 1 %; frequency 2 is not > 3")
    expect(decision.numbers).toEqual({ cpm: "12", ctr: "1.5", frequency: "2" })
    expect(one(r, ad("1", {}, { cpm: "12", ctr: "0.5", frequency: "4" })).acted).toBe(true)
  })

  it("does not write to an object that is already paused", () => {
    const decision = one(rule(), ad("1", { status: "PAUSED" }))
    expect(decision).toMatchObject({ acted: false, skip_code: "already_in_state", write: null, after: { status: "PAUSED" } })
  })

  it("activates only what is not active", () => {
    const activate = rule({ action: { type: "activate" }, conditions: [{ metric: "roas", operator: "gt", value: "2" }] })
    expect(one(activate, ad("1", { status: "PAUSED" }, { roas: "3" }))).toMatchObject({ acted: true, write: { params: { status: "ACTIVE" } }, after: { status: "ACTIVE" } })
    expect(one(activate, ad("1", {}, { roas: "3" })).skip_code).toBe("already_in_state")
  })
})

describe("minimum spend and impressions", () => {
  it("skips under the minimum spend with the figures in the reason", () => {
    const decision = one(rule({ min_spend: "75" }), ad("1"))
    expect(decision).toMatchObject({ acted: false, skip_code: "min_spend", numbers: { spend: "50" } })
    expect(decision.skipped_reason).toBe("spent 50 USD in last_7d, below the rule's minimum of 75 USD")
  })

  it("acts exactly at the minimum", () => {
    expect(one(rule({ min_spend: "50.00" }), ad("1")).acted).toBe(true)
    expect(one(rule({ min_impressions: 4000 }), ad("1")).acted).toBe(true)
  })

  it("skips under the minimum impressions", () => {
    const decision = one(rule({ min_impressions: 4001 }), ad("1"))
    expect(decision.skip_code).toBe("min_impressions")
    expect(decision.skipped_reason).toBe("4000 impressions in last_7d, below the rule's minimum of 4001")
  })

  it("judges the minimum before the conditions", () => {
    expect(one(rule({ min_spend: "100" }), ad("1", {}, { cpm: "1" })).skip_code).toBe("min_spend")
  })
})

describe("missing data", () => {
  it("skips without insights for the lookback", () => {
    const decision = one(rule({ lookback: "today" }), ad("1"))
    expect(decision).toMatchObject({ skip_code: "missing_data", skipped_reason: "no insights for today", numbers: { cpm: null } })
  })

  it("skips when a ratio is unknown (no impressions yet)", () => {
    expect(one(rule(), ad("1", {}, { cpm: null })).skipped_reason).toBe("cpm is unknown for last_7d (nothing to divide by yet)")
    expect(one(rule(), ad("1", {}, { cpm: "garbage" })).skip_code).toBe("missing_data")
    expect(one(rule({ min_spend: "1" }), ad("1", {}, { spend: null })).skip_code).toBe("missing_data")
  })
})

describe("dry run", () => {
  it("decides the same but sends nothing", () => {
    const decision = one(rule({ dry_run: true }), ad("1"))
    expect(decision).toMatchObject({
      acted: false,
      skip_code: "dry_run",
      skipped_reason: "dry run",
      dry_run: true,
      write: null,
      before: { status: "ACTIVE" },
      after: { status: "PAUSED" },
    })
  })

  it("shows the full budget change", () => {
    const decision = one(raise20({ dry_run: true }), adSet("1", "1000"))
    expect(decision).toMatchObject({ acted: false, write: null, before: { daily_budget: "1000" }, after: { daily_budget: "1200" } })
  })

  it("reports the real skip reason when it would not act anyway", () => {
    expect(one(rule({ dry_run: true }), ad("1", {}, { cpm: "1" })).skip_code).toBe("conditions_not_met")
  })
})

describe("budget actions", () => {
  it("raises 20 % with an absolute daily_budget", () => {
    expect(one(raise20(), adSet("1", "1000"))).toMatchObject({
      acted: true,
      action: "raise_budget_pct",
      numbers: { roas: "4" },
      before: { status: "ACTIVE", daily_budget: "1000" },
      after: { status: "ACTIVE", daily_budget: "1200" },
      write: { method: "POST", path: "1", params: { daily_budget: "1200" } },
    })
  })

  it.each([
    ["COP", "50000", "60000"],
    ["JPY", "999", "1198"],
    ["KRW", "10001", "12001"],
    ["USD", "1005", "1206"],
    ["BHD", "1005", "1206"],
    ["JOD", "999", "1198"],
  ])("raises a %s budget of %s Meta units to %s (rounded down)", (currency, budget, expected) => {
    expect(one(raise20(), adSet("1", budget), { account: { currency } }).after.daily_budget).toBe(expected)
  })

  it("skips when rounding leaves the budget unchanged", () => {
    const decision = one(raise20({ action: { type: "raise_budget_pct", value: "10" } }), adSet("1", "5"), { account: { currency: "JPY" } })
    expect(decision.skip_code).toBe("no_change")
  })

  it("clips to the per-object ceiling and stops at it", () => {
    const clipped = one(raise20({ budget_ceiling: "11.50" }), adSet("1", "1000"))
    expect(clipped).toMatchObject({ acted: true, after: { daily_budget: "1150" }, note: "clipped to the rule's ceiling of 11.50 USD" })
    const atCeiling = one(raise20({ budget_ceiling: "10" }), adSet("1", "1000"))
    expect(atCeiling.skip_code).toBe("object_ceiling")
    expect(atCeiling.skipped_reason).toBe("the daily budget 10.00 USD is already at or above the rule's ceiling of 10.00 USD")
    expect(one(raise20({ budget_ceiling: "9" }), adSet("1", "1000")).skip_code).toBe("object_ceiling")
  })

  it("reads the ceiling in the account currency's Meta units (COP is offset 1)", () => {
    const decision = one(raise20({ budget_ceiling: "55000" }), adSet("1", "50000"), { account: { currency: "COP" } })
    expect(decision.after.daily_budget).toBe("55000")
  })

  it("lowers, never below the account minimum", () => {
    const lower = raise20({ action: { type: "lower_budget_pct", value: "50" }, conditions: [{ metric: "roas", operator: "lt", value: "5" }] })
    expect(one(lower, adSet("1", "1000")).after.daily_budget).toBe("500")
    expect(one(lower, adSet("1", "1000"), { account: { min_daily_budget: "918" } })).toMatchObject({
      after: { daily_budget: "918" },
      note: "kept at the account's minimum of 9.18 USD",
    })
    expect(one(lower, adSet("1", "918"), { account: { min_daily_budget: "918" } }).skip_code).toBe("budget_minimum")
  })

  it("sets an absolute budget, clipped by the ceilings", () => {
    const set = (value: string, patch: Partial<AdRule> = {}) => raise20({ action: { type: "set_budget", value }, ...patch })
    expect(one(set("25.50"), adSet("1", "1000")).write?.params).toEqual({ daily_budget: "2550" })
    expect(one(set("5"), adSet("1", "1000")).after.daily_budget).toBe("500")
    expect(one(set("10.00"), adSet("1", "1000")).skip_code).toBe("no_change")
    expect(one(set("50", { budget_ceiling: "30" }), adSet("1", "1000")).after.daily_budget).toBe("3000")
    expect(one(set("50000"), adSet("1", "40000"), { account: { currency: "COP" } }).after.daily_budget).toBe("50000")
  })

  it("leaves objects without an own daily budget alone", () => {
    expect(one(raise20(), adSet("1", null, { lifetime_budget: "100000" })).skipped_reason).toBe("the ad set has a lifetime budget; rules change daily budgets only")
    expect(one(raise20(), adSet("1", null)).skipped_reason).toBe("the ad set has no daily budget of its own")
    const accountWide = raise20({ scope: "account" })
    expect(one(accountWide, ad("9", {}, { roas: "4" })).skipped_reason).toBe("ads have no budget")
  })

  it("refuses set_budget decimals the account currency cannot hold", () => {
    expect(() => run(raise20({ action: { type: "set_budget", value: "100.5" } }), [adSet("1", "100")], { account: { currency: "JPY" } })).toThrow(RuleInputError)
  })
})

describe("the account's daily budget ceiling", () => {
  const twenty = Array.from({ length: 20 }, (_, i) => adSet(String(100 + i), "1000"))

  it("shares the headroom across 20 raises: full raises, one clipped, the rest skipped", () => {
    const account = { total_daily_budget: "20000", daily_budget_ceiling: "23100" }
    const decisions = run(raise20(), twenty, { account })
    const acted = decisions.filter((decision) => decision.acted)
    expect(acted).toHaveLength(16)
    expect(acted.slice(0, 15).every((decision) => decision.after.daily_budget === "1200")).toBe(true)
    expect(acted[15]).toMatchObject({ object_id: "115", after: { daily_budget: "1100" }, note: "clipped to the account's daily budget ceiling (1.00 USD was left)" })
    const skipped = decisions.filter((decision) => !decision.acted)
    expect(skipped.map((decision) => decision.object_id)).toEqual(["116", "117", "118", "119"])
    expect(skipped.every((decision) => decision.skip_code === "account_ceiling")).toBe(true)
    expect(skipped[0].skipped_reason).toBe("the account's daily budget ceiling of 231.00 USD leaves 0.00 USD")
    const added = acted.reduce((sum, decision) => sum + BigInt(decision.after.daily_budget!) - BigInt(decision.before.daily_budget!), 0n)
    expect(20000n + added).toBe(23100n)
    expect(decisions[0].numbers.account_headroom).toBe("31")
    expect(decisions[19].numbers.account_headroom).toBe("0")
  })

  it("never exceeds the ceiling, whatever the budgets, percentages and ceiling", () => {
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let round = 0; round < 50; round++) {
      const objects = Array.from({ length: 20 }, (_, i) => adSet(String(1000 + i), String(1 + next(100000))))
      const total = objects.reduce((sum, object) => sum + BigInt(object.daily_budget!), 0n)
      const ceiling = total + BigInt(next(50000))
      const pct = String(1 + next(100))
      const decisions = run(raise20({ action: { type: "raise_budget_pct", value: pct } }), objects, {
        account: { total_daily_budget: total.toString(), daily_budget_ceiling: ceiling.toString() },
      })
      const after = decisions.reduce((sum, decision) => sum + BigInt(decision.after.daily_budget!), 0n)
      expect(after).toBeLessThanOrEqual(ceiling)
      for (const decision of decisions) expect(BigInt(decision.after.daily_budget!)).toBeGreaterThanOrEqual(BigInt(decision.before.daily_budget!))
    }
  })

  it("consumes headroom in dry run too, so a preview shows what acting would do", () => {
    const decisions = run(raise20({ dry_run: true }), twenty, { account: { total_daily_budget: "20000", daily_budget_ceiling: "20400" } })
    expect(decisions.filter((decision) => decision.after.daily_budget === "1200")).toHaveLength(2)
    expect(decisions.filter((decision) => decision.skip_code === "account_ceiling")).toHaveLength(18)
    expect(decisions.every((decision) => decision.write === null)).toBe(true)
  })

  it("skips every raise when the account is already over its ceiling, but still lowers", () => {
    const over = { total_daily_budget: "30000", daily_budget_ceiling: "25000" }
    expect(one(raise20(), adSet("1", "1000"), { account: over }).skip_code).toBe("account_ceiling")
    const lower = raise20({ action: { type: "lower_budget_pct", value: "10" } })
    expect(one(lower, adSet("1", "1000"), { account: over }).acted).toBe(true)
  })

  it("counts an activation's daily budget against the headroom", () => {
    const activate = rule({ scope: "ad_set", action: { type: "activate" }, conditions: [{ metric: "roas", operator: "gt", value: "3" }] })
    const account = { total_daily_budget: "9600", daily_budget_ceiling: "10000" }
    const decisions = run(activate, [adSet("1", "300", { status: "PAUSED" }), adSet("2", "300", { status: "PAUSED" }), adSet("3", null, { status: "PAUSED" })], { account })
    expect(decisions.map((decision) => [decision.object_id, decision.acted, decision.skip_code])).toEqual([
      ["1", true, undefined],
      ["2", false, "account_ceiling"],
      ["3", true, undefined],
    ])
    expect(decisions[1].skipped_reason).toBe("activating adds 3.00 USD a day; the account's daily budget ceiling of 100.00 USD leaves 1.00 USD")
  })

  it("allows anything without a ceiling", () => {
    expect(run(raise20(), twenty, { account: { total_daily_budget: "20000" } }).every((decision) => decision.acted)).toBe(true)
  })
})

describe("cooldown", () => {
  const past = (msAgo: number, extra: Partial<RuleHistoryEntry> = {}): RuleHistoryEntry => ({
    object_id: "1",
    acted_at: new Date(NOW.getTime() - msAgo),
    action: "raise_budget_pct",
    ...extra,
  })
  const cooled = raise20({ cooldown_minutes: 60 })

  it.each([
    [60 * MIN, true],
    [60 * MIN + 1, true],
    [60 * MIN - 1, false],
    [0, false],
    [-5 * MIN, false],
  ])("last change %i ms ago → acts: %p", (ago, acts) => {
    const decision = one(cooled, adSet("1", "1000"), { history: [past(ago)] })
    expect(decision.acted).toBe(acts)
    if (!acts) expect(decision.skip_code).toBe("cooldown")
  })

  it("says how long ago and how long the rule waits", () => {
    expect(one(cooled, adSet("1", "1000"), { history: [past(12 * MIN + 30_000)] }).skipped_reason).toBe("in cooldown: last change 12 minutes ago, the rule waits 60 minutes")
  })

  it("counts only this rule's acted decisions on this object", () => {
    const history = [past(MIN, { rule_id: "other_rule" }), past(MIN, { acted: false }), past(MIN, { object_id: "2" }), past(MIN, { acted_at: "not a date" })]
    expect(one(cooled, adSet("1", "1000"), { history }).acted).toBe(true)
    expect(one(cooled, adSet("1", "1000"), { history: [past(MIN, { rule_id: "rule_1" })] }).skip_code).toBe("cooldown")
  })

  it("uses the latest change, whatever the history's order", () => {
    const history = [past(5 * MIN), past(600 * MIN)]
    expect(one(cooled, adSet("1", "1000"), { history: [...history].reverse() }).skip_code).toBe("cooldown")
    expect(one(cooled, adSet("1", "1000"), { history }).skip_code).toBe("cooldown")
  })

  it("accepts ISO strings and epoch numbers", () => {
    expect(one(cooled, adSet("1", "1000"), { history: [past(0, { acted_at: new Date(NOW.getTime() - 30 * MIN).toISOString() })] }).skip_code).toBe("cooldown")
    expect(one(cooled, adSet("1", "1000"), { history: [past(0, { acted_at: NOW.getTime() - 90 * MIN })] }).acted).toBe(true)
  })
})

describe("max changes per day, in the account's calendar", () => {
  const entry = (iso: string): RuleHistoryEntry => ({ object_id: "1", acted_at: iso, action: "raise_budget_pct" })
  const twice = raise20({ max_changes_per_day: 2 })

  it("counts the Berlin day on the spring-forward Sunday (23 hours)", () => {
    // 00:30 and 12:00 local on 2026-03-29.
    const history = [entry("2026-03-28T23:30:00Z"), entry("2026-03-29T10:00:00Z")]
    const late = one(twice, adSet("1", "1000"), { history, now: new Date("2026-03-29T21:59:00Z") })
    expect(late.skip_code).toBe("max_changes_per_day")
    expect(late.skipped_reason).toBe("already changed 2 times today (2026-03-29, Europe/Berlin); the rule allows 2")
    expect(one(twice, adSet("1", "1000"), { history, now: new Date("2026-03-29T22:00:00Z") }).acted).toBe(true)
  })

  it("counts the Berlin day on the fall-back Sunday (25 hours)", () => {
    const history = [entry("2026-10-24T22:00:00Z"), entry("2026-10-25T01:30:00Z")]
    expect(one(twice, adSet("1", "1000"), { history, now: new Date("2026-10-25T22:59:00Z") }).skip_code).toBe("max_changes_per_day")
    expect(one(twice, adSet("1", "1000"), { history, now: new Date("2026-10-25T23:00:00Z") }).acted).toBe(true)
    // 21:59 UTC on the 24th is 23:59 CEST on the 24th: yesterday.
    expect(one(twice, adSet("1", "1000"), { history: [entry("2026-10-24T21:59:00Z"), entry("2026-10-25T01:30:00Z")], now: new Date("2026-10-25T12:00:00Z") }).acted).toBe(true)
  })

  it("counts the Bogotá day (UTC−5), not the UTC day", () => {
    const history = [entry("2026-03-29T04:00:00Z"), entry("2026-03-29T04:30:00Z")]
    const account = { currency: "COP", timezone: "America/Bogota" }
    expect(one(twice, adSet("1", "50000"), { history, account, now: new Date("2026-03-29T04:59:00Z") }).skip_code).toBe("max_changes_per_day")
    expect(one(twice, adSet("1", "50000"), { history, account, now: new Date("2026-03-29T05:00:00Z") }).acted).toBe(true)
  })

  it("allows up to the maximum", () => {
    expect(one(twice, adSet("1", "1000"), { history: [entry("2026-06-10T06:00:00Z")] }).acted).toBe(true)
  })
})

describe("active hours (account time zone)", () => {
  const hours = (from: string, to: string, weekdays?: number[]) => rule({ active_hours: { from, to, weekdays } })
  // NOW is Wednesday 14:00 in Berlin.
  it.each<[string, string, number[] | undefined, boolean]>([
    ["09:00", "18:00", undefined, true],
    ["14:00", "18:00", undefined, true],
    ["09:00", "14:00", undefined, false],
    ["14:01", "18:00", undefined, false],
    ["00:00", "24:00", undefined, true],
    ["09:00", "18:00", [1, 2, 4, 5], false],
    ["09:00", "18:00", [3], true],
    ["22:00", "15:00", undefined, true],
    ["22:00", "06:00", undefined, false],
  ])("%s–%s %p → acts %p", (from, to, weekdays, acts) => {
    const decision = one(hours(from, to, weekdays), ad("1"))
    expect(decision.acted).toBe(acts)
    if (!acts) expect(decision.skip_code).toBe("outside_active_hours")
  })

  it("names the window in the reason", () => {
    expect(one(hours("09:00", "12:00", [1, 2]), ad("1")).skipped_reason).toBe("outside the rule's active hours 09:00–12:00 on Mon, Tue (Europe/Berlin)")
  })

  it("gives the after-midnight part of an overnight window to the day it started", () => {
    const fridayNight = hours("22:00", "06:00", [5])
    // Saturday 01:00 in Berlin (CEST): inside Friday's window.
    expect(one(fridayNight, ad("1"), { now: new Date("2026-06-12T23:00:00Z") }).acted).toBe(true)
    // Friday 01:00: that belongs to Thursday's window.
    expect(one(fridayNight, ad("1"), { now: new Date("2026-06-11T23:00:00Z") }).skip_code).toBe("outside_active_hours")
  })

  it("uses the wall clock across DST: 09:00 is 07:00 UTC in summer and 08:00 UTC in winter", () => {
    const morning = hours("09:00", "10:00")
    expect(one(morning, ad("1"), { now: new Date("2026-06-10T07:00:00Z") }).acted).toBe(true)
    expect(one(morning, ad("1"), { now: new Date("2026-12-10T07:00:00Z") }).skip_code).toBe("outside_active_hours")
    expect(one(morning, ad("1"), { now: new Date("2026-12-10T08:00:00Z") }).acted).toBe(true)
  })

  it("never opens an hour that does not exist on the spring-forward day", () => {
    const missingHour = hours("02:00", "03:00")
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      const now = new Date(Date.UTC(2026, 2, 28, 23) + minute * MIN)
      expect(one(missingHour, ad("1"), { now }).acted).toBe(false)
    }
  })

  it("is checked only when the rule would act", () => {
    expect(one(hours("09:00", "10:00"), ad("1", {}, { cpm: "1" })).skip_code).toBe("conditions_not_met")
  })
})

describe("pause ads whose products are out of stock, resume when back", () => {
  const template = { id: "stock_rule", ...findRuleTemplate("pause_out_of_stock")!.build({}), dry_run: false }
  const products = (...inStock: boolean[]) => inStock.map((in_stock, i) => ({ product_id: `prod_${i}`, in_stock }))
  const pausedByRule: RuleHistoryEntry = { rule_id: "stock_rule", object_id: "1", acted_at: "2026-06-10T08:00:00Z", action: "pause" }

  it("pauses an ad when none of its products is in stock", () => {
    const decision = one(template, ad("1", { products: products(false, false) }))
    expect(decision).toMatchObject({ acted: true, action: "pause", numbers: { stock: "0", products: "2" }, write: { params: { status: "PAUSED" } } })
  })

  it("keeps an ad running while one product is in stock", () => {
    expect(one(template, ad("1", { products: products(false, true) })).skip_code).toBe("conditions_not_met")
  })

  it("resumes an ad this rule paused once stock is back", () => {
    const decision = one(template, ad("1", { status: "PAUSED", products: products(false, true) }), { history: [pausedByRule] })
    expect(decision).toMatchObject({
      acted: true,
      action: "activate",
      before: { status: "PAUSED" },
      after: { status: "ACTIVE" },
      write: { method: "POST", path: "1", params: { status: "ACTIVE" } },
    })
    expect(decision.note).toMatch(/this rule paused it, so it is resumed/)
  })

  it("does not resume an ad paused by someone else", () => {
    const decision = one(template, ad("1", { status: "PAUSED", products: products(true) }))
    expect(decision).toMatchObject({ acted: false, skip_code: "conditions_not_met", write: null })
    const byOtherRule = { ...pausedByRule, rule_id: "another_rule" }
    expect(one(template, ad("1", { status: "PAUSED", products: products(true) }), { history: [byOtherRule] }).acted).toBe(false)
  })

  it("does not resume an ad paused by hand after this rule resumed it", () => {
    const history: RuleHistoryEntry[] = [pausedByRule, { ...pausedByRule, action: "activate", acted_at: "2026-06-10T09:00:00Z" }]
    expect(one(template, ad("1", { status: "PAUSED", products: products(true) }), { history }).skip_code).toBe("conditions_not_met")
  })

  it("leaves an ad it paused alone while stock is still out", () => {
    expect(one(template, ad("1", { status: "PAUSED", products: products(false) }), { history: [pausedByRule] })).toMatchObject({
      skip_code: "already_in_state",
      write: null,
    })
  })

  it("resumes even without spend (a paused ad has none) and honours dry run", () => {
    const withMinimum = { ...template, min_spend: "10" }
    expect(one(withMinimum, ad("1", { status: "PAUSED", products: products(true) }, { spend: "0" }), { history: [pausedByRule] }).acted).toBe(true)
    const preview = one({ ...template, dry_run: true }, ad("1", { status: "PAUSED", products: products(true) }), { history: [pausedByRule] })
    expect(preview).toMatchObject({ acted: false, skip_code: "dry_run", action: "activate", after: { status: "ACTIVE" }, write: null })
  })

  it("skips an ad whose products are unknown", () => {
    expect(one(template, ad("1", { products: [] })).skipped_reason).toBe("no advertised products are known for it")
    expect(one(template, ad("1")).skip_code).toBe("missing_data")
  })

  it("respects max changes per day against a flapping stock level", () => {
    const flaps: RuleHistoryEntry[] = Array.from({ length: 6 }, (_, i) => ({
      rule_id: "stock_rule",
      object_id: "1",
      acted_at: new Date(NOW.getTime() - (6 - i) * 30 * MIN),
      action: i % 2 === 0 ? "pause" : "activate",
    }))
    expect(one(template, ad("1", { products: products(false) }), { history: flaps }).skip_code).toBe("max_changes_per_day")
  })
})

describe("store-side metrics", () => {
  const storeRoas = rule({ conditions: [{ metric: "store_roas", operator: "lt", value: "1" }] })

  it("computes store ROAS from the store's revenue and Meta's spend", () => {
    const object = ad("1", { store_metrics: { last_7d: { revenue: "25" } } })
    expect(one(storeRoas, object)).toMatchObject({ acted: true, numbers: { store_roas: "0.5" } })
    expect(one(storeRoas, ad("1", { store_metrics: { last_7d: { revenue: "60" } } })).skip_code).toBe("conditions_not_met")
  })

  it("prefers store figures merged into the metrics snapshot", () => {
    expect(one(storeRoas, ad("1", {}, { store_revenue: "10", store_roas: "0.2" })).numbers.store_roas).toBe("0.2")
    const revenue = rule({ conditions: [{ metric: "store_revenue", operator: "gte", value: "10" }] })
    expect(one(revenue, ad("1", {}, { store_revenue: "10.00" })).numbers.store_revenue).toBe("10")
  })

  it("is unknown without spend or revenue", () => {
    expect(one(storeRoas, ad("1", { store_metrics: { last_7d: { revenue: "25" } } }, { spend: "0" })).skip_code).toBe("missing_data")
    expect(one(storeRoas, ad("1")).skip_code).toBe("missing_data")
  })

  it("skips, saying why, while the store has never attributed an order to an ad (no storefront helper)", () => {
    const unknown = one(storeRoas, ad("1", { store_metrics: null }))
    expect(unknown).toMatchObject({ acted: false, skip_code: "missing_data" })
    expect(unknown.skipped_reason).toMatch(/no order has been attributed to a Meta ad yet/)
    // Once any order is attributed, an ad with spend and none of them is a store ROAS of 0, and acts.
    expect(one(storeRoas, ad("1", { store_metrics: { last_7d: { revenue: "0" } } }))).toMatchObject({ acted: true, numbers: { store_roas: "0" } })
  })
})

describe("duplicate_ad_set", () => {
  const duplicate = rule({ scope: "ad_set", action: { type: "duplicate_ad_set" }, conditions: [{ metric: "roas", operator: "gt", value: "3" }] })

  it("posts to the copies edge with a rename suffix that identifies the rule and day", () => {
    expect(one(duplicate, adSet("77", "1000"))).toMatchObject({
      acted: true,
      write: {
        method: "POST",
        path: "77/copies",
        params: { deep_copy: "true", status_option: "ACTIVE", rename_options: JSON.stringify({ rename_strategy: "DEEP_RENAME", rename_suffix: " (rule rule_1 2026-06-10)" }) },
      },
      after: { status: "ACTIVE", daily_budget: "1000" },
    })
  })

  it("keeps an active copy inside the account ceiling", () => {
    const account = { total_daily_budget: "9500", daily_budget_ceiling: "10000" }
    expect(one(duplicate, adSet("77", "1000"), { account }).skip_code).toBe("account_ceiling")
    expect(one(duplicate, adSet("77", "500"), { account }).acted).toBe(true)
    const paused = one(duplicate, adSet("77", "1000", { status: "PAUSED" }), { account })
    expect(paused).toMatchObject({ acted: true, write: { params: { status_option: "PAUSED" } } })
  })

  it("skips an ad set whose mirrored budget is unreadable", () => {
    expect(one(duplicate, adSet("77", "10.5")).skipped_reason).toBe('the mirrored daily budget "10.5" is not a whole number of Meta units')
  })
})

describe("objects, scope and order", () => {
  it("decides in id order whatever the input order", () => {
    const objects = ["10", "9", "abc", "100", "2", "Z"].map((id) => ad(id))
    const forward = run(rule(), objects).map((decision) => decision.object_id)
    const backward = run(rule(), [...objects].reverse()).map((decision) => decision.object_id)
    expect(forward).toEqual(["2", "9", "10", "100", "Z", "abc"])
    expect(backward).toEqual(forward)
  })

  it("compares ids numerically for digits and by code unit otherwise", () => {
    expect(["120", "23", "b", "A", "3"].sort(compareObjectIds)).toEqual(["3", "23", "120", "A", "b"])
    expect(compareObjectIds("5", "5")).toBe(0)
  })

  it("is deterministic: the same input gives the same decisions", () => {
    const objects = Array.from({ length: 30 }, (_, i) => adSet(String(500 - i), String(1000 + i * 37)))
    const account = { total_daily_budget: "40000", daily_budget_ceiling: "42000" }
    expect(run(raise20(), objects, { account })).toEqual(run(raise20(), [...objects].reverse(), { account }))
  })

  it("only evaluates objects at the scope's level; account scope takes every level", () => {
    const objects: RuleObject[] = [ad("1"), { ...ad("2"), level: "ad_set" }, { ...ad("3"), level: "campaign" }]
    expect(run(rule(), objects).map((decision) => decision.object_id)).toEqual(["1"])
    expect(run(rule({ scope: "account" }), objects).map((decision) => decision.object_id)).toEqual(["1", "2", "3"])
  })

  it("limits to the listed ids and reports listed ids the mirror lacks", () => {
    const decisions = run(rule({ object_ids: ["3", "1"] }), [ad("1"), ad("2")])
    expect(decisions.map((decision) => [decision.object_id, decision.skip_code])).toEqual([
      ["1", undefined],
      ["3", "not_found"],
    ])
    expect(decisions[1]).toMatchObject({ level: null, before: { status: null, daily_budget: null }, write: null })
  })

  it("takes the first of duplicated objects", () => {
    expect(run(rule(), [ad("1"), ad("1", {}, { cpm: "1" })])).toHaveLength(1)
    expect(run(rule(), [ad("1"), ad("1", {}, { cpm: "1" })])[0].acted).toBe(true)
  })

  it("skips archived and deleted objects and foreign currencies", () => {
    expect(one(rule(), ad("1", { status: "ARCHIVED" })).skipped_reason).toBe("the ad is archived")
    expect(one(rule(), ad("1", { status: "deleted" })).skip_code).toBe("archived")
    expect(one(rule(), ad("1", { currency: "EUR" })).skipped_reason).toBe("the ad is in EUR, the ad account in USD")
    expect(one(rule(), ad("1", { currency: "usd" })).acted).toBe(true)
  })

  it("returns nothing for an empty mirror", () => {
    expect(run(rule(), [])).toEqual([])
  })
})

describe("replaying a decision", () => {
  it("writes absolute values: evaluating the same state again sends the same write, never a second increment", () => {
    const object = adSet("1", "1000")
    const first = one(raise20(), object)
    const replay = one(raise20(), object)
    expect(replay.write).toEqual(first.write)
    expect(first.write?.params).toEqual({ daily_budget: "1200" })
  })

  it("after the write landed, the cooldown holds the next raise", () => {
    const first = one(raise20({ cooldown_minutes: 60 }), adSet("1", "1000"))
    const history: RuleHistoryEntry[] = [{ rule_id: "rule_1", object_id: "1", acted_at: NOW, action: first.action, acted: first.acted }]
    const again = one(raise20({ cooldown_minutes: 60 }), adSet("1", first.after.daily_budget), { history, now: new Date(NOW.getTime() + 30 * MIN) })
    expect(again.skip_code).toBe("cooldown")
  })
})

describe("bad input", () => {
  it("throws RuleInputError for an invalid rule, listing the fields", () => {
    expect(() => run(rule({ cooldown_minutes: -1 }), [])).toThrow(RuleInputError)
    try {
      run(rule({ conditions: [] }), [])
    } catch (error) {
      expect((error as RuleInputError).errors.map((entry) => entry.field)).toEqual(["conditions"])
    }
  })

  it("throws for an unknown account currency, time zone or time", () => {
    expect(() => run(rule(), [ad("1")], { account: { currency: "XYZ" } })).toThrow(AdsValueError)
    expect(() => run(rule(), [ad("1")], { account: { timezone: "Nowhere/Land" } })).toThrow(AdsValueError)
    expect(() => run(rule(), [ad("1")], { now: new Date("invalid") })).toThrow(RuleInputError)
  })

  it.each([
    [{ total_daily_budget: "lots", daily_budget_ceiling: "1100" }, "account.total_daily_budget"],
    [{ total_daily_budget: "", daily_budget_ceiling: "1100" }, "account.total_daily_budget"],
    [{ daily_budget_ceiling: "12.5" }, "account.daily_budget_ceiling"],
    [{ daily_budget_ceiling: "-1" }, "account.daily_budget_ceiling"],
    [{ min_daily_budget: "9.18" }, "account.min_daily_budget"],
  ])("refuses unreadable account figures %p rather than lifting the ceiling", (account, field) => {
    try {
      run(raise20(), [adSet("1", "1000")], { account })
      throw new Error("expected a RuleInputError")
    } catch (error) {
      expect(error).toBeInstanceOf(RuleInputError)
      expect((error as RuleInputError).errors[0].field).toBe(field)
    }
  })

  it("needs no total without a ceiling", () => {
    expect(one(raise20(), adSet("1", "1000"), { account: { total_daily_budget: "" } }).acted).toBe(true)
  })
})
