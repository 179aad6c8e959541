import { GraphApiError } from "../errors"
import type { AdAccountRecord, World } from "../world"
import type { AdsCall } from "./context"
import { adEffectiveStatus, adSetEffectiveStatus, settle } from "./delivery"
import { badParam, invalid, missingParam } from "./errors"
import { accountToday, adFigures, addFigures, earliestDay, presetRange, type Figures } from "./insights"
import { accountTime, addDays, minimumFor, zoneOffsetMs } from "./money"
import { pageOf, type EdgeSource } from "./paging"
import { booleanParam, enumParam, isValidateOnly, objectParam, text, type Params } from "./params"
import {
  adsOf,
  invalidateRates,
  newAdsId,
  type AccountAds,
  type AdsWorld,
  type RuleHistoryEntry,
  type RuleHistoryResult,
  type RuleRecord,
} from "./store"
import { SUCCESS } from "./write"

/**
 * Meta's automated rules (https://developers.facebook.com/docs/marketing-api/ad-rules, reference:
 * https://developers.facebook.com/docs/marketing-api/reference/ad-account/adrules_library/): an
 * evaluation spec (SCHEDULE or TRIGGER, filters ANDed, one time_preset), an execution spec (PAUSE,
 * UNPAUSE, NOTIFICATION, CHANGE_BUDGET, …; options with operator EQUAL only) and for SCHEDULE rules an
 * optional schedule spec, with the documented refusals — among them error 2703: a rule that turns ads
 * off can't have cost conditions. Enabled rules run on the ads clock (advance()) and write history.
 */

const EVALUATION_TYPES = ["SCHEDULE", "TRIGGER"]
const OPERATORS = ["GREATER_THAN", "LESS_THAN", "EQUAL", "NOT_EQUAL", "IN_RANGE", "NOT_IN_RANGE", "IN", "NOT_IN", "CONTAIN", "NOT_CONTAIN", "ANY", "ALL", "NONE"]
const EXECUTION_TYPES = [
  "NOTIFICATION", "PAUSE", "UNPAUSE", "CHANGE_BUDGET", "CHANGE_CAMPAIGN_BUDGET", "CHANGE_BID", "ROTATE", "REBALANCE_BUDGET", "PING_ENDPOINT", "DCO",
]
/** Execution types that can't run on a trigger (https://developers.facebook.com/docs/marketing-api/ad-rules/overview/execution-spec). */
const SCHEDULE_ONLY_EXECUTIONS = ["CHANGE_BUDGET", "CHANGE_CAMPAIGN_BUDGET", "ROTATE", "REBALANCE_BUDGET"]
const TRIGGER_TYPES = ["METADATA_CREATION", "METADATA_UPDATE", "STATS_MILESTONE", "STATS_CHANGE", "DELIVERY_INSIGHTS_CHANGE"]
const SCHEDULE_TYPES = ["DAILY", "HOURLY", "SEMI_HOURLY", "CUSTOM"]
const TIME_PRESETS = [
  "TODAY", "YESTERDAY", "LAST_2_DAYS", "LAST_3_DAYS", "LAST_5_DAYS", "LAST_7_DAYS", "LAST_14_DAYS", "LAST_28_DAYS", "LAST_30_DAYS",
  "LAST_60_DAYS", "LAST_90_DAYS", "THIS_MONTH", "LAST_MONTH", "THIS_WEEK_MON_TODAY", "THIS_WEEK_SUN_TODAY", "THIS_QUARTER", "THIS_YEAR",
  "LIFETIME", "MAXIMUM",
]
const ENTITY_TYPES = ["AD", "ADSET", "CAMPAIGN"]
/** At most 250 rules per ad account (https://www.facebook.com/business/help/222640851458826). */
export const MAX_RULES_PER_ACCOUNT = 250

type Filter = { field: string; value: unknown; operator: string }

function isCostMetric(field: string): boolean {
  return ["cpm", "cpc", "cpp", "cpa"].includes(field) || field.startsWith("cost_per_")
}

function ruleError(title: string, message: string, field: string) {
  return invalid({ title, message, field })
}

