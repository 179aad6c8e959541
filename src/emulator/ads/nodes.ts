import { requestErrors } from "../errors"
import type { AdAccountRecord } from "../world"
import type { AdsCall } from "./context"
import { adEffectiveStatus, adSetEffectiveStatus, campaignEffectiveStatus, lifetimeSpendMilli, offsetUnits } from "./delivery"
import { badParam } from "./errors"
import { accountToday, earliestDay, parseInsightsQuery, runInsights, type Level, type Scope } from "./insights"
import { accountTime, minimumBudgets, zoneOffsetMs } from "./money"
import { pageOf, type EdgePage, type EdgeSource } from "./paging"
import { jsonValue, type Params } from "./params"
import { presentRule, ruleHistoryPage } from "./rules"
import { selectionOf, type Selection } from "./selection"
import type { AdRecord, AdSetRecord, AdsWorld, CampaignRecord, CreativeRecord, RuleRecord } from "./store"

/**
 * Reading Marketing API objects: GET /{id}?fields=… and their edges, with field expansion into nested
 * edges (`adsets.limit(100){…,ads.limit(100){…}}`) and insights (`insights.date_preset(last_7d){spend}`).
 * Unknown fields fail as Graph does ("Tried accessing nonexisting field (x) on node type (Campaign)").
 */

type Resolver<R> = (record: R, selection: Selection, call: AdsCall) => unknown
export type NodeDefinition<R> = { type: string; defaults: string[]; id: (record: R) => string; fields: Record<string, Resolver<R>> }

export function project<R>(call: AdsCall, record: R, def: NodeDefinition<R>, selection: Selection[] | undefined): Record<string, unknown> {
  const wanted = selection ?? selectionOf(def.defaults)
  const out: Record<string, unknown> = {}
  for (const field of wanted) {
    const resolve = def.fields[field.name]
    if (!resolve) throw requestErrors.nonexistingField(field.name, def.type)
    const value = resolve(record, field, call)
    if (value !== undefined) out[field.name] = value
  }
  if (out.id === undefined) out.id = def.id(record)
  return out
}

// ---- Edge listings ------------------------------------------------------------------------------

const HIDDEN_BY_DEFAULT = ["ARCHIVED", "DELETED"]

/** effective_status / filtering of an edge: the call's parameters, or a nested edge's modifiers. */
function edgeParams(call: AdsCall, source: EdgeSource): Params {
  return source.kind === "request" ? call.params : source.selection.modifiers
}

type FieldOf<T> = (item: T, field: string) => string | number | undefined

function applyFilters<T>(call: AdsCall, source: EdgeSource, items: T[], valueOf: FieldOf<T>): T[] {
  const params = edgeParams(call, source)
  const filters: { field: string; operator: string; value: unknown }[] = []
  if (params.effective_status !== undefined) {
    const statuses = jsonValue(params, "effective_status")
    filters.push({ field: "effective_status", operator: "IN", value: Array.isArray(statuses) ? statuses : String(statuses).split(",") })
  }
  if (params.filtering !== undefined) {
    const filtering = jsonValue(params, "filtering")
    if (!Array.isArray(filtering)) throw badParam("filtering", "Param filtering must be an array of {field, operator, value}")
    filters.push(...(filtering as { field: string; operator: string; value: unknown }[]))
  }
  const statusFiltered = filters.some((f) => f.field === "effective_status" || f.field.endsWith(".effective_status"))
  return items.filter((item) => {
    if (!statusFiltered && HIDDEN_BY_DEFAULT.includes(String(valueOf(item, "effective_status")))) return false
    return filters.every((filter) => {
      const actual = valueOf(item, filter.field)
      if (actual === undefined && !["NOT_IN", "NOT_EQUAL", "NOT_CONTAIN"].includes(filter.operator)) {
        if (!["id", "name", "effective_status", "updated_time", "created_time"].some((f) => filter.field === f || filter.field.endsWith(`.${f}`))) {
          throw badParam("filtering", `Filtering field ${filter.field} is not supported by the emulator`)
        }
        return false
      }
      const values = Array.isArray(filter.value) ? filter.value.map(String) : [String(filter.value)]
      const text = String(actual)
      switch (filter.operator) {
        case "IN":
          return values.includes(text)
        case "NOT_IN":
          return !values.includes(text)
        case "EQUAL":
          return text === values[0]
        case "NOT_EQUAL":
          return text !== values[0]
        case "CONTAIN":
          return text.toLowerCase().includes(values[0].toLowerCase())
        case "NOT_CONTAIN":
          return !text.toLowerCase().includes(values[0].toLowerCase())
        case "GREATER_THAN":
          return Number(actual) > Number(values[0])
        case "LESS_THAN":
          return Number(actual) < Number(values[0])
        default:
          throw badParam("filtering", `Filtering operator ${filter.operator} is not supported`)
      }
    })
  })
}

