/**
 * Decides what one automated rule does right now. Pure: the caller loads the mirror (objects with their
 * insights per lookback, the store's attributed revenue, the stock of advertised products), this rule's past
 * decisions and the account, and gets one decision per object — acted or skipped, with the numbers that drove
 * it, the state before and the ABSOLUTE state after, and the Graph write to send.
 *
 * Guarantees (each has tests):
 * - the account's total daily budget never exceeds its ceiling: raises, activations and active copies share
 *   the headroom left under the ceiling, in the decisions' order; a raise is clipped to what is left, or skipped;
 * - a budget action never takes an object above the rule's budget_ceiling (nor below the account's minimum);
 * - writes are absolute (`daily_budget: "1200"`, `status: "PAUSED"`), so replaying a decision after a lost
 *   response has the same effect once; an object already in the target state gets no write;
 * - cooldown, max changes per calendar day (account time zone) and active hours are honoured;
 * - dry run decides everything the same way but sends nothing (acted = false, write = null);
 * - a rule that pauses with resume_when_clear activates only objects its own last action paused;
 * - an account total or ceiling that cannot be read stops the evaluation (RuleInputError) instead of lifting
 *   the ceiling;
 * - deterministic: objects are decided in id order (an id given twice: the first object wins), and nothing
 *   reads the clock but `now`.
 */
import { accountClock } from "./account-time"
import { formatMetaAmount, metaCurrencyOffset, normalizeCurrency, parseMetaUnits, toMetaBudget } from "./currency-offset"
import { compareDecimals, type Decimal, divideToDecimal, formatDecimal, lowerBudgetByPercent, raiseBudgetByPercent, tryParseDecimal } from "./money"
import { METRIC_DECIMALS } from "./ad-metrics"
import {
  type AdRule,
  BUDGET_ACTIONS,
  isMoneyMetric,
  parseClock,
  type RuleActionType,
  type RuleCondition,
  type RuleFieldError,
  type RuleLookback,
  type RuleMetric,
  validateRule,
} from "./rule-definition"

export type RuleObjectLevel = "campaign" | "ad_set" | "ad"

/** Metric values of one lookback window, as deriveAdMetrics / mergeStoreMetrics return them. */
export type RuleMetricSnapshot = Partial<Record<Exclude<RuleMetric, "stock">, string | null>>

export type RuleObject = {
  id: string
  level: RuleObjectLevel
  /** Configured status: ACTIVE, PAUSED, ARCHIVED, DELETED. */
  status: string
  /** Meta units (integer string), when the object carries its own daily budget. */
  daily_budget?: string | null
  lifetime_budget?: string | null
  /** The object's currency when known; it must be the account's. */
  currency?: string | null
  metrics?: Partial<Record<RuleLookback, RuleMetricSnapshot | null>> | null
  /**
   * Revenue of the store's orders attributed to the object, account currency, main unit. Null while the store
   * has never attributed an order to a Meta ad (no storefront helper): store revenue is then unknown, not 0.
   */
  store_metrics?: Partial<Record<RuleLookback, { revenue: string } | null>> | null
  /** The products the object advertises (ad: its creative's products; ad set: its product set). */
  products?: { product_id: string; in_stock: boolean }[] | null
}

export type RuleHistoryEntry = {
  /** When set and not this rule's id, the entry is ignored: every guard counts this rule's own decisions. */
  rule_id?: string | null
  object_id: string
  acted_at: Date | string | number
  action: RuleActionType
  /** Skipped and dry-run decisions (acted = false) count for nothing. */
  acted?: boolean
}

export type RuleAccount = {
  currency: string
  /** IANA zone of the ad account (`timezone_name`). */
  timezone: string
  /** Meta units; the sum of active daily budgets may never go above it. */
  daily_budget_ceiling?: string | null
  /** Meta units: the sum of the daily budgets of active objects now. */
  total_daily_budget: string
  /** Meta units: the lowest daily budget a lowering may reach (the account's minimum_budgets). */
  min_daily_budget?: string | null
}

export type RuleEvaluationContext = {
  objects: readonly RuleObject[]
  history: readonly RuleHistoryEntry[]
  account: RuleAccount
  now: Date
}