function filtersOf(spec: Record<string, unknown>): Filter[] {
  const filters = spec.filters
  if (!Array.isArray(filters) || filters.length === 0) throw missingParam("evaluation_spec.filters")
  return filters.map((f, index) => {
    const filter = f as Record<string, unknown>
    if (!filter || typeof filter.field !== "string" || typeof filter.operator !== "string" || !("value" in filter)) {
      throw ruleError("Invalid Filter", `evaluation_spec.filters[${index}] needs field, value and operator.`, `evaluation_spec.filters`)
    }
    if (!OPERATORS.includes(filter.operator)) {
      throw badParam("evaluation_spec.filters", `Param evaluation_spec[filters][${index}][operator] must be one of {${OPERATORS.join(", ")}} - got "${filter.operator}"`)
    }
    return { field: filter.field, value: filter.value, operator: filter.operator }
  })
}

/** Every refusal of POST /act_{id}/adrules_library (and of an update of the specs). */
export function validateRuleSpecs(
  evaluation: Record<string, unknown> | undefined,
  execution: Record<string, unknown> | undefined,
  schedule: Record<string, unknown> | undefined
): void {
  if (!evaluation) throw missingParam("evaluation_spec")
  if (!execution) throw missingParam("execution_spec")
  const type = evaluation.evaluation_type
  if (type === undefined) throw missingParam("evaluation_spec.evaluation_type")
  if (!EVALUATION_TYPES.includes(String(type))) {
    throw badParam("evaluation_spec.evaluation_type", `Param evaluation_spec[evaluation_type] must be one of {SCHEDULE, TRIGGER} - got "${String(type)}"`)
  }
  const filters = filtersOf(evaluation)
  const presets = filters.filter((f) => f.field === "time_preset")
  if (presets.length > 1) {
    throw ruleError("Too Many Time Ranges", "A rule can have only one time_preset filter; it applies to all of its metric conditions.", "evaluation_spec.filters")
  }
  for (const preset of presets) {
    if (!TIME_PRESETS.includes(String(preset.value))) {
      throw badParam("evaluation_spec.filters", `time_preset must be one of {${TIME_PRESETS.join(", ")}} - got "${String(preset.value)}"`)
    }
  }
  const entity = filters.find((f) => f.field === "entity_type")
  const entityValue = entity ? String(entity.value) : undefined
  if (entityValue !== undefined && !ENTITY_TYPES.includes(entityValue)) {
    throw badParam("evaluation_spec.filters", `entity_type must be one of {AD, ADSET, CAMPAIGN} - got "${entityValue}"`)
  }
  if (type === "TRIGGER") {
    const trigger = evaluation.trigger as Record<string, unknown> | undefined
    if (!trigger || typeof trigger !== "object") throw missingParam("evaluation_spec.trigger")
    if (!TRIGGER_TYPES.includes(String(trigger.type))) {
      throw badParam("evaluation_spec.trigger", `Param evaluation_spec[trigger][type] must be one of {${TRIGGER_TYPES.join(", ")}} - got "${String(trigger.type)}"`)
    }
    if (schedule) throw ruleError("Schedule Not Allowed", "Trigger-based rules run when their trigger fires: they can't have a schedule_spec.", "schedule_spec")
  }

  const executionType = execution.execution_type
  if (executionType === undefined) throw missingParam("execution_spec.execution_type")
  if (!EXECUTION_TYPES.includes(String(executionType))) {
    throw badParam("execution_spec.execution_type", `Param execution_spec[execution_type] must be one of {${EXECUTION_TYPES.join(", ")}} - got "${String(executionType)}"`)
  }
  if (type === "TRIGGER" && SCHEDULE_ONLY_EXECUTIONS.includes(String(executionType))) {
    throw ruleError("Action Not Available for Trigger Rules", `${String(executionType)} can only run on a schedule, not on a trigger.`, "execution_spec.execution_type")
  }
  const options = execution.execution_options
  if (options !== undefined) {
    if (!Array.isArray(options)) throw badParam("execution_spec.execution_options", "Param execution_spec[execution_options] must be an array")
    options.forEach((option, index) => {
      const entry = option as Record<string, unknown>
      if (entry?.operator !== "EQUAL") {
        throw ruleError("Invalid Execution Option", `execution_options[${index}] (${String(entry?.field)}) must use the operator EQUAL.`, "execution_spec.execution_options")
      }
    })
  }

  if (schedule) {
    const scheduleType = schedule.schedule_type
    if (!SCHEDULE_TYPES.includes(String(scheduleType))) {
      throw badParam("schedule_spec.schedule_type", `Param schedule_spec[schedule_type] must be one of {${SCHEDULE_TYPES.join(", ")}} - got "${String(scheduleType)}"`)
    }
    if (scheduleType === "CUSTOM") {
      const entries = schedule.schedule
      if (!Array.isArray(entries) || entries.length === 0) throw missingParam("schedule_spec.schedule")
      for (const entry of entries as Record<string, unknown>[]) {
        for (const key of ["start_minute", "end_minute"]) {
          const minute = Number(entry?.[key])
          if (entry?.[key] !== undefined && (!Number.isInteger(minute) || minute < 0 || minute > 1440 || minute % 30 !== 0)) {
            throw ruleError("Invalid Schedule", `schedule_spec.schedule ${key} must be a multiple of 30 minutes between 0 and 1440 (got ${String(entry[key])}).`, "schedule_spec.schedule")
          }
        }
      }
    }
  }

  // https://developers.facebook.com/docs/marketing-api/reference/ad-account/adrules_library/ error 2703.
  if (executionType === "PAUSE" && (entityValue === "AD" || entityValue === "ADSET") && filters.some((f) => isCostMetric(f.field))) {
    throw new GraphApiError({
      code: 2703,
      message: "(#2703) Rules that turn off ads can't have cost conditions. You need to change the rule's conditions or action.",
      userTitle: "Rule Can't Have Cost Conditions",
      userMessage: "Rules that turn off ads can't have cost conditions. You need to change the rule's conditions or action.",
    })
  }
}