function commonValue(item: { id: string; name: string; createdAt: number; updatedAt: number }, field: string, effective: string) {
  switch (field) {
    case "id":
      return item.id
    case "name":
      return item.name
    case "effective_status":
      return effective
    case "updated_time":
      return Math.floor(item.updatedAt / 1000)
    case "created_time":
      return Math.floor(item.createdAt / 1000)
    default:
      return undefined
  }
}

const campaignValue: FieldOf<CampaignRecord> = (c, field) => commonValue(c, field.replace(/^campaign\./, ""), campaignEffectiveStatus(c))

const adSetValue = (ads: AdsWorld): FieldOf<AdSetRecord> => (s, field) => {
  if (field.startsWith("campaign.")) {
    const campaign = ads.campaigns.get(s.campaignId)
    return campaign ? campaignValue(campaign, field) : undefined
  }
  return commonValue(s, field.replace(/^adset\./, ""), adSetEffectiveStatus(ads, s))
}

const adValue = (ads: AdsWorld): FieldOf<AdRecord> => (a, field) => {
  if (field.startsWith("campaign.")) {
    const campaign = ads.campaigns.get(a.campaignId)
    return campaign ? campaignValue(campaign, field) : undefined
  }
  if (field.startsWith("adset.")) {
    const adSet = ads.adSets.get(a.adSetId)
    return adSet ? adSetValue(ads)(adSet, field) : undefined
  }
  return commonValue(a, field.replace(/^ad\./, ""), adEffectiveStatus(ads, a))
}

function recordsOf<T>(map: Map<string, T>, ids: string[]): T[] {
  const out: T[] = []
  for (let i = ids.length - 1; i >= 0; i -= 1) {
    const record = map.get(ids[i])
    if (record) out.push(record)
  }
  return out
}

export function campaignsEdge(call: AdsCall, ids: string[], source: EdgeSource): EdgePage<Record<string, unknown>> {
  const items = applyFilters(call, source, recordsOf(call.ads.campaigns, ids), campaignValue)
  return pageOf(call, items, (c) => c.id, source, (c) => project(call, c, CAMPAIGN, childSelection(source)))
}

export function adSetsEdge(call: AdsCall, ids: string[], source: EdgeSource): EdgePage<Record<string, unknown>> {
  const items = applyFilters(call, source, recordsOf(call.ads.adSets, ids), adSetValue(call.ads))
  return pageOf(call, items, (s) => s.id, source, (s) => project(call, s, AD_SET, childSelection(source)))
}

export function adsEdge(call: AdsCall, ids: string[], source: EdgeSource): EdgePage<Record<string, unknown>> {
  const items = applyFilters(call, source, recordsOf(call.ads.ads, ids), adValue(call.ads))
  return pageOf(call, items, (a) => a.id, source, (a) => project(call, a, AD, childSelection(source)))
}

export function creativesEdge(call: AdsCall, ids: string[], source: EdgeSource): EdgePage<Record<string, unknown>> {
  const items = recordsOf(call.ads.creatives, ids).filter((c) => c.status !== "DELETED")
  return pageOf(call, items, (c) => c.id, source, (c) => project(call, c, CREATIVE, childSelection(source)))
}

export function rulesEdge(call: AdsCall, ids: string[], source: EdgeSource): EdgePage<Record<string, unknown>> {
  const items = recordsOf(call.ads.rules, ids).filter((r) => r.status !== "DELETED")
  return pageOf(call, items, (r) => r.id, source, (r) => project(call, r, RULE, childSelection(source)))
}

function childSelection(source: EdgeSource): Selection[] | undefined {
  return source.kind === "nested" ? source.selection.children : source.fields
}

export function adIdsOfCampaign(ads: AdsWorld, campaign: CampaignRecord): string[] {
  return campaign.adSetIds.flatMap((id) => ads.adSets.get(id)?.adIds ?? [])
}

// ---- Insights -----------------------------------------------------------------------------------

export type InsightsTarget =
  | { level: "account"; account: AdAccountRecord }
  | { level: "campaign"; campaign: CampaignRecord }
  | { level: "adset"; adSet: AdSetRecord }
  | { level: "ad"; ad: AdRecord }

