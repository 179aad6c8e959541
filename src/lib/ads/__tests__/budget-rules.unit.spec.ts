import { dailyMinimum, optimizationClassFor, validateBudget, type BudgetValidationInput } from "../budget-rules"

const usdMinimums = {
  currency: "USD",
  min_daily_budget_imp: 918,
  min_daily_budget_high_freq: "500",
  min_daily_budget_low_freq: 4000,
  min_daily_budget_video_views: 300,
}

function check(input: Partial<BudgetValidationInput>) {
  return validateBudget({ field: "daily_budget", amount: "10", account_currency: "USD", ...input })
}

function messages(input: Partial<BudgetValidationInput>) {
  const result = check(input)
  return result.ok ? [] : result.errors.map((error) => error.message)
}

describe("validateBudget", () => {
  it("accepts a budget and gives Meta's integer", () => {
    expect(check({ amount: "12.34" })).toEqual({ ok: true, field: "daily_budget", meta_units: "1234", warnings: [] })
    expect(check({ amount: 50000, account_currency: "COP" })).toMatchObject({ ok: true, meta_units: "50000" })
    expect(check({ amount: "1000", account_currency: "jpy" })).toMatchObject({ ok: true, meta_units: "1000" })
    expect(check({ amount: "7.5", account_currency: "BHD" })).toMatchObject({ ok: true, meta_units: "750" })
  })

  it("enforces the account's minimum for the optimization, with a message naming the field", () => {
    expect(messages({ amount: "9.17", minimum_budgets: usdMinimums, optimization: "imp" })).toEqual([
      "daily_budget must be at least 9.18 USD for this ad account",
    ])
    expect(check({ amount: "9.18", minimum_budgets: usdMinimums, optimization: "imp" }).ok).toBe(true)
    expect(check({ amount: "5", minimum_budgets: usdMinimums, optimization: "high_freq" }).ok).toBe(true)
    expect(messages({ amount: "39.99", minimum_budgets: usdMinimums, optimization: "low_freq" })).toEqual([
      "daily_budget must be at least 40.00 USD for this ad account",
    ])
  })

  it("speaks whole units for offset-1 currencies", () => {
    expect(messages({ amount: "3999", account_currency: "COP", minimum_budgets: { currency: "COP", min_daily_budget_imp: "4000" }, optimization: "imp" })).toEqual([
      "daily_budget must be at least 4000 COP for this ad account",
    ])
    expect(messages({ amount: "4000.5", account_currency: "COP" })).toEqual([
      "daily_budget must be a whole number of COP: Meta counts COP budgets in whole units",
    ])
    expect(messages({ amount: "1.234", account_currency: "JOD" })).toEqual(["daily_budget can have at most 2 decimals in JOD"])
  })

  it("uses the highest minimum when the optimization is unknown", () => {
    expect(messages({ amount: "39", minimum_budgets: usdMinimums })).toEqual(["daily_budget must be at least 40.00 USD for this ad account"])
    expect(dailyMinimum(usdMinimums, null)).toBe(4000n)
    expect(dailyMinimum({ min_daily_budget_imp: "bad", min_daily_budget_low_freq: null }, null)).toBeNull()
    expect(dailyMinimum(null, "imp")).toBeNull()
  })

  it("multiplies the daily minimum by the days of a lifetime budget", () => {
    const input = { field: "lifetime_budget" as const, minimum_budgets: usdMinimums, optimization: "imp" as const }
    expect(check({ ...input, amount: "64.25", duration_days: 7 }).ok).toBe(false)
    expect(messages({ ...input, amount: "64.25", duration_days: 7 })).toEqual([
      "lifetime_budget must be at least 64.26 USD (9.18 USD a day for 7 days) for this ad account",
    ])
    expect(check({ ...input, amount: "64.26", duration_days: 7 }).ok).toBe(true)
    expect(check({ ...input, amount: "18.35", duration_days: 1.5 }).ok).toBe(false)
    const unknownLength = check({ ...input, amount: "1" })
    expect(unknownLength.ok).toBe(true)
    expect(unknownLength.warnings.map((warning) => warning.code)).toEqual(["minimum_unchecked"])
  })

  it.each([
    [{ amount: "0" }, "daily_budget must be greater than 0"],
    [{ amount: "-5" }, "daily_budget cannot be negative"],
    [{ amount: "abc" }, "daily_budget must be a number in USD, like 12.34"],
    [{ amount: null }, "daily_budget must be a number in USD, like 12.34"],
    [{ amount: { value: 5 } }, "daily_budget must be a number in USD, like 12.34"],
    [{ amount: 0.1 + 0.2 }, "daily_budget can have at most 2 decimals in USD"],
    [{ amount: "1e30" }, "daily_budget is too large"],
    [{ amount: "10", amount_currency: "EUR" }, "daily_budget is in EUR but this ad account bills in USD"],
    [{ amount: "10", account_currency: "XYZ" }, "the ad account's currency XYZ is not one Meta's Marketing API supports"],
  ])("refuses %p: %s", (input, message) => {
    expect(messages(input as Partial<BudgetValidationInput>)).toEqual([message])
  })

  it("accepts the amount's currency when it matches, whatever its case", () => {
    expect(check({ amount: "10", amount_currency: "usd" }).ok).toBe(true)
  })

  it("does not compare minimums reported in another currency", () => {
    const result = check({ amount: "1", minimum_budgets: { ...usdMinimums, currency: "EUR" }, optimization: "imp" })
    expect(result.ok).toBe(true)
    expect(result.warnings[0].code).toBe("minimum_unchecked")
  })

  it("warns about a 100× slip against the current budget", () => {
    const up = check({ amount: "5000000", account_currency: "COP", current_meta_units: "50000" })
    expect(up.ok).toBe(true)
    expect(up.warnings).toEqual([
      { field: "daily_budget", code: "large_increase", message: "daily_budget 5000000 COP is 100× the current 50000 COP; check the amount" },
    ])
    const down = check({ amount: "0.5", current_meta_units: "5000" })
    expect(down.warnings.map((warning) => warning.code)).toEqual(["large_decrease"])
    expect(check({ amount: "99.99", current_meta_units: "1000" }).warnings).toEqual([])
    expect(check({ amount: "100", current_meta_units: "1000" }).warnings.map((warning) => warning.code)).toEqual(["large_increase"])
  })
})

describe("optimizationClassFor", () => {
  it.each([
    ["IMPRESSIONS", "imp"],
    ["reach", "imp"],
    ["LINK_CLICKS", "high_freq"],
    ["THRUPLAY", "video_views"],
    ["OFFSITE_CONVERSIONS", "low_freq"],
    ["VALUE", "low_freq"],
    ["SOMETHING_NEW", null],
    [undefined, null],
  ])("%p → %p", (goal, expected) => {
    expect(optimizationClassFor(goal)).toBe(expected)
  })
})
