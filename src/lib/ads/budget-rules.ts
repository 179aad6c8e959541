/**
 * Checks a budget a merchant (or a rule) wants to send before Meta sees it, with messages that name the field
 * and speak the merchant's currency. Meta's limits: budgets are integers in the currency's offset units
 * (https://developers.facebook.com/docs/marketing-api/currencies), and an ad set's daily budget must reach
 * the account's minimum for its optimization, read from `GET /act_{id}/minimum_budgets`
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-account/minimum_budgets/ — fields
 * `min_daily_budget_imp`, `_high_freq`, `_low_freq`, `_video_views`, in Meta units).
 */
import { formatMetaAmount, isMetaCurrency, metaCurrencyOffset, normalizeCurrency, parseMetaUnits, toMetaBudget } from "./currency-offset"
import { AdsValueError } from "./money"

export type BudgetField = "daily_budget" | "lifetime_budget"

/**
 * Which minimum applies. Meta's MinimumBudget reference: `imp` for ad sets optimized for impressions,
 * `high_freq` for high-frequency actions "like clicks and likes", `low_freq` for low-frequency actions "like
 * mobile app installs, offer claims", `video_views` for video views.
 */
export type BudgetOptimizationClass = "imp" | "high_freq" | "low_freq" | "video_views"

export type MinimumBudgets = {
  currency?: string | null
  min_daily_budget_imp?: number | string | null
  min_daily_budget_high_freq?: number | string | null
  min_daily_budget_low_freq?: number | string | null
  min_daily_budget_video_views?: number | string | null
}

export type BudgetIssue = { field: string; code: string; message: string }

export type BudgetValidationInput = {
  field: BudgetField
  /** Decimal in the main unit, as the merchant typed it ("12.34", 50000). */
  amount: unknown
  /** The ad account's currency (`GET /act_{id}?fields=currency`). */
  account_currency: string
  /** The currency the amount was entered in, when the form says so; must equal the account's. */
  amount_currency?: string | null
  minimum_budgets?: MinimumBudgets | null
  /** Class of the ad set's optimization goal; unknown → the highest minimum Meta reported (never too low). */
  optimization?: BudgetOptimizationClass | null
  /** Days a lifetime budget runs (partial days count as whole days); the daily minimum applies to each. */
  duration_days?: number | null
  /** The budget now, in Meta units: a new value 10× or more away from it gets a warning (a 100× slip). */
  current_meta_units?: string | number | null
}

export type BudgetValidation =
  | { ok: true; field: BudgetField; meta_units: string; warnings: BudgetIssue[] }
  | { ok: false; field: BudgetField; errors: BudgetIssue[]; warnings: BudgetIssue[] }

/** A new budget this many times the current one (or less than 1/this) is flagged as a probable unit slip. */
export const BUDGET_JUMP_WARNING_FACTOR = 10n

const OPTIMIZATION_CLASSES: Record<string, BudgetOptimizationClass> = {
  IMPRESSIONS: "imp",
  REACH: "imp",
  AD_RECALL_LIFT: "imp",
  LINK_CLICKS: "high_freq",
  LANDING_PAGE_VIEWS: "high_freq",
  POST_ENGAGEMENT: "high_freq",
  PAGE_LIKES: "high_freq",
  ENGAGED_USERS: "high_freq",
  THRUPLAY: "video_views",
  VIDEO_VIEWS: "video_views",
  TWO_SECOND_CONTINUOUS_VIDEO_VIEWS: "video_views",
  OFFSITE_CONVERSIONS: "low_freq",
  VALUE: "low_freq",
  APP_INSTALLS: "low_freq",
  LEAD_GENERATION: "low_freq",
  QUALITY_LEAD: "low_freq",
  CONVERSATIONS: "low_freq",
}

/**
 * The minimum-budget class of an ad set's `optimization_goal`; null for a goal not listed here (then the
 * highest minimum is enforced). Conversions, value and leads count as low-frequency actions.
 */
export function optimizationClassFor(optimizationGoal: string | null | undefined): BudgetOptimizationClass | null {
  return OPTIMIZATION_CLASSES[String(optimizationGoal ?? "").trim().toUpperCase()] ?? null
}

const MINIMUM_FIELDS: Record<BudgetOptimizationClass, keyof MinimumBudgets> = {
  imp: "min_daily_budget_imp",
  high_freq: "min_daily_budget_high_freq",
  low_freq: "min_daily_budget_low_freq",
  video_views: "min_daily_budget_video_views",
}

function readMinimum(value: unknown): bigint | null {
  if (value === undefined || value === null || value === "") return null
  try {
    return parseMetaUnits(value)
  } catch {
    return null
  }
}

