import type { AdsCall } from "./context"
import { badParam, invalid, missingParam } from "./errors"
import { formatOffsetAmount, minimumBudgets, minimumFor } from "./money"
import { booleanParam, enumParam, has, integerParam, isValidateOnly, listParam, objectParam, text, timeParam } from "./params"
import { newAdsId, type CampaignRecord } from "./store"
import { applyChange, checkEditable, createStatus, SUCCESS, updateStatus } from "./write"

/**
 * Campaigns (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group), with the
 * refusals of v21–v25: outcome-driven objectives only, special_ad_categories always, the
 * budget-sharing flag without a campaign budget, no Advantage+ shopping/app campaigns through
 * smart_promotion_type, budgets as integers in the currency offset above the account's minimum.
 */

/** ODAX objectives; legacy ones are refused for new objects from v21.0 (https://developers.facebook.com/docs/marketing-api/marketing-api-changelog/version21.0). */
export const ODAX_OBJECTIVES = ["OUTCOME_APP_PROMOTION", "OUTCOME_AWARENESS", "OUTCOME_ENGAGEMENT", "OUTCOME_LEADS", "OUTCOME_SALES", "OUTCOME_TRAFFIC"]
const LEGACY_OBJECTIVES = [
  "APP_INSTALLS", "BRAND_AWARENESS", "CONVERSIONS", "EVENT_RESPONSES", "LEAD_GENERATION", "LINK_CLICKS", "LOCAL_AWARENESS",
  "MESSAGES", "OFFER_CLAIMS", "PAGE_LIKES", "POST_ENGAGEMENT", "PRODUCT_CATALOG_SALES", "REACH", "STORE_VISITS", "VIDEO_VIEWS",
]
/** https://developers.facebook.com/docs/marketing-api/audiences/special-ad-category */
const SPECIAL_AD_CATEGORIES = ["NONE", "EMPLOYMENT", "HOUSING", "CREDIT", "FINANCIAL_PRODUCTS_SERVICES", "ISSUES_ELECTIONS_POLITICS", "ONLINE_GAMBLING_AND_GAMING"]
export const BID_STRATEGIES = ["LOWEST_COST_WITHOUT_CAP", "LOWEST_COST_WITH_BID_CAP", "COST_CAP", "LOWEST_COST_WITH_MIN_ROAS"] as const
/** From v25.0 ASC and AAC campaigns can no longer be created (https://developers.facebook.com/docs/marketing-api/advantage-campaigns). */
const RETIRED_SMART_PROMOTIONS = ["AUTOMATED_SHOPPING_ADS", "SMART_APP_PROMOTION"]

function specialCategories(call: AdsCall, required: boolean): { categories: string[]; countries: string[] } | undefined {
  const { params } = call
  if (params.special_ad_categories === undefined || params.special_ad_categories === null) {
    if (required) throw missingParam("special_ad_categories")
    return undefined
  }
  const categories = listParam(params, "special_ad_categories") ?? []
  for (const category of categories) {
    if (!SPECIAL_AD_CATEGORIES.includes(category)) {
      throw badParam("special_ad_categories", `Param special_ad_categories[0] must be one of {${SPECIAL_AD_CATEGORIES.join(", ")}} - got "${category}"`)
    }
  }
  const declared = categories.filter((c) => c !== "NONE")
  const countries = listParam(params, "special_ad_category_country") ?? []
  if (declared.length && countries.length === 0) {
    throw invalid({
      title: "Special Ad Category Country Required",
      message: "Campaigns in a special ad category need special_ad_category_country: the countries where the ads will run.",
      field: "special_ad_category_country",
    })
  }
  return { categories: declared, countries }
}

function checkObjective(call: AdsCall, objective: string): void {
  if (ODAX_OBJECTIVES.includes(objective)) return
  if (LEGACY_OBJECTIVES.includes(objective) && call.major < 21) return
  if (LEGACY_OBJECTIVES.includes(objective)) {
    throw invalid({
      title: "Objective Not Available",
      message: `The objective ${objective} is no longer available for new campaigns. Use one of ${ODAX_OBJECTIVES.join(", ")}.`,
      field: "objective",
    })
  }
  throw badParam("objective", `Param objective must be one of {${ODAX_OBJECTIVES.join(", ")}} - got "${objective}"`)
}

/** A budget's amount per day (lifetime budgets over their schedule), for the minimum check. */
export function perDay(amount: number, lifetime: boolean, start: number, end: number | undefined): number {
  if (!lifetime || end === undefined) return amount
  const days = Math.max(1, Math.ceil((end - start) / (24 * 3600 * 1000)))
  return Math.floor(amount / days)
}