function specs(call: AdsCall) {
  return {
    evaluation: objectParam(call.params, "evaluation_spec"),
    execution: objectParam(call.params, "execution_spec"),
    schedule: objectParam(call.params, "schedule_spec"),
  }
}

export function createRule(call: AdsCall): Record<string, unknown> {
  const name = text(call.params, "name")
  if (!name) throw missingParam("name")
  const { evaluation, execution, schedule } = specs(call)
  validateRuleSpecs(evaluation, execution, schedule)
  const status = enumParam(call.params, "status", ["ENABLED", "DISABLED"] as const) ?? "ENABLED"
  const live = call.state.ruleIds.filter((id) => call.ads.rules.get(id)?.status !== "DELETED").length
  if (live >= MAX_RULES_PER_ACCOUNT) {
    throw ruleError("Rule Limit Reached", `An ad account can have at most ${MAX_RULES_PER_ACCOUNT} rules. Delete a rule to create a new one.`, "name")
  }
  if (isValidateOnly(call.params)) return SUCCESS
  const caller = call.caller.kind === "token" ? call.world.users[call.caller.token.userId] : undefined
  const rule: RuleRecord = {
    id: newAdsId(call.ads),
    accountId: call.account.id,
    name,
    status,
    evaluationSpec: evaluation as Record<string, unknown>,
    executionSpec: execution as Record<string, unknown>,
    ...(schedule ? { scheduleSpec: schedule } : {}),
    createdAt: call.now,
    updatedAt: call.now,
    createdBy: { id: caller?.id ?? "0", name: caller?.name ?? "" },
    lastRunAt: call.now,
    actedOn: {},
  }
  call.ads.rules.set(rule.id, rule)
  call.state.ruleIds.push(rule.id)
  return { id: rule.id }
}

