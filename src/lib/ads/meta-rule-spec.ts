/**
 * Bodies for Meta's own Automated Rules (`POST /act_{id}/adrules_library`,
 * https://developers.facebook.com/docs/marketing-api/ad-rules). The plugin creates them only as a safety net
 * that keeps working while the store is down — "pause the campaign when its spend today exceeds X", "pause
 * when frequency exceeds N" — and refuses locally what Meta refuses, so the merchant reads why at once.
 *
 * Evaluation spec (…/ad-rules/overview/evaluation-spec): filters `{field, value, operator}` are ANDed; an
 * `entity_type` or `id` filter is required; exactly one `time_preset` (operator EQUAL) applies to every insights
 * filter; insights values are in the currency's Meta units ("for USD … a value of 1000 in spent equals
 * $10.00"). Schedule spec (…/guides/scheduled-based-rules): SEMI_HOURLY is the most frequent schedule.
 * Execution spec (…/overview/execution-spec): PAUSE pauses the matching objects.
 */
import { normalizeCurrency, toMetaBudget } from "./currency-offset"
import { AdsValueError, formatDecimal, normalizeDecimal, tryParseDecimal } from "./money"

export type MetaRuleEntityType = "CAMPAIGN" | "ADSET" | "AD"

export type MetaRuleOperator =
  | "GREATER_THAN"
  | "LESS_THAN"
  | "EQUAL"
  | "NOT_EQUAL"
  | "IN_RANGE"
  | "NOT_IN_RANGE"
  | "IN"
  | "NOT_IN"
  | "CONTAIN"
  | "NOT_CONTAIN"
  | "ANY"
  | "ALL"
  | "NONE"

/** Time presets of the evaluation spec; "LAST_N_DAYS" include today, "LAST_ND" do not. */
export const META_RULE_TIME_PRESETS = [
  "LIFETIME",
  "TODAY",
  "YESTERDAY",
  "LAST_2_DAYS",
  "LAST_3_DAYS",
  "LAST_7_DAYS",
  "LAST_14_DAYS",
  "LAST_28_DAYS",
  "LAST_30_DAYS",
  "THIS_MONTH",
  "THIS_WEEK_MON_TODAY",
  "THIS_WEEK_SUN_TODAY",
  "LAST_2D",
  "LAST_3D",
  "LAST_7D",
  "LAST_14D",
  "LAST_28D",
  "LAST_30D",
] as const
export type MetaRuleTimePreset = (typeof META_RULE_TIME_PRESETS)[number]

export type MetaRuleFilterValue = string | number | (string | number)[]

export type MetaRuleFilter = { field: string; value: MetaRuleFilterValue; operator: MetaRuleOperator }

export type MetaRuleExecutionType =
  | "NOTIFICATION"
  | "PAUSE"
  | "UNPAUSE"
  | "CHANGE_BUDGET"
  | "CHANGE_CAMPAIGN_BUDGET"
  | "CHANGE_BID"
  | "ROTATE"
  | "REBALANCE_BUDGET"
  | "PING_ENDPOINT"

export type MetaRuleScheduleSpec =
  | { schedule_type: "DAILY" | "HOURLY" | "SEMI_HOURLY" }
  | { schedule_type: "CUSTOM"; schedule: { start_minute?: number; end_minute?: number; days?: number[] }[] }

export type MetaRuleBody = {
  name: string
  evaluation_spec: { evaluation_type: "SCHEDULE" | "TRIGGER"; filters: MetaRuleFilter[]; trigger?: MetaRuleFilter & { type: string } }
  execution_spec: { execution_type: MetaRuleExecutionType; execution_options?: { field: string; value: unknown; operator: string }[] }
  schedule_spec?: MetaRuleScheduleSpec
  status: "ENABLED" | "DISABLED"
}

/** "There is a limit of 250 rules per ad account" (Meta Business Help 222640851458826). */
export const MAX_META_RULES_PER_AD_ACCOUNT = 250

/** Meta's message for error 2703, from the adrules_library reference's error table. */
export const META_ERROR_2703_MESSAGE = "Rules that turn off ads can't have cost conditions. You need to change the rule's conditions or action."