/** The daily minimum (Meta units) that applies, or null when Meta reported none usable. */
export function dailyMinimum(minimums: MinimumBudgets | null | undefined, optimization: BudgetOptimizationClass | null | undefined): bigint | null {
  if (!minimums) return null
  if (optimization) return readMinimum(minimums[MINIMUM_FIELDS[optimization]])
  let highest: bigint | null = null
  for (const field of Object.values(MINIMUM_FIELDS)) {
    const value = readMinimum(minimums[field])
    if (value !== null && (highest === null || value > highest)) highest = value
  }
  return highest
}

function issue(field: string, code: string, message: string): BudgetIssue {
  return { field, code, message }
}

/**
 * Validates one budget. `ok` carries the integer string to send as `daily_budget` / `lifetime_budget`.
 * Messages read like "daily_budget must be at least 9.18 USD for this ad account".
 */
export function validateBudget(input: BudgetValidationInput): BudgetValidation {
  const { field } = input
  const errors: BudgetIssue[] = []
  const warnings: BudgetIssue[] = []
  const currency = normalizeCurrency(input.account_currency)
  const fail = (): BudgetValidation => ({ ok: false, field, errors, warnings })

  if (!isMetaCurrency(currency)) {
    errors.push(issue(field, "unknown_currency", `the ad account's currency ${currency || "(none)"} is not one Meta's Marketing API supports`))
    return fail()
  }
  if (input.amount_currency !== undefined && input.amount_currency !== null) {
    const entered = normalizeCurrency(input.amount_currency)
    if (entered !== currency) {
      errors.push(issue(field, "currency_mismatch", `${field} is in ${entered || "no currency"} but this ad account bills in ${currency}`))
      return fail()
    }
  }
  const amount = typeof input.amount === "string" || typeof input.amount === "number" ? input.amount : undefined
  let metaUnits: bigint
  try {
    if (amount === undefined) throw new AdsValueError("invalid_amount", "")
    metaUnits = BigInt(toMetaBudget(amount, currency))
  } catch (error) {
    errors.push(amountIssue(field, currency, error))
    return fail()
  }
  if (metaUnits === 0n) {
    errors.push(issue(field, "not_positive", `${field} must be greater than 0`))
    return fail()
  }

  const minimum = dailyMinimum(input.minimum_budgets, input.optimization)
  const minimumCurrency = normalizeCurrency(input.minimum_budgets?.currency ?? "")
  if (minimum !== null && minimumCurrency && minimumCurrency !== currency) {
    // Minimums in another currency cannot be compared; Meta decides when the budget is sent.
    warnings.push(issue(field, "minimum_unchecked", `Meta reported minimum budgets in ${minimumCurrency}, not ${currency}; the minimum was not checked`))
  } else if (minimum !== null) {
    const days = field === "lifetime_budget" ? lifetimeDays(input.duration_days) : 1n
    if (days === null) {
      warnings.push(issue(field, "minimum_unchecked", "lifetime_budget was not checked against the daily minimum: the schedule's length is unknown"))
    } else if (metaUnits < minimum * days) {
      const required = formatMetaAmount(minimum * days, currency)
      const perDay = days > 1n ? ` (${formatMetaAmount(minimum, currency)} a day for ${days} days)` : ""
      errors.push(issue(field, "below_minimum", `${field} must be at least ${required}${perDay} for this ad account`))
      return fail()
    }
  }

  if (input.current_meta_units !== undefined && input.current_meta_units !== null) {
    const current = readMinimum(input.current_meta_units)
    if (current !== null && current > 0n) {
      const shown = formatMetaAmount(metaUnits, currency)
      const before = formatMetaAmount(current, currency)
      if (metaUnits >= current * BUDGET_JUMP_WARNING_FACTOR) {
        warnings.push(issue(field, "large_increase", `${field} ${shown} is ${metaUnits / current}× the current ${before}; check the amount`))
      } else if (metaUnits * BUDGET_JUMP_WARNING_FACTOR <= current) {
        warnings.push(issue(field, "large_decrease", `${field} ${shown} is 1/${current / metaUnits} of the current ${before}; check the amount`))
      }
    }
  }
  return { ok: true, field, meta_units: metaUnits.toString(), warnings }
}

function lifetimeDays(days: number | null | undefined): bigint | null {
  if (days === undefined || days === null || !Number.isFinite(days) || days <= 0) return null
  return BigInt(Math.ceil(days))
}

function amountIssue(field: string, currency: string, error: unknown): BudgetIssue {
  const code = error instanceof AdsValueError ? error.code : "invalid_amount"
  const offset = metaCurrencyOffset(currency)
  switch (code) {
    case "negative_amount":
      return issue(field, code, `${field} cannot be negative`)
    case "too_many_decimals":
      return issue(
        field,
        code,
        offset === 1
          ? `${field} must be a whole number of ${currency}: Meta counts ${currency} budgets in whole units`
          : `${field} can have at most 2 decimals in ${currency}`,
      )
    case "too_large":
      return issue(field, code, `${field} is too large`)
    default:
      return issue(field, "invalid_amount", `${field} must be a number in ${currency}, like ${offset === 1 ? "50000" : "12.34"}`)
  }
}