function adIdsOf(call: AdsCall, target: InsightsTarget): string[] {
  if (target.level === "account") return call.state.adIds
  if (target.level === "campaign") return adIdsOfCampaign(call.ads, target.campaign)
  if (target.level === "adset") return target.adSet.adIds
  return [target.ad.id]
}

function groupBy(call: AdsCall, level: Level): (ad: AdRecord) => string {
  if (level === "account") return () => call.account.id
  if (level === "campaign") return (ad) => ad.campaignId
  if (level === "adset") return (ad) => ad.adSetId
  return (ad) => ad.id
}

function effectiveFor(ads: AdsWorld) {
  return (ad: AdRecord, level: string): string => {
    if (level === "campaign") {
      const campaign = ads.campaigns.get(ad.campaignId)
      return campaign ? campaignEffectiveStatus(campaign) : "DELETED"
    }
    if (level === "adset") {
      const adSet = ads.adSets.get(ad.adSetId)
      return adSet ? adSetEffectiveStatus(ads, adSet) : "DELETED"
    }
    return adEffectiveStatus(ads, ad)
  }
}

/** The rows of GET /{object}/insights (or of an insights field, with its modifiers as parameters). */
export function insightsRows(call: AdsCall, target: InsightsTarget, params: Params, fields: string[] | undefined) {
  const today = accountToday(call.account, call.now)
  const adIds = adIdsOf(call, target)
  const query = parseInsightsQuery(params, target.level, fields, today, () => earliestDay(call.ads, adIds, today))
  const scope: Scope = { adIds, groupOf: groupBy(call, query.level) }
  return runInsights(call.ads, call.account, scope, query, effectiveFor(call.ads))
}

function insightsField<R>(target: (record: R, call: AdsCall) => InsightsTarget): Resolver<R> {
  return (record, selection, call) => {
    const fields = selection.children?.map((c) => c.name)
    const rows = insightsRows(call, target(record, call), selection.modifiers, fields)
    if (rows.length === 0) return undefined
    const t = target(record, call)
    const parentId = t.level === "account" ? t.account.id : t.level === "campaign" ? t.campaign.id : t.level === "adset" ? t.adSet.id : t.ad.id
    return pageOf(call, rows, (r) => r.key, { kind: "nested", parentId, edge: "insights", selection }, (r) => r.row)
  }
}

// ---- Node definitions ---------------------------------------------------------------------------

const time = (call: AdsCall, ms: number | undefined) => (ms === undefined ? undefined : accountTime(call.account.timezoneName, ms))
const amount = (value: number | undefined) => (value === undefined ? undefined : String(value))

function todaySpend(call: AdsCall, adIds: string[]): number {
  const today = accountToday(call.account, call.now)
  let milli = 0
  for (const id of adIds) milli += call.ads.delivery.get(id)?.get(today) ?? 0
  return offsetUnits(milli)
}

function nestedNode<R>(def: NodeDefinition<R>, record: R | undefined, selection: Selection, call: AdsCall) {
  return record ? project(call, record, def, selection.children ?? selectionOf(["id"])) : undefined
}

export const AD_ACCOUNT: NodeDefinition<AdAccountRecord> = {
  type: "AdAccount",
  defaults: ["account_id", "id"],
  id: (a) => a.id,
  fields: {
    id: (a) => a.id,
    account_id: (a) => a.accountId,
    name: (a) => a.name,
    currency: (a) => a.currency,
    account_status: (a) => a.accountStatus,
    disable_reason: () => 0,
    timezone_name: (a) => a.timezoneName,
    // Hours east of UTC now (Los Angeles in winter: -8), as Meta reports it.
    timezone_offset_hours_utc: (a, _s, call) => zoneOffsetMs(a.timezoneName, call.now) / 3600000,
    amount_spent: (_a, _s, call) => String(offsetUnits(lifetimeSpendMilli(call.ads, call.state.adIds))),
    spend_cap: (_a, _s, call) => String(call.state.spendCap ?? 0),
    balance: () => "0",
    min_daily_budget: (a) => minimumBudgets(a.currency).min_daily_budget_imp,
    is_prepay_account: () => false,
    business: (a, selection, call) => {
      const business = call.world.businesses[a.businessId]
      if (!business) return undefined
      const wanted = selection.children?.map((c) => c.name) ?? ["id", "name"]
      const out: Record<string, unknown> = {}
      for (const name of wanted) {
        if (name === "id") out.id = business.id
        else if (name === "name") out.name = business.name
        else throw requestErrors.nonexistingField(name, "Business")
      }
      return out
    },
    campaigns: (a, selection, call) => campaignsEdge(call, call.state.campaignIds, { kind: "nested", parentId: a.id, edge: "campaigns", selection }),
    adsets: (a, selection, call) => adSetsEdge(call, call.state.adSetIds, { kind: "nested", parentId: a.id, edge: "adsets", selection }),
    ads: (a, selection, call) => adsEdge(call, call.state.adIds, { kind: "nested", parentId: a.id, edge: "ads", selection }),
    adcreatives: (a, selection, call) => creativesEdge(call, call.state.creativeIds, { kind: "nested", parentId: a.id, edge: "adcreatives", selection }),
    adrules_library: (a, selection, call) => rulesEdge(call, call.state.ruleIds, { kind: "nested", parentId: a.id, edge: "adrules_library", selection }),
    insights: insightsField((a) => ({ level: "account", account: a })),
  },
}