export class MetaRuleRefusedError extends Error {
  /** Meta's error code when Meta would answer with one (2703), else null. */
  readonly metaCode: number | null
  readonly field: string
  constructor(field: string, message: string, metaCode: number | null = null) {
    super(message)
    this.name = "MetaRuleRefusedError"
    this.field = field
    this.metaCode = metaCode
  }
}

const INSIGHTS_FIELD = /^(impressions|unique_impressions|clicks|unique_clicks|spent|results|reach|frequency|leadgen|link_click|like|post|post_comment|post_engagement|post_like|post_reaction|view_content|video_play|vote|lifetime_impressions|lifetime_spent|today_spent|yesterday_spent|daily_ratio_spent|lifetime_ratio_spent|result_rate|link_ctr|ctr|cp[acmp]|cost_per.*|.*_roas|mobile_app_install|app_custom_event.*|offline_conversion.*|offsite_conversion.*|offsite_engagement)$/

/**
 * Cost conditions Meta refuses on rules that pause ad sets or ads (error 2703): cost per click / mille / action /
 * reach (`cpc`, `cpm`, `cpa`, `cpp`), every `cost_per…` field, and ROAS filters, which a field report saw refused
 * the same way. Spend, frequency, impressions and results are not cost conditions.
 */
export function isCostField(field: string): boolean {
  const base = field.split(":")[0].trim().toLowerCase()
  return /^(cp[acmp]|cost_per.*|.*_roas|roas)$/.test(base)
}

/**
 * Checks a rule body against what Meta refuses and throws MetaRuleRefusedError naming the part at fault:
 * a cost filter on a pausing ADSET/AD rule (2703), no entity_type/id filter, zero or several time_presets with
 * insights filters, a time_preset operator other than EQUAL, a TRIGGER rule with a schedule_spec, a SCHEDULE rule
 * without one, budget/rotate actions on TRIGGER rules, CUSTOM minutes that are not multiples of 30,
 * execution_options operators other than EQUAL.
 */
