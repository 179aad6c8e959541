/**
 * What an automated rule is, and the checks a rule must pass before it is stored or evaluated. Amounts in a
 * rule (min_spend, budget_ceiling, set_budget's value) are decimals in the ad account currency's main unit,
 * as the merchant types them; percentages are plain decimals ("20" = 20 %).
 */
import { isMetaCurrency, metaBudgetDecimals, normalizeCurrency } from "./currency-offset"
import { compareDecimals, formatDecimal, normalizeDecimal, tryParseDecimal } from "./money"

export const RULE_SCOPES = ["campaign", "ad_set", "ad", "account"] as const
export type RuleScope = (typeof RULE_SCOPES)[number]

export const RULE_METRICS = [
  "cpm",
  "cpc",
  "ctr",
  "roas",
  "spend",
  "cost_per_purchase",
  "frequency",
  "impressions",
  "store_revenue",
  "store_roas",
  "stock",
] as const
export type RuleMetric = (typeof RULE_METRICS)[number]

export const RULE_OPERATORS = ["gt", "gte", "lt", "lte", "eq"] as const
export type RuleOperator = (typeof RULE_OPERATORS)[number]

/**
 * Insights windows a rule can look at: the ranges the mirror keeps figures for (a rule on any other window
 * would never have data to judge). The names are the Insights API's `date_preset` values
 * (https://developers.facebook.com/docs/marketing-api/insights/parameters#date_preset).
 */
export const RULE_LOOKBACKS = ["today", "last_3d", "last_7d", "last_30d"] as const
export type RuleLookback = (typeof RULE_LOOKBACKS)[number]

export const RULE_ACTION_TYPES = ["pause", "activate", "raise_budget_pct", "lower_budget_pct", "set_budget", "duplicate_ad_set"] as const
export type RuleActionType = (typeof RULE_ACTION_TYPES)[number]

export const BUDGET_ACTIONS: readonly RuleActionType[] = ["raise_budget_pct", "lower_budget_pct", "set_budget"]

export type RuleCondition = {
  metric: RuleMetric
  operator: RuleOperator
  /**
   * Decimal string. Money metrics (cpm, cpc, spend, cost_per_purchase, store_revenue) in the account
   * currency's main unit; ctr in percent ("1.5" = 1.5 %); roas / store_roas as a ratio ("2" = 2×);
   * frequency and impressions as numbers; stock = how many of the advertised products are in stock.
   */
  value: string
}

export type RuleAction = {
  type: RuleActionType
  /** raise_budget_pct / lower_budget_pct: percent ("20"); set_budget: main-unit amount ("50.00"). */
  value?: string | null
}

export type ActiveHours = {
  /** "HH:MM", account time zone, inclusive. */
  from: string
  /** "HH:MM" (or "24:00"), exclusive; earlier than `from` means the window runs past midnight. */
  to: string
  /** 0 = Sunday … 6 = Saturday; the day the window starts on. All days when absent. */
  weekdays?: number[] | null
}

export type AdRule = {
  id: string
  scope: RuleScope
  /** "all" objects of the scope's level (every level for "account"), or these ids. */
  object_ids: "all" | string[]
  /** All must hold (AND). */
  conditions: RuleCondition[]
  lookback: RuleLookback
  /** Main unit; below it in the lookback window the rule does not judge the object. */
  min_spend?: string | null
  min_impressions?: number | null
  action: RuleAction
  /** Main unit; a budget action never takes one object's daily budget above it. */
  budget_ceiling?: string | null
  cooldown_minutes: number
  max_changes_per_day: number
  active_hours?: ActiveHours | null
  dry_run: boolean
  /**
   * With action "pause": activate again the objects THIS rule paused once the conditions no longer hold
   * ("pause ads whose products are out of stock, resume when back"). Objects paused by anyone else stay paused.
   */
  resume_when_clear?: boolean
}

export type RuleFieldError = { field: string; message: string }

export type RuleValidation = { ok: true; rule: AdRule } | { ok: false; errors: RuleFieldError[] }