export const CAMPAIGN: NodeDefinition<CampaignRecord> = {
  type: "Campaign",
  defaults: ["id"],
  id: (c) => c.id,
  fields: {
    id: (c) => c.id,
    account_id: (c) => c.accountId.replace(/^act_/, ""),
    name: (c) => c.name,
    objective: (c) => c.objective,
    status: (c) => c.status,
    configured_status: (c) => c.status,
    effective_status: (c) => campaignEffectiveStatus(c),
    daily_budget: (c) => amount(c.dailyBudget),
    lifetime_budget: (c) => amount(c.lifetimeBudget),
    budget_remaining: (c, _s, call) =>
      c.dailyBudget !== undefined
        ? String(Math.max(0, c.dailyBudget - todaySpend(call, adIdsOfCampaign(call.ads, c))))
        : c.lifetimeBudget !== undefined
          ? String(Math.max(0, c.lifetimeBudget - offsetUnits(lifetimeSpendMilli(call.ads, adIdsOfCampaign(call.ads, c)))))
          : "0",
    bid_strategy: (c) => c.bidStrategy,
    buying_type: (c) => c.buyingType,
    special_ad_categories: (c) => c.specialAdCategories,
    special_ad_category_country: (c) => (c.specialAdCategoryCountry.length ? c.specialAdCategoryCountry : undefined),
    is_adset_budget_sharing_enabled: (c) => c.budgetSharing,
    spend_cap: (c) => amount(c.spendCap),
    promoted_object: (c) => c.promotedObject,
    smart_promotion_type: (c) => c.smartPromotionType,
    start_time: (c, _s, call) => time(call, c.startTime ?? c.createdAt),
    stop_time: (c, _s, call) => time(call, c.stopTime),
    created_time: (c, _s, call) => time(call, c.createdAt),
    updated_time: (c, _s, call) => time(call, c.updatedAt),
    issues_info: () => [],
    account: (c, selection, call) => nestedNode(AD_ACCOUNT, call.world.adAccounts[c.accountId], selection, call),
    adsets: (c, selection, call) => adSetsEdge(call, c.adSetIds, { kind: "nested", parentId: c.id, edge: "adsets", selection }),
    ads: (c, selection, call) => adsEdge(call, adIdsOfCampaign(call.ads, c), { kind: "nested", parentId: c.id, edge: "ads", selection }),
    insights: insightsField((c) => ({ level: "campaign", campaign: c })),
  },
}

export const AD_SET: NodeDefinition<AdSetRecord> = {
  type: "AdSet",
  defaults: ["id"],
  id: (s) => s.id,
  fields: {
    id: (s) => s.id,
    account_id: (s) => s.accountId.replace(/^act_/, ""),
    campaign_id: (s) => s.campaignId,
    name: (s) => s.name,
    status: (s) => s.status,
    configured_status: (s) => s.status,
    effective_status: (s, _sel, call) => adSetEffectiveStatus(call.ads, s),
    daily_budget: (s) => amount(s.dailyBudget),
    lifetime_budget: (s) => amount(s.lifetimeBudget),
    budget_remaining: (s, _sel, call) =>
      s.dailyBudget !== undefined
        ? String(Math.max(0, s.dailyBudget - todaySpend(call, s.adIds)))
        : s.lifetimeBudget !== undefined
          ? String(Math.max(0, s.lifetimeBudget - offsetUnits(lifetimeSpendMilli(call.ads, s.adIds))))
          : "0",
    bid_strategy: (s, _sel, call) => s.bidStrategy ?? call.ads.campaigns.get(s.campaignId)?.bidStrategy,
    bid_amount: (s) => s.bidAmount,
    bid_constraints: (s) => s.bidConstraints,
    billing_event: (s) => s.billingEvent,
    optimization_goal: (s) => s.optimizationGoal,
    targeting: (s) => s.targeting,
    promoted_object: (s) => s.promotedObject,
    destination_type: (s) => s.destinationType,
    start_time: (s, _sel, call) => time(call, s.startTime),
    end_time: (s, _sel, call) => time(call, s.endTime),
    created_time: (s, _sel, call) => time(call, s.createdAt),
    updated_time: (s, _sel, call) => time(call, s.updatedAt),
    source_adset_id: (s) => s.sourceAdSetId,
    is_dynamic_creative: () => false,
    issues_info: () => [],
    campaign: (s, selection, call) => nestedNode(CAMPAIGN, call.ads.campaigns.get(s.campaignId), selection, call),
    ads: (s, selection, call) => adsEdge(call, s.adIds, { kind: "nested", parentId: s.id, edge: "ads", selection }),
    insights: insightsField((s) => ({ level: "adset", adSet: s })),
  },
}