export function assertMetaAcceptsRule(body: MetaRuleBody): void {
  if (!body.name || !body.name.trim()) throw new MetaRuleRefusedError("name", "the rule needs a name")
  const { filters, evaluation_type: evaluationType } = body.evaluation_spec
  if (evaluationType !== "SCHEDULE" && evaluationType !== "TRIGGER") throw new MetaRuleRefusedError("evaluation_spec.evaluation_type", "evaluation_type must be SCHEDULE or TRIGGER")
  if (!Array.isArray(filters) || filters.length === 0) throw new MetaRuleRefusedError("evaluation_spec.filters", "the rule needs filters")

  const entity = filters.find((filter) => filter.field === "entity_type")
  const ids = filters.find((filter) => filter.field === "id")
  if (!entity && !ids) throw new MetaRuleRefusedError("evaluation_spec.filters", "an entity_type or id filter is required")
  if (entity && (entity.operator !== "EQUAL" || !["CAMPAIGN", "ADSET", "AD"].includes(String(entity.value)))) {
    throw new MetaRuleRefusedError("evaluation_spec.filters.entity_type", "entity_type must be EQUAL to CAMPAIGN, ADSET or AD")
  }

  const presets = filters.filter((filter) => filter.field === "time_preset")
  const insights = filters.filter((filter) => INSIGHTS_FIELD.test(filter.field.split(":")[0]))
  if (presets.length > 1) throw new MetaRuleRefusedError("evaluation_spec.filters.time_preset", "only one time_preset is allowed per rule")
  if (presets.length === 0 && (insights.length > 0 || body.evaluation_spec.trigger)) {
    throw new MetaRuleRefusedError("evaluation_spec.filters.time_preset", "a time_preset is required while an insights filter or trigger is present")
  }
  if (presets.length === 1) {
    const preset = presets[0]
    if (preset.operator !== "EQUAL") throw new MetaRuleRefusedError("evaluation_spec.filters.time_preset", "time_preset only supports the operator EQUAL")
    if (!(META_RULE_TIME_PRESETS as readonly string[]).includes(String(preset.value))) {
      throw new MetaRuleRefusedError("evaluation_spec.filters.time_preset", `${String(preset.value)} is not a rules time_preset`)
    }
  }

  const execution = body.execution_spec.execution_type
  const level = entity ? String(entity.value) : null
  if (execution === "PAUSE" && level !== "CAMPAIGN") {
    const cost = [...filters, ...(body.evaluation_spec.trigger ? [body.evaluation_spec.trigger] : [])].find((filter) => isCostField(filter.field))
    if (cost) {
      throw new MetaRuleRefusedError(
        `evaluation_spec.filters.${cost.field}`,
        `Meta refuses this rule (error 2703: "${META_ERROR_2703_MESSAGE}"): a rule that pauses ${level === "AD" ? "ads" : level === "ADSET" ? "ad sets" : "ads or ad sets"} cannot test ${cost.field}. The plugin evaluates cost rules such as "pause if CPM > X" itself.`,
        2703,
      )
    }
  }

  if (evaluationType === "TRIGGER") {
    if (body.schedule_spec) throw new MetaRuleRefusedError("schedule_spec", "trigger-based rules take no schedule_spec")
    if (!body.evaluation_spec.trigger) throw new MetaRuleRefusedError("evaluation_spec.trigger", "a TRIGGER rule needs a trigger")
    if (["CHANGE_BUDGET", "CHANGE_CAMPAIGN_BUDGET", "CHANGE_BID", "ROTATE", "REBALANCE_BUDGET"].includes(execution)) {
      throw new MetaRuleRefusedError("execution_spec.execution_type", `${execution} is only supported by schedule-based rules`)
    }
  } else {
    if (!body.schedule_spec) throw new MetaRuleRefusedError("schedule_spec", "a schedule-based rule needs a schedule_spec")
    if (body.schedule_spec.schedule_type === "CUSTOM") {
      const entries = body.schedule_spec.schedule
      if (!Array.isArray(entries) || entries.length === 0) throw new MetaRuleRefusedError("schedule_spec.schedule", "a CUSTOM schedule needs at least one entry")
      entries.forEach((entry, index) => {
        if (entry.start_minute === undefined && entry.days === undefined) {
          throw new MetaRuleRefusedError(`schedule_spec.schedule[${index}]`, "each CUSTOM entry needs start_minute or days")
        }
        for (const key of ["start_minute", "end_minute"] as const) {
          const minute = entry[key]
          if (minute !== undefined && (!Number.isInteger(minute) || minute < 0 || minute > 1440 || minute % 30 !== 0)) {
            throw new MetaRuleRefusedError(`schedule_spec.schedule[${index}].${key}`, `${key} must be a multiple of 30 minutes after midnight`)
          }
        }
      })
    }
  }
  for (const option of body.execution_spec.execution_options ?? []) {
    if (option.operator !== "EQUAL") throw new MetaRuleRefusedError(`execution_spec.execution_options.${option.field}`, "execution_options only support the operator EQUAL")
  }
}

export type SafetyNetTarget = {
  entity_type: MetaRuleEntityType
  /** Restrict the rule to these objects (an `id IN` filter); all objects of the level when absent. */
  object_ids?: string[] | null
  name?: string | null
}

function targetFilters(target: SafetyNetTarget): MetaRuleFilter[] {
  const filters: MetaRuleFilter[] = [{ field: "entity_type", value: target.entity_type, operator: "EQUAL" }]
  const ids = (target.object_ids ?? []).map((id) => String(id).trim()).filter(Boolean)
  if (target.object_ids && ids.length === 0) throw new MetaRuleRefusedError("object_ids", "object_ids must list at least one id when given")
  if (ids.some((id) => !/^\d+$/.test(id))) throw new MetaRuleRefusedError("object_ids", "object ids must be Meta ids (digits)")
  if (ids.length > 0) filters.push({ field: "id", value: [...new Set(ids)], operator: "IN" })
  return filters
}

function body(name: string, filters: MetaRuleFilter[]): MetaRuleBody {
  const rule: MetaRuleBody = {
    name,
    evaluation_spec: { evaluation_type: "SCHEDULE", filters },
    execution_spec: { execution_type: "PAUSE" },
    schedule_spec: { schedule_type: "SEMI_HOURLY" },
    status: "ENABLED",
  }
  assertMetaAcceptsRule(rule)
  return rule
}