export function updateRule(call: AdsCall, rule: RuleRecord): Record<string, unknown> {
  if (rule.status === "DELETED") throw ruleError("Rule Deleted", "This rule has been deleted.", "status")
  const next = specs(call)
  const evaluation = next.evaluation ?? rule.evaluationSpec
  const execution = next.execution ?? rule.executionSpec
  const schedule = next.schedule ?? rule.scheduleSpec
  if (next.evaluation || next.execution || next.schedule) validateRuleSpecs(evaluation, execution, schedule)
  const status = enumParam(call.params, "status", ["ENABLED", "DISABLED", "DELETED"] as const)
  const name = text(call.params, "name")
  if (isValidateOnly(call.params)) return SUCCESS
  rule.evaluationSpec = evaluation
  rule.executionSpec = execution
  if (schedule) rule.scheduleSpec = schedule
  if (status) rule.status = status
  if (name) rule.name = name
  rule.updatedAt = call.now
  return SUCCESS
}

export function presentRule(call: Pick<AdsCall, "account" | "now">, rule: RuleRecord): Record<string, unknown> {
  const entity = (rule.evaluationSpec.filters as Filter[] | undefined)?.find((f) => f.field === "entity_type")
  return {
    id: rule.id,
    account_id: rule.accountId.replace(/^act_/, ""),
    name: rule.name,
    status: rule.status,
    evaluation_spec: rule.evaluationSpec,
    execution_spec: rule.executionSpec,
    ...(rule.scheduleSpec ? { schedule_spec: rule.scheduleSpec } : {}),
    created_time: accountTime(call.account.timezoneName, rule.createdAt),
    updated_time: accountTime(call.account.timezoneName, rule.updatedAt),
    created_by: rule.createdBy,
    ...(entity ? { entity_type: String(entity.value) } : {}),
    disable_error_code: 0,
  }
}

// ---- History ------------------------------------------------------------------------------------

function presentHistory(account: AdAccountRecord, entry: RuleHistoryEntry): Record<string, unknown> {
  return {
    timestamp: accountTime(account.timezoneName, entry.at),
    is_manual: entry.isManual,
    evaluation_spec: entry.evaluationSpec,
    execution_spec: entry.executionSpec,
    ...(entry.scheduleSpec ? { schedule_spec: entry.scheduleSpec } : {}),
    results: entry.results,
    ...(entry.exceptionCode !== undefined ? { exception_code: entry.exceptionCode, exception_message: entry.exceptionMessage } : {}),
    rule_id: entry.ruleId,
  }
}

/** GET /{rule_id}/history (or /act_{id}/adrules_history): newest first; filters action, object_id, hide_no_changes. */
export function ruleHistoryPage(call: AdsCall, rule: RuleRecord | undefined, source: EdgeSource) {
  const params: Params = source.kind === "request" ? call.params : source.selection.modifiers
  const action = text(params, "action")
  const objectId = text(params, "object_id")
  const hideNoChanges = booleanParam(params, "hide_no_changes") ?? false
  const entries = call.ads.ruleHistory
    .filter((e) => e.accountId === call.account.id && (rule === undefined || e.ruleId === rule.id))
    .filter((e) => !objectId || e.results.some((r) => r.object_id === objectId))
    .filter((e) => !action || e.results.some((r) => r.actions.some((a) => a.action === action)))
    .filter((e) => !hideNoChanges || e.results.some((r) => r.actions.some((a) => a.old_value !== a.new_value)))
    .map((e, index) => ({ e, key: `${e.at}:${e.ruleId}:${index}` }))
    .reverse()
  return pageOf(call, entries, (x) => x.key, source, (x) => presentHistory(call.account, x.e))
}

// ---- Evaluation ---------------------------------------------------------------------------------

type Entity = { type: "CAMPAIGN" | "ADSET" | "AD"; id: string; name: string; adIds: string[]; effective: string; campaignId?: string; adSetId?: string; updatedAt: number; createdAt: number }

