import type { MetaSafetyNetRun } from "../../../../types/http/ads"
import { describeRun, fieldValue, safetyNetErrors } from "../safety-net-format"

const run = (objects: MetaSafetyNetRun["objects"], extra: Partial<MetaSafetyNetRun> = {}): MetaSafetyNetRun => ({
  id: "r1",
  kind: "spend_cap",
  meta_rule_id: "9001",
  ran_at: "2026-12-02T18:30:00.000Z",
  is_manual: false,
  objects,
  exception_code: null,
  exception_message: null,
  ...extra,
})

describe("safetyNetErrors", () => {
  it.each([
    ["spend_cap_daily: USD budgets can have at most 2 decimals at Meta", "spend_cap_daily", "spend_cap_daily: USD budgets can have at most 2 decimals at Meta"],
    ['Invalid request: max_frequency must be a decimal string such as "3.5"', "max_frequency", 'max_frequency must be a decimal string such as "3.5"'],
    ["Invalid request: Expected type: 'string' for field 'spend_cap_daily', got: '50'", "spend_cap_daily", "Expected type: 'string' for field 'spend_cap_daily', got: '50'"],
    ["max_frequency: Meta refused the safety net rule: Rule Limit Reached", "max_frequency", "max_frequency: Meta refused the safety net rule: Rule Limit Reached"],
    ["Meta is not connected: connect it in Settings → Meta first.", null, "Meta is not connected: connect it in Settings → Meta first."],
  ])("%s", (message, field, text) => {
    expect(safetyNetErrors(message)).toEqual({ field, message: text })
  })
})

describe("fieldValue", () => {
  it("trims, and an emptied field removes the rule", () => {
    expect(fieldValue(" 50.00 ")).toBe("50.00")
    expect(fieldValue("   ")).toBeNull()
    expect(fieldValue("")).toBeNull()
  })
})

describe("describeRun", () => {
  it("names the paused ads, by name when the mirror knows it", () => {
    expect(describeRun(run([{ id: "301", type: "AD", name: "Summer", old_status: "ACTIVE", new_status: "PAUSED" }]))).toBe("Paused 1 ad: Summer")
    expect(
      describeRun(
        run([
          { id: "301", type: "AD", name: "Summer", old_status: "ACTIVE", new_status: "PAUSED" },
          { id: "302", type: "AD", name: null, old_status: "ACTIVE", new_status: "PAUSED" },
        ])
      )
    ).toBe("Paused 2 ads: Summer, 302")
  })

  it("falls back to Meta's exception, or says nothing changed", () => {
    expect(describeRun(run([], { exception_code: 1, exception_message: "Rule failed" }))).toBe("Rule failed")
    expect(describeRun(run([]))).toBe("No change")
    expect(describeRun(run([{ id: "9", type: "ADSET", name: null, old_status: null, new_status: null }]))).toBe("Changed 1 object: 9")
  })
})