/** 1885272: below the minimum (`required` is the whole amount needed, for `adSetCount` ad sets). */
export function tooLow(call: AdsCall, field: string, required: number, adSetCount = 1): never {
  const amount = formatOffsetAmount(required, call.account.currency)
  throw invalid({
    subcode: 1885272,
    title: "Your Budget Is Too Low",
    message:
      adSetCount > 1
        ? `Your campaign budget must be at least ${amount} for its ${adSetCount} ad sets, or your ads may not be delivered.`
        : `Your budget must be at least ${amount}, or your ad set may not be delivered. Please increase the budget.`,
    field,
  })
}

function campaignBudget(call: AdsCall, start: number, stop: number | undefined): { daily?: number; lifetime?: number } {
  const daily = integerParam(call.params, "daily_budget")
  const lifetime = integerParam(call.params, "lifetime_budget")
  if (daily !== undefined && lifetime !== undefined) {
    throw invalid({ title: "Choose One Budget", message: "Set either a daily budget or a lifetime budget, not both.", field: "lifetime_budget" })
  }
  if (lifetime !== undefined && stop === undefined) {
    throw invalid({ title: "End Date Required", message: "A campaign with a lifetime budget needs a stop_time.", field: "stop_time" })
  }
  const floor = minimumBudgets(call.account.currency).min_daily_budget_imp
  // The check is in Meta's units as sent: a budget 100× off for an offset-1 currency passes unchanged.
  if (daily !== undefined && daily < floor) tooLow(call, "daily_budget", floor)
  if (lifetime !== undefined && perDay(lifetime, true, start, stop) < floor) tooLow(call, "lifetime_budget", floor)
  return { daily, lifetime }
}

export function createCampaign(call: AdsCall): Record<string, unknown> {
  const { params } = call
  const name = text(params, "name")
  if (!name) throw missingParam("name")
  const objective = text(params, "objective")
  if (!objective) throw missingParam("objective")
  const special = specialCategories(call, true)
  checkObjective(call, objective)
  const smartPromotion = text(params, "smart_promotion_type")
  if (smartPromotion && RETIRED_SMART_PROMOTIONS.includes(smartPromotion) && call.major >= 25) {
    throw invalid({
      title: "Campaign Type No Longer Available",
      message: `Advantage+ shopping and app campaigns can no longer be created with smart_promotion_type=${smartPromotion}. Create a campaign with an Advantage+ campaign budget, audience and placements instead.`,
      field: "smart_promotion_type",
    })
  }
  const status = createStatus(params)
  const start = timeParam(params, "start_time") ?? call.now
  const stop = timeParam(params, "stop_time")
  if (stop !== undefined && stop <= start) throw invalid({ title: "Invalid End Date", message: "The stop_time must be after the start_time.", field: "stop_time" })
  const budget = campaignBudget(call, start, stop)
  const hasBudget = budget.daily !== undefined || budget.lifetime !== undefined
  const sharing = booleanParam(params, "is_adset_budget_sharing_enabled")
  if (!hasBudget && sharing === undefined && call.major >= 24) {
    // Required from v24 without a campaign budget (https://developers.facebook.com/documentation/ads-commerce/marketing-api/bidding/guides/adset-budget-sharing).
    throw invalid({
      subcode: 4834011,
      title: "Must specify True or False in is_adset_budget_sharing_enabled field",
      message:
        "You must specify True or False in the field is_adset_budget_sharing_enabled if you are not using campaign budget. Passing in True will enable your ad sets to share 20% of their budget to optimize overall performance.",
      field: "is_adset_budget_sharing_enabled",
    })
  }
  const bidStrategy = enumParam(params, "bid_strategy", BID_STRATEGIES)
  const spendCap = integerParam(params, "spend_cap")
  const promotedObject = objectParam(params, "promoted_object")
  const buyingType = enumParam(params, "buying_type", ["AUCTION", "RESERVED"] as const) ?? "AUCTION"
  if (isValidateOnly(params)) return SUCCESS
  return applyChange(call, () => {
    const record: CampaignRecord = {
      id: newAdsId(call.ads),
      accountId: call.account.id,
      name,
      status,
      createdAt: call.now,
      updatedAt: call.now,
      objective,
      specialAdCategories: special?.categories ?? [],
      specialAdCategoryCountry: special?.countries ?? [],
      ...(budget.daily !== undefined ? { dailyBudget: budget.daily } : {}),
      ...(budget.lifetime !== undefined ? { lifetimeBudget: budget.lifetime } : {}),
      ...(hasBudget ? { bidStrategy: bidStrategy ?? "LOWEST_COST_WITHOUT_CAP" } : bidStrategy ? { bidStrategy } : {}),
      ...(!hasBudget && sharing !== undefined ? { budgetSharing: sharing } : {}),
      buyingType,
      ...(has(params, "start_time") ? { startTime: start } : {}),
      ...(stop !== undefined ? { stopTime: stop } : {}),
      ...(spendCap !== undefined ? { spendCap } : {}),
      ...(promotedObject ? { promotedObject } : {}),
      ...(smartPromotion ? { smartPromotionType: smartPromotion } : {}),
      adSetIds: [],
    }
    call.ads.campaigns.set(record.id, record)
    call.state.campaignIds.push(record.id)
    return { id: record.id }
  })
}