export type RuleSkipCode =
  | "not_found"
  | "archived"
  | "currency_mismatch"
  | "not_applicable"
  | "missing_data"
  | "min_spend"
  | "min_impressions"
  | "conditions_not_met"
  | "already_in_state"
  | "outside_active_hours"
  | "cooldown"
  | "max_changes_per_day"
  | "object_ceiling"
  | "account_ceiling"
  | "budget_minimum"
  | "no_change"
  | "dry_run"

export type ObjectState = { status: string | null; daily_budget: string | null }

/** One Graph call: POST `path` (relative to the version root) with form `params`. */
export type GraphWrite = { method: "POST"; path: string; params: Record<string, string> }

export type RuleDecision = {
  rule_id: string
  object_id: string
  level: RuleObjectLevel | null
  /** True only when `write` must be sent to Meta. */
  acted: boolean
  /** What the decision does (a resume of a pause rule is "activate"). */
  action: RuleActionType
  skip_code?: RuleSkipCode
  skipped_reason?: string
  /** Clipping or other detail of an acted (or dry-run) decision. */
  note?: string
  lookback: RuleLookback
  /** Metric values that drove the decision, canonical decimal strings (null = unknown). */
  numbers: Record<string, string | null>
  before: ObjectState
  /** Absolute target state (equal to before when nothing changes). */
  after: ObjectState
  write: GraphWrite | null
  currency: string
  dry_run: boolean
}

export class RuleInputError extends Error {
  readonly errors: RuleFieldError[]
  constructor(errors: RuleFieldError[]) {
    super(`invalid rule: ${errors.map((error) => `${error.field}: ${error.message}`).join("; ")}`)
    this.name = "RuleInputError"
    this.errors = errors
  }
}

const OPERATOR_TEXT: Record<RuleCondition["operator"], string> = { gt: ">", gte: "≥", lt: "<", lte: "≤", eq: "=" }
const WEEKDAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
const MINUTE_MS = 60_000

/**
 * Meta object ids are digit strings of varying length: shorter ones sort first, then by digits; anything else
 * sorts after them by code unit. Locale-independent.
 */
/** All ASCII digits (a loop: the sort of 10,000 ids compares ~140,000 pairs per rule). */
function isDigits(text: string): boolean {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }
  return true
}

export function compareObjectIds(a: string, b: string): number {
  const aDigits = isDigits(a)
  const bDigits = isDigits(b)
  if (aDigits && bDigits && a.length !== b.length) return a.length - b.length
  if (aDigits !== bDigits) return aDigits ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

function levelsOf(scope: AdRule["scope"]): RuleObjectLevel[] {
  return scope === "account" ? ["campaign", "ad_set", "ad"] : [scope]
}

function toMs(value: Date | string | number): number | null {
  const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value)
  return Number.isFinite(ms) ? ms : null
}

function canonical(value: unknown): string | null {
  if (value === undefined || value === null) return null
  if (typeof value === "string") {
    // Every rule of an evaluation reads the same figures: each text is made canonical once.
    const known = CANONICAL.get(value)
    if (known !== undefined) return known
  }
  const decimal = typeof value === "string" || typeof value === "number" ? tryParseDecimal(value) : undefined
  const text = decimal ? formatDecimal(decimal) : null
  if (typeof value === "string" && value.length <= 48) {
    if (CANONICAL.size >= 100_000) CANONICAL.clear()
    CANONICAL.set(value, text)
  }
  return text
}

const CANONICAL = new Map<string, string | null>()

function metaUnitsOrNull(value: unknown): bigint | null {
  if (value === undefined || value === null || value === "") return null
  try {
    return parseMetaUnits(value)
  } catch {
    return null
  }
}

function accountUnits(value: unknown, field: string, required: boolean): bigint | null {
  if (value === undefined || value === null || value === "") {
    if (required) throw new RuleInputError([{ field, message: `${field} is required when a daily budget ceiling is set` }])
    return null
  }
  const units = metaUnitsOrNull(value)
  if (units === null) throw new RuleInputError([{ field, message: `${field} must be a whole number of Meta units` }])
  return units
}

function matches(actual: string, condition: RuleCondition): boolean {
  const order = compareDecimals(actual, condition.value)
  switch (condition.operator) {
    case "gt":
      return order > 0
    case "gte":
      return order >= 0
    case "lt":
      return order < 0
    case "lte":
      return order <= 0
    case "eq":
      return order === 0
  }
}

