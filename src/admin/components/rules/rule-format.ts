import { formatMetaAmount, isMetaCurrency, metaBudgetDecimals } from "../../../lib/ads/currency-offset"
// The evaluator's own lists and types: the editor's pickers and labels cannot drift from what it reads.
import {
  RULE_ACTION_TYPES,
  RULE_METRICS,
  type RuleActionType,
  type RuleLookback,
  type RuleMetric,
  type RuleOperator,
  type RuleScope,
} from "../../../lib/ads/rule-definition"
import type { MetaAdRule, MetaAdRuleDefinition, MetaAdRuleDraftDecision } from "../../../types/http/ads"

/**
 * Wording and form plumbing of the rule editor and the decisions log: what a rule does in one sentence, the
 * unit of each metric, the editor's text fields to and from the routes' body, and the routes' 400 messages
 * spread onto the fields they name. Framework-free so it can be tested.
 */


// ── Metrics and their units ──────────────────────────────────────────────────────────────────────────

export type MetricUnit = "money" | "percent" | "ratio" | "number"

export const METRIC_INFO: Record<RuleMetric, { label: string; unit: MetricUnit; hint?: string }> = {
  cpm: { label: "CPM", unit: "money", hint: "cost per 1,000 impressions" },
  cpc: { label: "CPC", unit: "money", hint: "cost per click" },
  ctr: { label: "CTR", unit: "percent", hint: "clicks per impression, in %" },
  roas: { label: "ROAS", unit: "ratio", hint: "purchase value per unit spent, as Meta reports it" },
  spend: { label: "spend", unit: "money" },
  cost_per_purchase: { label: "cost per purchase", unit: "money" },
  frequency: { label: "frequency", unit: "number", hint: "impressions per person reached" },
  impressions: { label: "impressions", unit: "number" },
  store_revenue: { label: "store revenue", unit: "money", hint: "from the store's orders attributed to the ad" },
  store_roas: { label: "store ROAS", unit: "ratio", hint: "store revenue per unit spent" },
  stock: { label: "products in stock", unit: "number", hint: "how many of the advertised products are in stock" },
}

const isRuleMetric = (metric: string): metric is RuleMetric => (RULE_METRICS as readonly string[]).includes(metric)

export const metricLabel = (metric: string) => (isRuleMetric(metric) ? METRIC_INFO[metric].label : metric.replace(/_/g, " "))

export const metricUnit = (metric: string): MetricUnit => (isRuleMetric(metric) ? METRIC_INFO[metric].unit : "number")

/** What goes after the value typed for a metric: the account currency, "%", "×", or nothing. */
export const metricUnitSuffix = (metric: string, currency: string) => {
  const unit = metricUnit(metric)
  return unit === "money" ? currency : unit === "percent" ? "%" : unit === "ratio" ? "×" : ""
}

/** "12.00 USD" (padded to the currency's budget decimals, never cut), "1.5 %", "2×", "1000". */
export const formatRuleAmount = (value: string, unit: MetricUnit, currency: string) => {
  const text = value.trim()
  if (unit === "money") return `${padMoney(text, currency)} ${currency}`
  if (unit === "percent") return `${text} %`
  if (unit === "ratio") return `${text}×`
  return text
}

/** A metric's value with its unit, for a sentence or a decision's numbers. */
export const formatMetricValue = (metric: string, value: string, currency: string) =>
  formatRuleAmount(value, metricUnit(metric), currency)

const padMoney = (text: string, currency: string) => {
  const decimals = isMetaCurrency(currency) ? metaBudgetDecimals(currency) : 2
  if (!/^\d+(\.\d+)?$/.test(text) || decimals === 0) return text
  const [whole, fraction = ""] = text.split(".")
  return fraction.length >= decimals ? text : `${whole}.${fraction.padEnd(decimals, "0")}`
}

// ── Options of the editor ───────────────────────────────────────────────────────────────────────────

export const OPERATOR_WORDS: Record<RuleOperator, string> = {
  gt: "above",
  gte: "at least",
  lt: "below",
  lte: "at most",
  eq: "exactly",
}

export const OPERATOR_SIGN: Record<RuleOperator, string> = { gt: ">", gte: "≥", lt: "<", lte: "≤", eq: "=" }

export const LOOKBACK_LABEL: Record<RuleLookback, string> = {
  today: "Today",
  last_3d: "Last 3 days",
  last_7d: "Last 7 days",
  last_30d: "Last 30 days",
}

const LOOKBACK_PERIOD: Record<RuleLookback, string> = {
  today: "today",
  last_3d: "over the last 3 days",
  last_7d: "over the last 7 days",
  last_30d: "over the last 30 days",
}