/** A JSON number that is exactly `integerText` (refused when a double would round it). */
function exactInteger(integerText: string, field: string): number {
  const value = Number(integerText)
  if (!Number.isSafeInteger(value)) throw new MetaRuleRefusedError(field, `${field} is too large for a rule filter`)
  return value
}

/**
 * "Pause when spend in the window exceeds X": X is a main-unit amount in the account currency, sent as Meta
 * units (USD 50 → 5000, COP 200000 → 200000). Default window TODAY (midnight in the account's time zone).
 */
export function buildSpendCapRule(input: SafetyNetTarget & { spend_cap: string | number; currency: string; time_preset?: MetaRuleTimePreset }): MetaRuleBody {
  let units: string
  try {
    units = toMetaBudget(input.spend_cap, input.currency)
  } catch (error) {
    throw new MetaRuleRefusedError("spend_cap", error instanceof AdsValueError ? `spend_cap: ${error.message}` : "spend_cap is not a valid amount")
  }
  if (units === "0") throw new MetaRuleRefusedError("spend_cap", "spend_cap must be greater than 0")
  const preset = input.time_preset ?? "TODAY"
  const currency = normalizeCurrency(input.currency)
  const name = input.name?.trim() || `Medusa safety net: pause ${levelName(input.entity_type)} when spend ${presetName(preset)} exceeds ${formatDecimal(tryParseDecimal(input.spend_cap)!)} ${currency}`
  return body(name, [
    ...targetFilters(input),
    { field: "time_preset", value: preset, operator: "EQUAL" },
    { field: "spent", value: exactInteger(units, "spend_cap"), operator: "GREATER_THAN" },
  ])
}

/**
 * "Pause when frequency in the window exceeds N" (impressions per person reached). Default window LAST_7_DAYS.
 * N is a decimal with at most 2 places ("3", "2.5"), sent as the JSON number it reads as.
 */
export function buildFrequencyCapRule(input: SafetyNetTarget & { max_frequency: string | number; time_preset?: MetaRuleTimePreset }): MetaRuleBody {
  const decimal = tryParseDecimal(input.max_frequency)
  if (!decimal || decimal.units <= 0n) throw new MetaRuleRefusedError("max_frequency", "max_frequency must be a number greater than 0, like 3 or 2.5")
  const normalized = normalizeDecimal(decimal)
  if (normalized.scale > 2) throw new MetaRuleRefusedError("max_frequency", "max_frequency can have at most 2 decimals")
  const text = formatDecimal(normalized)
  const value = Number(text)
  if (!Number.isFinite(value) || value > 1e9) throw new MetaRuleRefusedError("max_frequency", "max_frequency is too large")
  const preset = input.time_preset ?? "LAST_7_DAYS"
  const name = input.name?.trim() || `Medusa safety net: pause ${levelName(input.entity_type)} when frequency ${presetName(preset)} exceeds ${text}`
  return body(name, [
    ...targetFilters(input),
    { field: "time_preset", value: preset, operator: "EQUAL" },
    { field: "frequency", value, operator: "GREATER_THAN" },
  ])
}

/** Form params for `POST /act_{id}/adrules_library`: nested specs as JSON strings, as the Graph API reads them. */
export function toAdRulesLibraryParams(rule: MetaRuleBody): Record<string, string> {
  assertMetaAcceptsRule(rule)
  const params: Record<string, string> = {
    name: rule.name,
    evaluation_spec: JSON.stringify(rule.evaluation_spec),
    execution_spec: JSON.stringify(rule.execution_spec),
    status: rule.status,
  }
  if (rule.schedule_spec) params.schedule_spec = JSON.stringify(rule.schedule_spec)
  return params
}

/** Whether one more rule fits the ad account's limit. */
export function canCreateMetaRule(existingRules: number): boolean {
  return Number.isInteger(existingRules) && existingRules >= 0 && existingRules < MAX_META_RULES_PER_AD_ACCOUNT
}

function levelName(entity: MetaRuleEntityType): string {
  return entity === "CAMPAIGN" ? "campaigns" : entity === "ADSET" ? "ad sets" : "ads"
}

function presetName(preset: MetaRuleTimePreset): string {
  return preset === "TODAY" ? "today" : preset.toLowerCase().replace(/_/g, " ")
}