type Ledger = { headroom: bigint | null }

/**
 * Evaluates `rule` against the context. Throws RuleInputError for a rule that fails validateRule (with the
 * account's currency) or unreadable account figures, and an AdsValueError for an account whose currency Meta does not list or whose time
 * zone is not an IANA name. Decisions come out in object-id order; ids the rule lists that the mirror does
 * not have are decided too ("not_found").
 */
export function evaluateRule(rule: AdRule, context: RuleEvaluationContext): RuleDecision[] {
  const { account } = context
  const currency = normalizeCurrency(account.currency)
  metaCurrencyOffset(currency)
  const validation = validateRule(rule, { currency })
  if (!validation.ok) throw new RuleInputError(validation.errors)
  const valid = validation.rule
  const nowMs = toMs(context.now)
  if (nowMs === null) throw new RuleInputError([{ field: "now", message: "now must be a valid time" }])
  const clock = accountClock(nowMs, account.timezone)

  // The ceiling is a guarantee: an account figure that cannot be read stops the evaluation rather than
  // silently lifting the ceiling or counting the account as empty.
  const ceiling = accountUnits(account.daily_budget_ceiling, "account.daily_budget_ceiling", false)
  const total = accountUnits(account.total_daily_budget, "account.total_daily_budget", ceiling !== null)
  accountUnits(account.min_daily_budget, "account.min_daily_budget", false)
  const ledger: Ledger = { headroom: ceiling === null ? null : ceiling - (total ?? 0n) }

  const history = new Map<string, { at: number; action: RuleActionType }[]>()
  for (const entry of context.history) {
    if (entry.acted === false) continue
    if (entry.rule_id !== undefined && entry.rule_id !== null && entry.rule_id !== valid.id) continue
    const at = toMs(entry.acted_at)
    if (at === null) continue
    const list = history.get(entry.object_id) ?? []
    list.push({ at, action: entry.action })
    history.set(entry.object_id, list)
  }
  for (const list of history.values()) list.sort((a, b) => a.at - b.at)

  const levels = levelsOf(valid.scope)
  const listed = valid.object_ids === "all" ? null : new Set(valid.object_ids)
  const byId = new Map<string, RuleObject>()
  for (const object of context.objects) {
    if (!levels.includes(object.level)) continue
    if (listed && !listed.has(object.id)) continue
    if (!byId.has(object.id)) byId.set(object.id, object)
  }
  const ids = new Set(byId.keys())
  if (listed) for (const id of listed) ids.add(id)

  const evaluation: Evaluation = { rule: valid, currency, nowMs, clock, timezone: account.timezone, ledger, history, account }
  return [...ids].sort(compareObjectIds).map((id) => decide(evaluation, id, byId.get(id) ?? null))
}

type Evaluation = {
  rule: AdRule
  currency: string
  nowMs: number
  clock: ReturnType<typeof accountClock>
  timezone: string
  ledger: Ledger
  history: Map<string, { at: number; action: RuleActionType }[]>
  account: RuleAccount
}