export const SCOPE_LABEL: Record<RuleScope, string> = {
  ad: "Ads",
  ad_set: "Ad sets",
  campaign: "Campaigns",
  account: "Everything in the account",
}

const SCOPE_NOUN: Record<RuleScope, string> = {
  ad: "ads",
  ad_set: "ad sets",
  campaign: "campaigns",
  account: "campaigns, ad sets and ads",
}

export const ACTION_LABEL: Record<RuleActionType, string> = {
  pause: "Pause",
  activate: "Activate",
  raise_budget_pct: "Raise the daily budget by a percentage",
  lower_budget_pct: "Lower the daily budget by a percentage",
  set_budget: "Set the daily budget",
  duplicate_ad_set: "Duplicate the ad set (paused copy)",
}

/** The unit of the action's value; null when the action takes none. */
export const actionValueUnit = (type: RuleActionType): MetricUnit | null =>
  type === "raise_budget_pct" || type === "lower_budget_pct" ? "percent" : type === "set_budget" ? "money" : null

export const WEEKDAY_LABEL = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

// ── The rule in words ────────────────────────────────────────────────────────────────────────────────

type Describable = Pick<MetaAdRuleDefinition, "scope" | "object_ids" | "conditions" | "lookback" | "action" | "resume_when_clear">

const objectsOf = (rule: Pick<MetaAdRuleDefinition, "scope" | "object_ids">) => {
  const noun = SCOPE_NOUN[rule.scope]
  if (rule.object_ids === "all") return noun
  return `${rule.object_ids.length} chosen ${rule.object_ids.length === 1 ? noun.replace(/s$/, "") : noun}`
}

const actionPhrase = (rule: Describable, currency: string) => {
  const objects = objectsOf(rule)
  const value = rule.action.value ?? ""
  switch (rule.action.type) {
    case "pause":
      return `Pause ${objects}`
    case "activate":
      return `Activate ${objects}`
    case "raise_budget_pct":
      return `Raise the daily budget of ${objects} by ${formatRuleAmount(value, "percent", currency)}`
    case "lower_budget_pct":
      return `Lower the daily budget of ${objects} by ${formatRuleAmount(value, "percent", currency)}`
    case "set_budget":
      return `Set the daily budget of ${objects} to ${formatRuleAmount(value, "money", currency)}`
    case "duplicate_ad_set":
      return `Duplicate ${objects === "ad sets" ? "ad sets" : `the ad sets of ${objects}`}`
  }
}

const conditionPhrase = (condition: MetaAdRuleDefinition["conditions"][number], period: string | null, currency: string) => {
  // "stock = 0" is the out-of-stock template; "0 products in stock is exactly 0" would read badly.
  if (condition.metric === "stock" && condition.operator === "eq" && condition.value.trim() === "0") {
    return "none of their products is in stock"
  }
  const when = period ? ` ${period}` : ""
  return `${metricLabel(condition.metric)}${when} is ${OPERATOR_WORDS[condition.operator]} ${formatMetricValue(condition.metric, condition.value, currency)}`
}

/** "Pause ads when CPM over the last 3 days is above 12.00 USD": the period is said once, after the first figure. */
export const describeRule = (rule: Describable, currency: string) => {
  const action = actionPhrase(rule, currency)
  if (rule.conditions.length === 0) return `${action} (no conditions yet)`
  const period = LOOKBACK_PERIOD[rule.lookback]
  const conditions = rule.conditions.map((c, index) => conditionPhrase(c, index === 0 ? period : null, currency)).join(" and ")
  const resume = rule.resume_when_clear && rule.action.type === "pause" ? ", and activate them again when that no longer holds" : ""
  return `${action} when ${conditions}${resume}`
}

// ── The routes' 400 messages, on the fields they name ────────────────────────────────────────────────

export const FORM_ERROR = "_form"

/** "conditions, 0, metric" (Medusa's zod paths) → "conditions[0].metric" (the rule validator's names). */
const dottedPath = (zodPath: string) =>
  zodPath
    .split(", ")
    .map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join("")

/**
 * Spreads a 400's message over the fields it names. The rules' validator says "field: message; field: message";
 * the routes' schemas say "Invalid request: daily_budget must be …" or "… for field 'duration_days' …". A part
 * that names no known field lands on FORM_ERROR. Several messages for one field are joined.
 */