function entitiesOf(ads: AdsWorld, state: AccountAds, type: Entity["type"]): Entity[] {
  if (type === "CAMPAIGN") {
    return state.campaignIds.flatMap((id) => {
      const c = ads.campaigns.get(id)
      if (!c) return []
      const adIds = c.adSetIds.flatMap((s) => ads.adSets.get(s)?.adIds ?? [])
      return [{ type, id, name: c.name, adIds, effective: c.status, updatedAt: c.updatedAt, createdAt: c.createdAt }]
    })
  }
  if (type === "ADSET") {
    return state.adSetIds.flatMap((id) => {
      const s = ads.adSets.get(id)
      return s ? [{ type, id, name: s.name, adIds: s.adIds, effective: adSetEffectiveStatus(ads, s), campaignId: s.campaignId, updatedAt: s.updatedAt, createdAt: s.createdAt }] : []
    })
  }
  return state.adIds.flatMap((id) => {
    const a = ads.ads.get(id)
    return a
      ? [{ type, id, name: a.name, adIds: [id], effective: adEffectiveStatus(ads, a), campaignId: a.campaignId, adSetId: a.adSetId, updatedAt: a.updatedAt, createdAt: a.createdAt }]
      : []
  })
}

/** Rule time presets include today (Ads Manager: "Last 7 days, including today"). */
function ruleRange(preset: string, today: string, earliest: () => string): { since: string; until: string } {
  const lastDays = /^LAST_(\d+)_DAYS$/.exec(preset)
  if (lastDays) return { since: addDays(today, -(Number(lastDays[1]) - 1)), until: today }
  if (preset === "LIFETIME" || preset === "MAXIMUM") return { since: earliest(), until: today }
  return presetRange(preset.toLowerCase(), today, earliest)
}

/** Rule metrics: money in the account currency's offset units (like budgets), rates as numbers. */
function metric(figures: Figures, field: string): number | undefined {
  const offsetUnits = figures.spendMilli / 1000
  switch (field) {
    case "spent":
      return offsetUnits
    case "impressions":
      return figures.impressions
    case "reach":
      return figures.reach
    case "clicks":
    case "link_click":
      return figures.clicks
    case "frequency":
      return figures.reach ? figures.impressions / figures.reach : 0
    case "ctr":
      return figures.impressions ? (figures.clicks * 100) / figures.impressions : 0
    case "cpm":
      return figures.impressions ? (offsetUnits * 1000) / figures.impressions : undefined
    case "cpc":
      return figures.clicks ? offsetUnits / figures.clicks : undefined
    case "cpp":
      return figures.reach ? (offsetUnits * 1000) / figures.reach : undefined
    case "cpa":
    case "cost_per_purchase_fb":
    case "cost_per_purchase":
      return figures.purchases ? offsetUnits / figures.purchases : undefined
    case "purchase_roas":
    case "website_purchase_roas":
      return figures.spendMilli ? figures.purchaseValueMilli / figures.spendMilli : 0
    case "purchase":
    case "offsite_conversion.fb_pixel_purchase":
      return figures.purchases
    default:
      return undefined
  }
}

function compare(actual: number | string | undefined, filter: Filter): boolean {
  if (actual === undefined) return false
  const value = filter.value
  const list = Array.isArray(value) ? value.map(String) : [String(value)]
  const number = typeof actual === "number" ? actual : Number(actual)
  switch (filter.operator) {
    case "GREATER_THAN":
      return number > Number(value)
    case "LESS_THAN":
      return number < Number(value)
    case "EQUAL":
      return String(actual) === String(value)
    case "NOT_EQUAL":
      return String(actual) !== String(value)
    case "IN_RANGE":
      return Array.isArray(value) && number >= Number(value[0]) && number <= Number(value[1])
    case "NOT_IN_RANGE":
      return Array.isArray(value) && (number < Number(value[0]) || number > Number(value[1]))
    case "IN":
    case "ANY":
      return list.includes(String(actual))
    case "NOT_IN":
    case "NONE":
      return !list.includes(String(actual))
    case "CONTAIN":
      return String(actual).toLowerCase().includes(String(value).toLowerCase())
    case "NOT_CONTAIN":
      return !String(actual).toLowerCase().includes(String(value).toLowerCase())
    default:
      return false
  }
}

function option(execution: Record<string, unknown>, field: string): unknown {
  const options = execution.execution_options as { field?: string; value?: unknown }[] | undefined
  return options?.find((o) => o.field === field)?.value
}