function decide(evaluation: Evaluation, id: string, object: RuleObject | null): RuleDecision {
  const { rule, currency } = evaluation
  const status = object ? String(object.status ?? "").toUpperCase() : null
  const dailyBudget = object ? metaUnitsOrNull(object.daily_budget) : null
  const before: ObjectState = { status, daily_budget: dailyBudget === null ? null : dailyBudget.toString() }
  const decision: RuleDecision = {
    rule_id: rule.id,
    object_id: id,
    level: object?.level ?? null,
    acted: false,
    action: rule.action.type,
    lookback: rule.lookback,
    numbers: {},
    before,
    after: { ...before },
    write: null,
    currency,
    dry_run: rule.dry_run,
  }
  const skip = (code: RuleSkipCode, reason: string): RuleDecision => {
    decision.skip_code = code
    decision.skipped_reason = reason
    decision.after = { ...before }
    decision.write = null
    return decision
  }

  if (!object) return skip("not_found", `${id} is not in the mirror (deleted, or not synced yet)`)
  const label = object.level.replace("_", " ")
  if (status === "ARCHIVED" || status === "DELETED") return skip("archived", `the ${label} is ${status!.toLowerCase()}`)
  if (object.currency && normalizeCurrency(object.currency) !== currency) {
    return skip("currency_mismatch", `the ${label} is in ${normalizeCurrency(object.currency)}, the ad account in ${currency}`)
  }

  if (dailyBudget === null && object.daily_budget !== undefined && object.daily_budget !== null && object.daily_budget !== "") {
    return skip("missing_data", `the mirrored daily budget ${JSON.stringify(String(object.daily_budget))} is not a whole number of Meta units`)
  }
  const type = rule.action.type
  if (BUDGET_ACTIONS.includes(type)) {
    if (object.level === "ad") return skip("not_applicable", "ads have no budget")
    if (dailyBudget === null) {
      return skip(
        "not_applicable",
        metaUnitsOrNull(object.lifetime_budget) !== null
          ? `the ${label} has a lifetime budget; rules change daily budgets only`
          : `the ${label} has no daily budget of its own`,
      )
    }
  }

  const past = evaluation.history.get(id) ?? []
  const last = past.length > 0 ? past[past.length - 1] : null
  const resumable = rule.resume_when_clear === true && type === "pause" && status === "PAUSED" && last?.action === "pause"

  const snapshot = object.metrics?.[rule.lookback] ?? null
  const value = (metric: RuleMetric): string | null => metricValue(object, metric, rule.lookback, snapshot)

  if (!resumable) {
    if (rule.min_spend !== null && rule.min_spend !== undefined) {
      const spend = value("spend")
      decision.numbers.spend = spend
      if (spend === null) return skip("missing_data", `no spend reported for ${rule.lookback}`)
      if (compareDecimals(spend, rule.min_spend) < 0) {
        return skip("min_spend", `spent ${spend} ${currency} in ${rule.lookback}, below the rule's minimum of ${rule.min_spend} ${currency}`)
      }
    }
    if (rule.min_impressions !== null && rule.min_impressions !== undefined) {
      const impressions = value("impressions")
      decision.numbers.impressions = impressions
      if (impressions === null) return skip("missing_data", `no impressions reported for ${rule.lookback}`)
      if (compareDecimals(impressions, rule.min_impressions) < 0) {
        return skip("min_impressions", `${impressions} impressions in ${rule.lookback}, below the rule's minimum of ${rule.min_impressions}`)
      }
    }
  }

  const failing: string[] = []
  for (const condition of rule.conditions) {
    const actual = value(condition.metric)
    decision.numbers[condition.metric] = actual
    if (actual === null) return skip("missing_data", missingText(condition.metric, rule.lookback, object))
    if (!matches(actual, condition)) failing.push(`${condition.metric} ${withUnit(actual, condition.metric, currency)} is not ${OPERATOR_TEXT[condition.operator]} ${withUnit(condition.value, condition.metric, currency)}`)
  }
  if (hasStockCondition(rule)) decision.numbers.products = String(object.products?.length ?? 0)
  const met = failing.length === 0

  let intended: RuleActionType
  if (resumable) {
    if (met) return skip("already_in_state", "already paused by this rule; the conditions still hold")
    intended = "activate"
    decision.note = `the conditions no longer hold (${failing.join("; ")}); this rule paused it, so it is resumed`
  } else if (!met) {
    return skip("conditions_not_met", `conditions not met: ${failing.join("; ")}`)
  } else {
    intended = type
  }
  decision.action = intended

  if (intended === "pause" && status === "PAUSED") return skip("already_in_state", `the ${label} is already paused`)
  if (intended === "activate" && status === "ACTIVE") return skip("already_in_state", `the ${label} is already active`)

  const outside = outsideActiveHours(evaluation)
  if (outside) return skip("outside_active_hours", outside)
  if (last && rule.cooldown_minutes > 0 && evaluation.nowMs - last.at < rule.cooldown_minutes * MINUTE_MS) {
    const ago = Math.max(0, Math.floor((evaluation.nowMs - last.at) / MINUTE_MS))
    return skip("cooldown", `in cooldown: last change ${ago} minutes ago, the rule waits ${rule.cooldown_minutes} minutes`)
  }
  const today = past.filter((entry) => accountClock(entry.at, evaluation.timezone).date === evaluation.clock.date).length
  if (today >= rule.max_changes_per_day) {
    return skip("max_changes_per_day", `already changed ${today} times today (${evaluation.clock.date}, ${evaluation.timezone}); the rule allows ${rule.max_changes_per_day}`)
  }

  const { ledger } = evaluation
  if (ledger.headroom !== null && (intended === "activate" || BUDGET_ACTIONS.includes(intended) || intended === "duplicate_ad_set")) {
    decision.numbers.account_headroom = formatDecimal(metaToMain(ledger.headroom, currency))
  }

  let consumed = 0n
  switch (intended) {
    case "pause":
      decision.after = { ...before, status: "PAUSED" }
      decision.write = { method: "POST", path: id, params: { status: "PAUSED" } }
      break
    case "activate": {
      if (dailyBudget !== null && ledger.headroom !== null && dailyBudget > ledger.headroom) {
        return skip("account_ceiling", `activating adds ${formatMetaAmount(dailyBudget, currency)} a day; ${ceilingText(evaluation)}`)
      }
      consumed = dailyBudget ?? 0n
      decision.after = { ...before, status: "ACTIVE" }
      decision.write = { method: "POST", path: id, params: { status: "ACTIVE" } }
      break
    }
    case "raise_budget_pct":
    case "lower_budget_pct":
    case "set_budget": {
      const result = budgetTarget(evaluation, intended, dailyBudget!, label)
      if ("skip" in result) return skip(result.skip, result.reason)
      if (result.note) decision.note = result.note
      consumed = result.target > dailyBudget! ? result.target - dailyBudget! : 0n
      decision.after = { ...before, daily_budget: result.target.toString() }
      decision.write = { method: "POST", path: id, params: { daily_budget: result.target.toString() } }
      break
    }
    case "duplicate_ad_set": {
      const active = status === "ACTIVE"
      if (active && dailyBudget !== null && ledger.headroom !== null && dailyBudget > ledger.headroom) {
        return skip("account_ceiling", `an active copy adds ${formatMetaAmount(dailyBudget, currency)} a day; ${ceilingText(evaluation)}`)
      }
      consumed = active ? dailyBudget ?? 0n : 0n
      // Copies are not idempotent by value: the suffix names rule and day so a replay can find an existing
      // copy before posting again. https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/copies/
      decision.write = {
        method: "POST",
        path: `${id}/copies`,
        params: {
          deep_copy: "true",
          status_option: active ? "ACTIVE" : "PAUSED",
          rename_options: JSON.stringify({ rename_strategy: "DEEP_RENAME", rename_suffix: ` (rule ${rule.id} ${evaluation.clock.date})` }),
        },
      }
      break
    }
  }
  if (ledger.headroom !== null) ledger.headroom -= consumed

  if (rule.dry_run) {
    decision.skip_code = "dry_run"
    decision.skipped_reason = "dry run"
    decision.write = null
    return decision
  }
  decision.acted = true
  return decision
}