export const parseFieldErrors = (message: string, knownFields: readonly string[] = []): Record<string, string> => {
  const errors: Record<string, string> = {}
  const add = (field: string, text: string) => {
    errors[field] = errors[field] ? `${errors[field]}; ${text}` : text
  }
  const body = message.replace(/^Invalid request:\s*/, "").trim()
  if (!body) return errors
  // Longest first, so "audience.age_max" wins over "audience".
  const known = [...knownFields].sort((a, b) => b.length - a.length)
  for (const raw of body.split(/;\s+/)) {
    const part = raw.trim()
    if (!part) continue
    const labelled = /^([A-Za-z_][\w]*(?:\[\d+\]|\.[A-Za-z_]\w*)*): (.+)$/.exec(part)
    if (labelled) {
      add(labelled[1], labelled[2])
      continue
    }
    const zodField = /(?:for field|^Field) '([^']+)'/.exec(part)
    if (zodField) {
      add(dottedPath(zodField[1]), part)
      continue
    }
    const named = known.find((field) => part === field || part.startsWith(`${field} `))
    add(named ?? FORM_ERROR, part)
  }
  return errors
}

// ── The editor's form ───────────────────────────────────────────────────────────────────────────────

export type ConditionRow = { metric: string; operator: RuleOperator; value: string }

/** Every field as typed (text), so a refused save keeps exactly what the merchant entered. */
export type RuleForm = {
  name: string
  template: string | null
  values: Record<string, string>
  scope: RuleScope
  /** Meta ids, one per line or comma-separated; empty = all objects of the scope. */
  objectIds: string
  conditions: ConditionRow[]
  lookback: RuleLookback
  minSpend: string
  minImpressions: string
  actionType: RuleActionType
  actionValue: string
  budgetCeiling: string
  cooldownMinutes: string
  maxChangesPerDay: string
  activeHours: boolean
  activeFrom: string
  activeTo: string
  /** 0 = Sunday … 6 = Saturday; empty = every day. */
  weekdays: number[]
  dryRun: boolean
  resumeWhenClear: boolean
}

export const blankRuleForm = (): RuleForm => ({
  name: "",
  template: null,
  values: {},
  scope: "ad",
  objectIds: "",
  conditions: [{ metric: "cpm", operator: "gt", value: "" }],
  lookback: "last_3d",
  minSpend: "",
  minImpressions: "",
  actionType: "pause",
  actionValue: "",
  budgetCeiling: "",
  cooldownMinutes: "60",
  maxChangesPerDay: "1",
  activeHours: false,
  activeFrom: "08:00",
  activeTo: "22:00",
  weekdays: [],
  // New rules start in dry run: the first evaluations show what they would do and write nothing to Meta.
  dryRun: true,
  resumeWhenClear: false,
})

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value))

/** The form filled from a stored rule, or from a definition a template built. */
export const ruleFormFromDefinition = (
  definition: Partial<MetaAdRuleDefinition>,
  extra: Pick<RuleForm, "name" | "template"> & { values?: Record<string, string> }
): RuleForm => {
  const blank = blankRuleForm()
  return {
    ...blank,
    name: extra.name,
    template: extra.template,
    values: extra.values ?? {},
    scope: definition.scope ?? blank.scope,
    objectIds: Array.isArray(definition.object_ids) ? definition.object_ids.join("\n") : "",
    conditions: definition.conditions ? definition.conditions.map((c) => ({ ...c, value: text(c.value) })) : blank.conditions,
    lookback: definition.lookback ?? blank.lookback,
    minSpend: text(definition.min_spend),
    minImpressions: text(definition.min_impressions),
    actionType: definition.action?.type ?? blank.actionType,
    actionValue: text(definition.action?.value),
    budgetCeiling: text(definition.budget_ceiling),
    cooldownMinutes: text(definition.cooldown_minutes ?? Number(blank.cooldownMinutes)),
    maxChangesPerDay: text(definition.max_changes_per_day ?? Number(blank.maxChangesPerDay)),
    activeHours: !!definition.active_hours,
    activeFrom: definition.active_hours?.from ?? blank.activeFrom,
    activeTo: definition.active_hours?.to ?? blank.activeTo,
    weekdays: definition.active_hours?.weekdays ?? [],
    dryRun: definition.dry_run ?? true,
    resumeWhenClear: !!definition.resume_when_clear,
  }
}

export const ruleFormFromRule = (rule: MetaAdRule): RuleForm =>
  ruleFormFromDefinition(rule, { name: rule.name, template: rule.template })

/** A whole number as a number; anything else as typed, so the route's message names the field. */
const integerOrText = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : value.trim())
const optionalText = (value: string) => (value.trim() ? value.trim() : null)

export const parseObjectIds = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter(Boolean)