function changedBudget(old: number, spec: Record<string, unknown>, floor: number): number {
  const amountValue = Number(spec.amount ?? 0)
  const unit = String(spec.unit ?? "PERCENTAGE")
  let next = unit === "ACCOUNT_CURRENCY" ? old + amountValue : Math.floor((old * (100 + amountValue)) / 100)
  if (spec.limit !== undefined) {
    const limit = Number(spec.limit)
    next = amountValue >= 0 ? Math.min(next, limit) : Math.max(next, limit)
  }
  return Math.max(floor, Math.floor(next))
}

/** Evaluates a rule now: matching objects, the action on each (cooldown and count limits honoured), one history entry. */
export function runRule(world: World, account: AdAccountRecord, state: AccountAds, rule: RuleRecord, nowMs: number, manual: boolean): RuleHistoryEntry {
  const ads = adsOf(world)
  settle(world, account, state, nowMs)
  const filters = (rule.evaluationSpec.filters as Filter[]) ?? []
  const entityType = (String(filters.find((f) => f.field === "entity_type")?.value ?? "AD") as Entity["type"])
  const preset = String(filters.find((f) => f.field === "time_preset")?.value ?? "LIFETIME")
  const today = accountToday(account, nowMs)
  const entry: RuleHistoryEntry = {
    ruleId: rule.id,
    accountId: account.id,
    at: nowMs,
    isManual: manual,
    results: [],
    evaluationSpec: rule.evaluationSpec,
    executionSpec: rule.executionSpec,
    ...(rule.scheduleSpec ? { scheduleSpec: rule.scheduleSpec } : {}),
  }
  const executionType = String(rule.executionSpec.execution_type)
  const trigger = rule.evaluationSpec.evaluation_type === "TRIGGER" ? (rule.evaluationSpec.trigger as Filter & { type: string }) : undefined
  const cooldownMs = Number(option(rule.executionSpec, "action_frequency") ?? 0) * 60000
  const countLimit = option(rule.executionSpec, "execution_count_limit") === undefined ? Infinity : Number(option(rule.executionSpec, "execution_count_limit"))
  const statusFiltered = filters.some((f) => f.field === "effective_status")
  let changed = false

  for (const entity of entitiesOf(ads, state, entityType)) {
    if (entity.effective === "DELETED" || entity.effective === "ARCHIVED") continue
    if (!statusFiltered && executionType !== "UNPAUSE" && entity.effective !== "ACTIVE") continue
    if (trigger?.type === "METADATA_CREATION" && entity.createdAt <= (rule.lastRunAt ?? 0)) continue
    if (trigger?.type === "METADATA_UPDATE" && entity.updatedAt <= (rule.lastRunAt ?? 0)) continue
    const range = ruleRange(preset, today, () => earliestDay(ads, entity.adIds, today))
    const figures: Figures = { spendMilli: 0, impressions: 0, clicks: 0, purchases: 0, purchaseValueMilli: 0, reach: 0 }
    for (const adId of entity.adIds) {
      const ad = ads.ads.get(adId)
      if (ad) addFigures(figures, adFigures(ads, ad, account.currency, range.since, range.until))
    }
    const valueOf = (field: string): number | string | undefined => {
      if (field === "id") return entity.id
      if (field === "name") return entity.name
      if (field === "campaign.id") return entity.campaignId
      if (field === "adset.id") return entity.adSetId
      if (field === "effective_status") return entity.effective
      if (field === "hours_since_creation") return Math.floor((nowMs - entity.createdAt) / 3600000)
      return metric(figures, field)
    }
    const conditions = filters.filter((f) => f.field !== "entity_type" && f.field !== "time_preset" && f.field !== "current_time")
    if (!conditions.every((f) => compare(valueOf(f.field), f))) continue
    if (trigger && (trigger.type === "STATS_CHANGE" || trigger.type === "STATS_MILESTONE") && !compare(valueOf(trigger.field), trigger)) continue

    const acted = rule.actedOn[entity.id]
    if (acted && (nowMs - acted.lastAt < cooldownMs || acted.count >= countLimit)) continue
    const result: RuleHistoryResult = { object_id: entity.id, object_type: entity.type, actions: [] }
    const record = entity.type === "CAMPAIGN" ? ads.campaigns.get(entity.id) : entity.type === "ADSET" ? ads.adSets.get(entity.id) : ads.ads.get(entity.id)
    if (!record) continue
    if (executionType === "PAUSE" || executionType === "UNPAUSE") {
      const target = executionType === "PAUSE" ? "PAUSED" : "ACTIVE"
      if (record.status !== target) {
        result.actions.push({ action: "CHANGED_STATUS", field: "status", old_value: record.status, new_value: target })
        record.status = target
        record.updatedAt = nowMs
        changed = true
      }
    } else if (executionType === "CHANGE_BUDGET" || executionType === "CHANGE_CAMPAIGN_BUDGET") {
      const spec = (option(rule.executionSpec, "change_spec") ?? {}) as Record<string, unknown>
      const budgetHolder = record as { dailyBudget?: number; lifetimeBudget?: number; billingEvent?: string; updatedAt: number }
      const field = budgetHolder.dailyBudget !== undefined ? "dailyBudget" : budgetHolder.lifetimeBudget !== undefined ? "lifetimeBudget" : undefined
      if (field) {
        const old = budgetHolder[field] as number
        const next = changedBudget(old, spec, minimumFor(account.currency, budgetHolder.billingEvent).amount)
        if (next !== old) {
          result.actions.push({ action: "CHANGED_BUDGET", field: field === "dailyBudget" ? "daily_budget" : "lifetime_budget", old_value: String(old), new_value: String(next) })
          budgetHolder[field] = next
          budgetHolder.updatedAt = nowMs
          changed = true
        }
      }
    } else if (executionType === "NOTIFICATION") {
      result.actions.push({ action: "NOTIFICATION" })
    } else {
      entry.exceptionCode = 1
      entry.exceptionMessage = `The emulator doesn't carry out ${executionType} rules; matching objects are listed without action.`
    }
    rule.actedOn[entity.id] = { lastAt: nowMs, count: (acted?.count ?? 0) + 1 }
    entry.results.push(result)
  }
  if (changed) invalidateRates(state)
  rule.lastRunAt = nowMs
  ads.ruleHistory.push(entry)
  return entry
}