/** The smallest campaign budget that covers the minimum of each of its ad sets. */
export function campaignFloor(call: AdsCall, campaign: CampaignRecord, extraBillingEvent?: string): { floor: number; adSets: number } {
  const billing = campaign.adSetIds
    .map((id) => call.ads.adSets.get(id))
    .filter((s) => s !== undefined && s.status !== "DELETED")
    .map((s) => s?.billingEvent)
  if (extraBillingEvent !== undefined) billing.push(extraBillingEvent)
  if (billing.length === 0) return { floor: minimumBudgets(call.account.currency).min_daily_budget_imp, adSets: 1 }
  return { floor: billing.reduce((sum, event) => sum + minimumFor(call.account.currency, event).amount, 0), adSets: billing.length }
}

export function updateCampaign(call: AdsCall, campaign: CampaignRecord): Record<string, unknown> {
  const { params } = call
  checkEditable("Campaign", campaign.status, params)
  const status = updateStatus(params)
  const name = text(params, "name")
  const objective = text(params, "objective")
  if (objective !== undefined && objective !== campaign.objective) {
    throw invalid({ title: "Objective Can't Be Changed", message: "A campaign's objective can't be changed after it's created.", field: "objective" })
  }
  const special = specialCategories(call, false)
  const daily = integerParam(params, "daily_budget")
  const lifetime = integerParam(params, "lifetime_budget")
  const usesBudget = campaign.dailyBudget !== undefined || campaign.lifetimeBudget !== undefined
  if ((daily !== undefined || lifetime !== undefined) && !usesBudget) {
    throw invalid({
      subcode: 1885621,
      title: "Budget Is Set on the Ad Sets",
      message: "This campaign's budgets are on its ad sets. Change the ad set budgets, or create a campaign with an Advantage campaign budget.",
      field: daily !== undefined ? "daily_budget" : "lifetime_budget",
    })
  }
  if ((daily !== undefined && campaign.lifetimeBudget !== undefined) || (lifetime !== undefined && campaign.dailyBudget !== undefined)) {
    throw invalid({ title: "Budget Type Can't Be Changed", message: "You can't switch a campaign between a daily and a lifetime budget.", field: daily !== undefined ? "daily_budget" : "lifetime_budget" })
  }
  if (daily !== undefined || lifetime !== undefined) {
    const { floor, adSets } = campaignFloor(call, campaign)
    const amount = daily ?? perDay(lifetime ?? 0, true, campaign.startTime ?? campaign.createdAt, timeParam(params, "stop_time") ?? campaign.stopTime)
    if (amount < floor) tooLow(call, daily !== undefined ? "daily_budget" : "lifetime_budget", floor, adSets)
  }
  const bidStrategy = enumParam(params, "bid_strategy", BID_STRATEGIES)
  const spendCap = integerParam(params, "spend_cap")
  const stop = timeParam(params, "stop_time")
  const sharing = booleanParam(params, "is_adset_budget_sharing_enabled")
  if (isValidateOnly(params)) return SUCCESS
  applyChange(call, () => {
    if (status) campaign.status = status
    if (name) campaign.name = name
    if (special) {
      campaign.specialAdCategories = special.categories
      campaign.specialAdCategoryCountry = special.countries
    }
    if (daily !== undefined) campaign.dailyBudget = daily
    if (lifetime !== undefined) campaign.lifetimeBudget = lifetime
    if (bidStrategy) campaign.bidStrategy = bidStrategy
    if (spendCap !== undefined) campaign.spendCap = spendCap
    if (stop !== undefined) campaign.stopTime = stop
    if (sharing !== undefined && !usesBudget) campaign.budgetSharing = sharing
    campaign.updatedAt = call.now
  })
  return SUCCESS
}