function hasStockCondition(rule: AdRule): boolean {
  return rule.conditions.some((condition) => condition.metric === "stock")
}

type BudgetResult = { target: bigint; note?: string } | { skip: RuleSkipCode; reason: string }

function budgetTarget(evaluation: Evaluation, type: RuleActionType, current: bigint, label: string): BudgetResult {
  const { rule, currency, ledger, account } = evaluation
  const value = rule.action.value ?? "0"
  let target =
    type === "raise_budget_pct"
      ? BigInt(raiseBudgetByPercent(current, value))
      : type === "lower_budget_pct"
        ? BigInt(lowerBudgetByPercent(current, value))
        : BigInt(toMetaBudget(value, currency))
  const notes: string[] = []

  if (target > current) {
    if (rule.budget_ceiling !== null && rule.budget_ceiling !== undefined) {
      const objectCeiling = BigInt(toMetaBudget(rule.budget_ceiling, currency))
      if (current >= objectCeiling) {
        return { skip: "object_ceiling", reason: `the daily budget ${formatMetaAmount(current, currency)} is already at or above the rule's ceiling of ${formatMetaAmount(objectCeiling, currency)}` }
      }
      if (target > objectCeiling) {
        target = objectCeiling
        notes.push(`clipped to the rule's ceiling of ${formatMetaAmount(objectCeiling, currency)}`)
      }
    }
    if (ledger.headroom !== null) {
      if (ledger.headroom <= 0n) return { skip: "account_ceiling", reason: ceilingText(evaluation) }
      if (target - current > ledger.headroom) {
        target = current + ledger.headroom
        notes.push(`clipped to the account's daily budget ceiling (${formatMetaAmount(ledger.headroom, currency)} was left)`)
      }
    }
  } else if (target < current) {
    const minimum = metaUnitsOrNull(account.min_daily_budget)
    if (minimum !== null) {
      if (current <= minimum) return { skip: "budget_minimum", reason: `the daily budget ${formatMetaAmount(current, currency)} is already at the account's minimum of ${formatMetaAmount(minimum, currency)}` }
      if (target < minimum) {
        target = minimum
        notes.push(`kept at the account's minimum of ${formatMetaAmount(minimum, currency)}`)
      }
    }
  }
  if (target === current) {
    return { skip: "no_change", reason: `the new daily budget of the ${label} equals the current ${formatMetaAmount(current, currency)} after rounding to whole Meta units` }
  }
  return notes.length > 0 ? { target, note: notes.join("; ") } : { target }
}