/** The body of `POST /admin/meta/rules` (and of a full edit): every definition field, from what was typed. */
export const ruleBodyFromForm = (form: RuleForm) => {
  const ids = parseObjectIds(form.objectIds)
  const valueUnit = actionValueUnit(form.actionType)
  return {
    name: form.name.trim(),
    ...(form.template ? { template: form.template, values: form.values } : {}),
    scope: form.scope,
    object_ids: ids.length ? ids : ("all" as const),
    conditions: form.conditions.map((c) => ({ metric: c.metric, operator: c.operator, value: c.value.trim() })),
    lookback: form.lookback,
    min_spend: optionalText(form.minSpend),
    min_impressions: form.minImpressions.trim() ? integerOrText(form.minImpressions) : null,
    action: { type: form.actionType, value: valueUnit ? form.actionValue.trim() : null },
    budget_ceiling: optionalText(form.budgetCeiling),
    cooldown_minutes: integerOrText(form.cooldownMinutes),
    max_changes_per_day: integerOrText(form.maxChangesPerDay),
    active_hours: form.activeHours
      ? { from: form.activeFrom, to: form.activeTo, weekdays: form.weekdays.length ? [...form.weekdays].sort((a, b) => a - b) : null }
      : null,
    dry_run: form.dryRun,
    resume_when_clear: form.actionType === "pause" ? form.resumeWhenClear : false,
  }
}

/** The fields a rule's 400 may name, for parseFieldErrors. */
export const RULE_FIELDS = [
  "name",
  "template",
  "values",
  "scope",
  "object_ids",
  "conditions",
  "lookback",
  "min_spend",
  "min_impressions",
  "action",
  "action.type",
  "action.value",
  "budget_ceiling",
  "cooldown_minutes",
  "max_changes_per_day",
  "active_hours",
  "active_hours.from",
  "active_hours.to",
  "active_hours.weekdays",
  "dry_run",
  "resume_when_clear",
  "currency",
] as const

// ── Decisions ───────────────────────────────────────────────────────────────────────────────────────

const NUMBER_LABEL: Record<string, string> = {
  products: "advertised products",
  account_headroom: "room under the account ceiling",
}

/** A decision's numbers as "CPM 14.20 USD" lines, money in the account currency; "—" for what Meta had not. */
export const decisionNumberLines = (numbers: Record<string, string | null>, currency: string) =>
  Object.entries(numbers).map(([key, value]) => {
    const label = NUMBER_LABEL[key] ?? metricLabel(key)
    const unit: MetricUnit = key === "account_headroom" ? "money" : metricUnit(key)
    return { label, value: value === null ? "—" : formatRuleAmount(value, unit, currency) }
  })

/** A decision's budget is Meta's integer (the per-currency offset, as written to Meta): "5000" USD → "50.00 USD". */
const metaMoney = (value: string | null, currency: string) => {
  if (value === null) return "—"
  try {
    return formatMetaAmount(value, currency)
  } catch {
    return value
  }
}

/** Status and daily budget before → after, only what the decision touches (or would). */
export const decisionChangeLines = (decision: Pick<MetaAdRuleDraftDecision, "before" | "after">, currency: string) => {
  const lines: { label: string; before: string; after: string }[] = []
  const { before, after } = decision
  if (before.status !== after.status) lines.push({ label: "Status", before: before.status ?? "—", after: after.status ?? "—" })
  if (before.daily_budget !== after.daily_budget) {
    lines.push({ label: "Daily budget", before: metaMoney(before.daily_budget, currency), after: metaMoney(after.daily_budget, currency) })
  }
  return lines
}

export type DecisionOutcome = { label: string; color: "green" | "orange" | "grey"; reason: string | null }

/** Acted, or would have acted but for dry run (a preview is always a dry run). */
export const decisionWouldAct = (decision: Pick<MetaAdRuleDraftDecision, "acted" | "skip_code">) =>
  decision.acted || decision.skip_code === "dry_run"

/**
 * What a decision did, as the log and the preview say it. A dry-run decision that would have acted is not
 * "skipped": the evaluator marks it `skip_code: "dry_run"` because nothing was sent, but it is exactly what
 * the rule would do live. A preview is always judged as a dry run.
 */
export const decisionOutcome = (
  decision: Pick<MetaAdRuleDraftDecision, "acted" | "skip_code" | "skipped_reason">,
  preview = false
): DecisionOutcome => {
  if (decision.acted) return { label: "Acted", color: "green", reason: null }
  if (decision.skip_code === "dry_run") return preview ? { label: "Would act", color: "green", reason: null } : { label: "Would act (dry run)", color: "orange", reason: null }
  return { label: preview ? "Would skip" : "Skipped", color: "grey", reason: decision.skipped_reason }
}

export const decisionActionLabel = (action: string) =>
  (RULE_ACTION_TYPES as readonly string[]).includes(action) ? ACTION_LABEL[action as RuleActionType] : action.replace(/_/g, " ")