export const CREATIVE: NodeDefinition<CreativeRecord> = {
  type: "AdCreative",
  defaults: ["id"],
  id: (c) => c.id,
  fields: {
    id: (c) => c.id,
    account_id: (c) => c.accountId.replace(/^act_/, ""),
    name: (c) => c.name,
    status: (c) => c.status,
    object_type: (c) => c.objectType,
    object_story_id: (c) => c.objectStoryId,
    object_story_spec: (c) => c.objectStorySpec,
    effective_object_story_id: (c) =>
      c.objectStoryId ?? (c.objectStorySpec?.page_id !== undefined ? `${String(c.objectStorySpec.page_id)}_${c.id}` : undefined),
    source_instagram_media_id: (c) => c.sourceInstagramMediaId,
    effective_instagram_media_id: (c) => c.sourceInstagramMediaId,
    instagram_user_id: (c) => c.instagramUserId,
    product_set_id: (c) => c.productSetId,
    asset_feed_spec: (c) => c.assetFeedSpec,
    url_tags: (c) => c.urlTags,
    call_to_action_type: (c) => c.callToActionType ?? (c.objectStorySpec?.link_data as { call_to_action?: { type?: string } } | undefined)?.call_to_action?.type,
    title: (c) => (c.objectStorySpec?.link_data as { name?: string } | undefined)?.name,
    body: (c) => (c.objectStorySpec?.link_data as { message?: string } | undefined)?.message,
    thumbnail_url: (c) => `https://graph.facebook.com/emulator/creative/${c.id}/thumbnail.jpg`,
  },
}

export const AD: NodeDefinition<AdRecord> = {
  type: "Ad",
  defaults: ["id"],
  id: (a) => a.id,
  fields: {
    id: (a) => a.id,
    account_id: (a) => a.accountId.replace(/^act_/, ""),
    campaign_id: (a) => a.campaignId,
    adset_id: (a) => a.adSetId,
    name: (a) => a.name,
    status: (a) => a.status,
    configured_status: (a) => a.status,
    effective_status: (a, _s, call) => adEffectiveStatus(call.ads, a),
    creative: (a, selection, call) => nestedNode(CREATIVE, call.ads.creatives.get(a.creativeId), selection, call),
    tracking_specs: (a) => a.trackingSpecs,
    conversion_domain: (a) => a.conversionDomain,
    source_ad_id: (a) => a.sourceAdId,
    created_time: (a, _s, call) => time(call, a.createdAt),
    updated_time: (a, _s, call) => time(call, a.updatedAt),
    issues_info: () => [],
    // Review outcome (https://developers.facebook.com/docs/marketing-api/reference/adgroup/ "ad_review_feedback"):
    // absent for an ad that passed review, as Meta leaves it out.
    ad_review_feedback: () => undefined,
    campaign: (a, selection, call) => nestedNode(CAMPAIGN, call.ads.campaigns.get(a.campaignId), selection, call),
    adset: (a, selection, call) => nestedNode(AD_SET, call.ads.adSets.get(a.adSetId), selection, call),
    insights: insightsField((a) => ({ level: "ad", ad: a })),
  },
}

export const RULE: NodeDefinition<RuleRecord> = {
  type: "AdRule",
  defaults: ["id"],
  id: (r) => r.id,
  fields: {
    ...Object.fromEntries(
      ["account_id", "name", "status", "evaluation_spec", "execution_spec", "schedule_spec", "created_time", "updated_time", "created_by", "disable_error_code", "entity_type"].map(
        (name) => [name, (r: RuleRecord, _s: Selection, call: AdsCall) => presentRule(call, r)[name]]
      )
    ),
    id: (r) => r.id,
    history: (r, selection, call) => ruleHistoryPage(call, r, { kind: "nested", parentId: r.id, edge: "history", selection }),
  },
}