function ceilingText(evaluation: Evaluation): string {
  const ceiling = metaUnitsOrNull(evaluation.account.daily_budget_ceiling)
  const left = evaluation.ledger.headroom ?? 0n
  const shown = ceiling === null ? "" : ` of ${formatMetaAmount(ceiling, evaluation.currency)}`
  return `the account's daily budget ceiling${shown} leaves ${formatMetaAmount(left > 0n ? left : 0n, evaluation.currency)}`
}

function metaToMain(units: bigint, currency: string): Decimal {
  return { units, scale: metaCurrencyOffset(currency) === 100 ? 2 : 0 }
}

function metricValue(object: RuleObject, metric: RuleMetric, lookback: RuleLookback, snapshot: RuleMetricSnapshot | null): string | null {
  if (metric === "stock") {
    if (!Array.isArray(object.products) || object.products.length === 0) return null
    return String(object.products.filter((product) => product?.in_stock === true).length)
  }
  if (metric === "store_revenue" || metric === "store_roas") {
    const revenue = canonical(snapshot?.store_revenue) ?? canonical(object.store_metrics?.[lookback]?.revenue)
    if (metric === "store_revenue") return revenue
    const reported = canonical(snapshot?.store_roas)
    if (reported !== null) return reported
    const spend = canonical(snapshot?.spend)
    if (revenue === null || spend === null) return null
    const roas = divideToDecimal(tryParseDecimal(revenue)!, tryParseDecimal(spend)!, METRIC_DECIMALS)
    return roas === null ? null : formatDecimal(roas)
  }
  return canonical(snapshot?.[metric])
}

function missingText(metric: RuleMetric, lookback: RuleLookback, object: RuleObject): string {
  if (metric === "stock") return "no advertised products are known for it"
  if ((metric === "store_revenue" || metric === "store_roas") && object.store_metrics === null) {
    return "no order has been attributed to a Meta ad yet (is the storefront helper installed? README: Orders from ads), so store revenue is unknown"
  }
  if (!object.metrics?.[lookback]) return `no insights for ${lookback}`
  return `${metric} is unknown for ${lookback} (nothing to divide by yet)`
}

function withUnit(value: string, metric: RuleMetric, currency: string): string {
  if (isMoneyMetric(metric)) return `${value} ${currency}`
  if (metric === "ctr") return `${value} %`
  return value
}

function outsideActiveHours(evaluation: Evaluation): string | null {
  const hours = evaluation.rule.active_hours
  if (!hours) return null
  const from = parseClock(hours.from)!
  const to = parseClock(hours.to, true)!
  const { minute, weekday } = evaluation.clock
  const days = hours.weekdays && hours.weekdays.length > 0 ? hours.weekdays : null
  const onDay = (day: number) => days === null || days.includes(day)
  let inside: boolean
  if (from < to) inside = onDay(weekday) && minute >= from && minute < to
  else inside = (minute >= from && onDay(weekday)) || (minute < to && onDay((weekday + 6) % 7))
  if (inside) return null
  const dayText = days === null ? "" : ` on ${days.map((day) => WEEKDAY_NAMES[day]).join(", ")}`
  return `outside the rule's active hours ${hours.from}–${hours.to}${dayText} (${evaluation.timezone})`
}