const HALF_HOUR_MS = 30 * 60 * 1000

/** Whether a scheduled rule runs at this half-hour tick (account-local time). */
function isDue(rule: RuleRecord, account: AdAccountRecord, atMs: number): boolean {
  const local = new Date(atMs + zoneOffsetMs(account.timezoneName, atMs))
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes()
  const schedule = rule.scheduleSpec
  const type = rule.evaluationSpec.evaluation_type === "TRIGGER" ? "SEMI_HOURLY" : String(schedule?.schedule_type ?? "SEMI_HOURLY")
  if (type === "SEMI_HOURLY") return true
  if (type === "HOURLY") return local.getUTCMinutes() === 0
  if (type === "DAILY") return minute === 0
  const entries = (schedule?.schedule as { start_minute?: number; end_minute?: number; days?: number[] }[] | undefined) ?? []
  return entries.some((e) => {
    const days = e.days ?? [0, 1, 2, 3, 4, 5, 6]
    if (!days.includes(local.getUTCDay())) return false
    const start = e.start_minute ?? 0
    const end = e.end_minute ?? start
    return start === end ? minute === start : minute >= start && minute < end
  })
}

/**
 * Moves the ads clock from `fromMs` to `toMs`, running the enabled rules of every account at each
 * half-hour tick they are due (delivery settled up to the tick first, so they see the figures of then).
 */
export function runDueRules(world: World, fromMs: number, toMs: number): void {
  const ads = adsOf(world)
  const enabled = [...ads.rules.values()].filter((r) => r.status === "ENABLED")
  if (enabled.length === 0) return
  let tick = Math.floor(fromMs / HALF_HOUR_MS) * HALF_HOUR_MS + HALF_HOUR_MS
  for (; tick <= toMs; tick += HALF_HOUR_MS) {
    for (const rule of enabled) {
      const account = world.adAccounts[rule.accountId]
      const state = ads.accounts.get(rule.accountId)
      if (!account || !state || rule.status !== "ENABLED" || !isDue(rule, account, tick)) continue
      runRule(world, account, state, rule, tick, false)
    }
  }
}