export const MAX_RULE_CONDITIONS = 10
export const MAX_RULE_OBJECT_IDS = 1000
/** A rule may wait up to 30 days between two changes of one object. */
export const MAX_COOLDOWN_MINUTES = 30 * 24 * 60
/**
 * The plugin evaluates rules at most every 30 minutes (Meta's own rules run SEMI_HOURLY at most), so 48 is
 * the most changes a day can hold. Meta recommends changing a budget only a few times a day
 * (https://developers.facebook.com/docs/marketing-api/bidding/overview/pacing-and-scheduling).
 */
export const MAX_CHANGES_PER_DAY = 48
/** A single raise may at most double a budget; anything larger is almost always a typo. */
export const MAX_RAISE_PERCENT = "100"

const MONEY_METRICS: readonly RuleMetric[] = ["cpm", "cpc", "spend", "cost_per_purchase", "store_revenue"]
const INTEGER_METRICS: readonly RuleMetric[] = ["impressions", "stock"]

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes since midnight of "HH:MM" ("24:00" allowed when `endOfDay`), or null. */
export function parseClock(value: unknown, endOfDay = false): number | null {
  if (typeof value !== "string") return null
  if (endOfDay && value === "24:00") return 24 * 60
  const match = CLOCK.exec(value)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function decimalText(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null
  const decimal = tryParseDecimal(value)
  return decimal ? formatDecimal(decimal) : null
}

/**
 * Checks and normalizes a rule (from a request body or the database). Every error names its field the way the
 * admin form does ("conditions[1].value", "action.value", "active_hours.from"). With `currency` (the ad
 * account's), amounts are also checked against Meta's budget precision for it ("set_budget in JPY has no
 * decimals").
 */
export function validateRule(input: unknown, options: { currency?: string | null } = {}): RuleValidation {
  const errors: RuleFieldError[] = []
  const add = (field: string, message: string) => errors.push({ field, message })
  if (!isRecord(input)) return { ok: false, errors: [{ field: "rule", message: "rule must be an object" }] }

  const currency = options.currency ? normalizeCurrency(options.currency) : null
  if (currency !== null && !isMetaCurrency(currency)) add("currency", `${currency} is not a currency Meta's Marketing API supports`)
  const budgetDecimals = currency !== null && isMetaCurrency(currency) ? metaBudgetDecimals(currency) : null

  const id = typeof input.id === "string" ? input.id.trim() : ""
  if (!id) add("id", "id is required")

  const scope = input.scope
  if (!oneOf(RULE_SCOPES, scope)) add("scope", `scope must be one of ${RULE_SCOPES.join(", ")}`)

  let objectIds: "all" | string[] = "all"
  if (input.object_ids === "all" || input.object_ids === undefined) {
    objectIds = "all"
  } else if (Array.isArray(input.object_ids)) {
    const ids: string[] = []
    input.object_ids.forEach((value, index) => {
      const text = typeof value === "string" ? value.trim() : typeof value === "number" && Number.isSafeInteger(value) ? String(value) : ""
      if (!text) add(`object_ids[${index}]`, "each object id must be a non-empty string")
      else if (!ids.includes(text)) ids.push(text)
    })
    if (input.object_ids.length === 0) add("object_ids", 'object_ids must list at least one id, or be "all"')
    if (ids.length > MAX_RULE_OBJECT_IDS) add("object_ids", `object_ids can list at most ${MAX_RULE_OBJECT_IDS} ids`)
    objectIds = ids
  } else {
    add("object_ids", 'object_ids must be "all" or a list of ids')
  }

  const conditions: RuleCondition[] = []
  if (!Array.isArray(input.conditions) || input.conditions.length === 0) {
    add("conditions", "conditions must list at least one condition")
  } else if (input.conditions.length > MAX_RULE_CONDITIONS) {
    add("conditions", `a rule can have at most ${MAX_RULE_CONDITIONS} conditions`)
  } else {
    input.conditions.forEach((condition, index) => {
      const field = `conditions[${index}]`
      if (!isRecord(condition)) return add(field, "each condition must be an object")
      const metric = condition.metric
      const operator = condition.operator
      if (!oneOf(RULE_METRICS, metric)) add(`${field}.metric`, `${field}.metric must be one of ${RULE_METRICS.join(", ")}`)
      if (!oneOf(RULE_OPERATORS, operator)) add(`${field}.operator`, `${field}.operator must be one of ${RULE_OPERATORS.join(", ")}`)
      const value = decimalText(condition.value)
      if (value === null) add(`${field}.value`, `${field}.value must be a decimal number like 2.5`)
      else if (value.startsWith("-")) add(`${field}.value`, `${field}.value cannot be negative`)
      else if (oneOf(RULE_METRICS, metric) && INTEGER_METRICS.includes(metric) && value.includes(".")) add(`${field}.value`, `${field}.value must be a whole number for ${metric}`)
      if (oneOf(RULE_METRICS, metric) && oneOf(RULE_OPERATORS, operator) && value !== null) conditions.push({ metric, operator, value })
    })
  }

  const lookback = input.lookback
  if (!oneOf(RULE_LOOKBACKS, lookback)) add("lookback", `lookback must be one of ${RULE_LOOKBACKS.join(", ")}`)

  const minSpend = optionalAmount(input.min_spend, "min_spend", add, null)
  let minImpressions: number | null = null
  if (input.min_impressions !== undefined && input.min_impressions !== null) {
    if (typeof input.min_impressions !== "number" || !Number.isSafeInteger(input.min_impressions) || input.min_impressions < 0) {
      add("min_impressions", "min_impressions must be a whole number of impressions, 0 or more")
    } else {
      minImpressions = input.min_impressions
    }
  }

  const action = validateAction(input.action, scope, add, budgetDecimals, currency)
  const budgetCeiling = optionalAmount(input.budget_ceiling, "budget_ceiling", add, budgetDecimals, currency)
  if (budgetCeiling !== null && budgetCeiling === "0") add("budget_ceiling", "budget_ceiling must be greater than 0")
  if (budgetCeiling !== null && action && !BUDGET_ACTIONS.includes(action.type)) add("budget_ceiling", "budget_ceiling only applies to budget actions")

  const cooldown = input.cooldown_minutes
  if (typeof cooldown !== "number" || !Number.isSafeInteger(cooldown) || cooldown < 0 || cooldown > MAX_COOLDOWN_MINUTES) {
    add("cooldown_minutes", `cooldown_minutes must be a whole number from 0 to ${MAX_COOLDOWN_MINUTES}`)
  }
  const maxChanges = input.max_changes_per_day
  if (typeof maxChanges !== "number" || !Number.isSafeInteger(maxChanges) || maxChanges < 1 || maxChanges > MAX_CHANGES_PER_DAY) {
    add("max_changes_per_day", `max_changes_per_day must be a whole number from 1 to ${MAX_CHANGES_PER_DAY}`)
  }

  const activeHours = validateActiveHours(input.active_hours, add)

  if (typeof input.dry_run !== "boolean") add("dry_run", "dry_run must be true or false")
  const resume = input.resume_when_clear
  if (resume !== undefined && resume !== null && typeof resume !== "boolean") add("resume_when_clear", "resume_when_clear must be true or false")
  if (resume === true && action && action.type !== "pause") add("resume_when_clear", 'resume_when_clear only works with the action "pause"')

  if (scope === "campaign" && conditions.some((condition) => condition.metric === "stock")) {
    add("conditions", "stock conditions apply to ads and ad sets, whose advertised products are known")
  }

  if (errors.length > 0) return { ok: false, errors }
  const rule: AdRule = {
    id,
    scope: scope as RuleScope,
    object_ids: objectIds,
    conditions,
    lookback: lookback as RuleLookback,
    min_spend: minSpend,
    min_impressions: minImpressions,
    action: action as RuleAction,
    budget_ceiling: budgetCeiling,
    cooldown_minutes: cooldown as number,
    max_changes_per_day: maxChanges as number,
    active_hours: activeHours,
    dry_run: input.dry_run as boolean,
    resume_when_clear: resume === true,
  }
  return { ok: true, rule }
}

function optionalAmount(
  value: unknown,
  field: string,
  add: (field: string, message: string) => void,
  budgetDecimals: 0 | 2 | null,
  currency?: string | null,
): string | null {
  if (value === undefined || value === null || value === "") return null
  const text = decimalText(value)
  if (text === null) {
    add(field, `${field} must be a decimal number like 12.34`)
    return null
  }
  if (text.startsWith("-")) {
    add(field, `${field} cannot be negative`)
    return null
  }
  if (budgetDecimals !== null && decimalsOf(text) > budgetDecimals) {
    add(field, budgetDecimals === 0 ? `${field} must be a whole number of ${currency}` : `${field} can have at most 2 decimals in ${currency}`)
    return null
  }
  return text
}

function decimalsOf(text: string): number {
  const decimal = tryParseDecimal(text)
  return decimal ? normalizeDecimal(decimal).scale : 0
}

function validateAction(
  input: unknown,
  scope: unknown,
  add: (field: string, message: string) => void,
  budgetDecimals: 0 | 2 | null,
  currency: string | null,
): RuleAction | null {
  if (!isRecord(input)) {
    add("action", "action must be an object with a type")
    return null
  }
  const type = input.type
  if (!oneOf(RULE_ACTION_TYPES, type)) {
    add("action.type", `action.type must be one of ${RULE_ACTION_TYPES.join(", ")}`)
    return null
  }
  const raw = input.value
  const hasValue = raw !== undefined && raw !== null && raw !== ""
  let value: string | null = null
  if (type === "raise_budget_pct" || type === "lower_budget_pct") {
    const text = hasValue ? decimalText(raw) : null
    if (text === null) add("action.value", "action.value must be a percentage like 20")
    else if (text.startsWith("-") || text === "0") add("action.value", "action.value must be greater than 0")
    else if (decimalsOf(text) > 2) add("action.value", "action.value can have at most 2 decimals")
    else if (type === "raise_budget_pct" && compareDecimals(text, MAX_RAISE_PERCENT) > 0) add("action.value", `a raise can be at most ${MAX_RAISE_PERCENT} % at a time`)
    else if (type === "lower_budget_pct" && compareDecimals(text, "100") >= 0) add("action.value", "a budget can be lowered by less than 100 %; pause the object instead")
    else value = text
  } else if (type === "set_budget") {
    value = hasValue ? optionalAmount(raw, "action.value", add, budgetDecimals, currency) : null
    if (!hasValue) add("action.value", "action.value must be the new daily budget, like 50.00")
    else if (value === "0") {
      add("action.value", "action.value must be greater than 0")
      value = null
    }
  } else if (hasValue) {
    add("action.value", `action.value is not used by ${type}`)
  }
  if (BUDGET_ACTIONS.includes(type) && scope === "ad") add("action.type", "ads have no budget: use scope ad_set or campaign for budget actions")
  if (type === "duplicate_ad_set" && scope !== "ad_set") add("action.type", "duplicate_ad_set needs scope ad_set")
  return { type, value }
}

function validateActiveHours(input: unknown, add: (field: string, message: string) => void): ActiveHours | null {
  if (input === undefined || input === null) return null
  if (!isRecord(input)) {
    add("active_hours", "active_hours must be an object with from and to")
    return null
  }
  const from = parseClock(input.from)
  const to = parseClock(input.to, true)
  if (from === null) add("active_hours.from", 'active_hours.from must be a time like "09:00"')
  if (to === null) add("active_hours.to", 'active_hours.to must be a time like "18:00" (or "24:00")')
  if (from !== null && to !== null && from === to % (24 * 60) && !(from === 0 && to === 24 * 60)) {
    add("active_hours.to", 'active_hours.to must differ from from; use "00:00" to "24:00" for the whole day')
  }
  let weekdays: number[] | null = null
  if (input.weekdays !== undefined && input.weekdays !== null) {
    if (!Array.isArray(input.weekdays) || input.weekdays.length === 0) {
      add("active_hours.weekdays", "active_hours.weekdays must list at least one day (0 = Sunday … 6 = Saturday)")
    } else if (input.weekdays.some((day) => typeof day !== "number" || !Number.isInteger(day) || day < 0 || day > 6)) {
      add("active_hours.weekdays", "active_hours.weekdays must be days 0 (Sunday) to 6 (Saturday)")
    } else {
      weekdays = [...new Set(input.weekdays as number[])].sort((a, b) => a - b)
    }
  }
  if (from === null || to === null) return null
  return { from: input.from as string, to: input.to as string, weekdays }
}

/** Money metrics are in the account currency's main unit (used for messages). */
export function isMoneyMetric(metric: RuleMetric): boolean {
  return MONEY_METRICS.includes(metric)
}
