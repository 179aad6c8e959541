import { productSetsOf } from "../routes/catalog"
import { BID_STRATEGIES, campaignFloor, perDay, tooLow } from "./campaigns"
import type { AdsCall } from "./context"
import { badParam, invalid, missingParam } from "./errors"
import { minimumFor } from "./money"
import { enumParam, has, integerParam, isValidateOnly, objectParam, text, timeParam } from "./params"
import { newAdsId, type AdSetRecord, type CampaignRecord } from "./store"
import { applyChange, checkEditable, createStatus, SUCCESS, updateStatus } from "./write"

/**
 * Ad sets (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign): targeting with a
 * location, an optimization goal the campaign objective allows, a billing event that goes with it, the
 * promoted object a sales campaign needs, and the budget rules: on the campaign (Advantage campaign
 * budget) or on the ad set, never both, integers in the currency offset above the minimum for the
 * billing event, a bid amount for capped bid strategies.
 */

const BILLING_EVENTS = ["APP_INSTALLS", "CLICKS", "IMPRESSIONS", "LINK_CLICKS", "NONE", "OFFER_CLAIMS", "PAGE_LIKES", "POST_ENGAGEMENT", "THRUPLAY", "PURCHASE", "LISTING_INTERACTION"] as const
const OPTIMIZATION_GOALS = [
  "NONE", "APP_INSTALLS", "AD_RECALL_LIFT", "ENGAGED_USERS", "EVENT_RESPONSES", "IMPRESSIONS", "LEAD_GENERATION", "QUALITY_LEAD",
  "LINK_CLICKS", "OFFSITE_CONVERSIONS", "PAGE_LIKES", "POST_ENGAGEMENT", "QUALITY_CALL", "REACH", "LANDING_PAGE_VIEWS",
  "VISIT_INSTAGRAM_PROFILE", "VALUE", "THRUPLAY", "DERIVED_EVENTS", "APP_INSTALLS_AND_OFFSITE_CONVERSIONS", "CONVERSATIONS",
  "IN_APP_VALUE", "MESSAGING_PURCHASE_CONVERSION", "SUBSCRIBERS", "REMINDERS_SET", "MEANINGFUL_CALL_ATTEMPT", "PROFILE_VISIT",
  "PROFILE_AND_PAGE_ENGAGEMENT", "TWO_SECOND_CONTINUOUS_VIDEO_VIEWS",
] as const

/**
 * Performance goals each outcome-driven objective allows (ODAX objective / optimization_goal pairs,
 * https://developers.facebook.com/docs/marketing-api/reference/ad-campaign#fields `optimization_goal`).
 */
const GOALS_BY_OBJECTIVE: Record<string, string[]> = {
  OUTCOME_AWARENESS: ["REACH", "IMPRESSIONS", "AD_RECALL_LIFT", "THRUPLAY", "TWO_SECOND_CONTINUOUS_VIDEO_VIEWS"],
  OUTCOME_TRAFFIC: ["LINK_CLICKS", "LANDING_PAGE_VIEWS", "IMPRESSIONS", "REACH", "CONVERSATIONS", "VISIT_INSTAGRAM_PROFILE", "QUALITY_CALL", "PROFILE_VISIT"],
  OUTCOME_ENGAGEMENT: [
    "POST_ENGAGEMENT", "PAGE_LIKES", "EVENT_RESPONSES", "THRUPLAY", "TWO_SECOND_CONTINUOUS_VIDEO_VIEWS", "CONVERSATIONS", "LINK_CLICKS",
    "LANDING_PAGE_VIEWS", "IMPRESSIONS", "REACH", "OFFSITE_CONVERSIONS", "QUALITY_CALL", "PROFILE_AND_PAGE_ENGAGEMENT", "REMINDERS_SET",
  ],
  OUTCOME_LEADS: ["LEAD_GENERATION", "QUALITY_LEAD", "OFFSITE_CONVERSIONS", "CONVERSATIONS", "QUALITY_CALL", "LINK_CLICKS", "LANDING_PAGE_VIEWS", "IMPRESSIONS", "REACH"],
  OUTCOME_SALES: ["OFFSITE_CONVERSIONS", "VALUE", "LINK_CLICKS", "LANDING_PAGE_VIEWS", "IMPRESSIONS", "REACH", "CONVERSATIONS"],
  OUTCOME_APP_PROMOTION: ["APP_INSTALLS", "APP_INSTALLS_AND_OFFSITE_CONVERSIONS", "OFFSITE_CONVERSIONS", "VALUE", "LINK_CLICKS", "IN_APP_VALUE"],
}

/** Billing events other than IMPRESSIONS are charged only for their own goal (https://developers.facebook.com/docs/marketing-api/bidding/overview/billing-events). */
const BILLING_GOAL: Record<string, string> = {
  LINK_CLICKS: "LINK_CLICKS",
  THRUPLAY: "THRUPLAY",
  POST_ENGAGEMENT: "POST_ENGAGEMENT",
  PAGE_LIKES: "PAGE_LIKES",
  APP_INSTALLS: "APP_INSTALLS",
}

/** Standard events a pixel-promoted ad set can optimise for (AdPromotedObject custom_event_type). */
const CUSTOM_EVENT_TYPES = [
  "PURCHASE", "ADD_TO_CART", "INITIATED_CHECKOUT", "ADD_PAYMENT_INFO", "ADD_TO_WISHLIST", "COMPLETE_REGISTRATION", "CONTENT_VIEW",
  "LEAD", "SEARCH", "START_TRIAL", "SUBSCRIBE", "CONTACT", "CUSTOMIZE_PRODUCT", "DONATE", "FIND_LOCATION", "SCHEDULE",
  "SUBMIT_APPLICATION", "OTHER",
]

const LOCATION_KEYS = ["countries", "regions", "cities", "zips", "geo_markets", "custom_locations", "places", "electoral_districts", "country_groups"]

function checkTargeting(call: AdsCall, targeting: Record<string, unknown>): void {
  const geo = targeting.geo_locations as Record<string, unknown> | undefined
  const located = geo && typeof geo === "object" && LOCATION_KEYS.some((key) => Array.isArray(geo[key]) && (geo[key] as unknown[]).length > 0)
  if (!located) {
    throw invalid({
      title: "Missing Target Audience Location",
      message: "Your audience is missing a location. You can add a location or a Custom Audience.",
      field: "targeting.geo_locations",
    })
  }
  for (const country of (geo?.countries as unknown[] | undefined) ?? []) {
    if (typeof country !== "string" || !/^[A-Z]{2}$/.test(country)) {
      throw badParam("targeting.geo_locations.countries", `Invalid country code in targeting.geo_locations.countries: ${JSON.stringify(country)} (use ISO 3166-1 alpha-2, e.g. "US")`)
    }
  }
  const ageMin = targeting.age_min === undefined ? undefined : Number(targeting.age_min)
  const ageMax = targeting.age_max === undefined ? undefined : Number(targeting.age_max)
  if (ageMin !== undefined && (!Number.isInteger(ageMin) || ageMin < 13 || ageMin > 65)) {
    throw invalid({ title: "Invalid Minimum Age", message: "The minimum age must be between 13 and 65.", field: "targeting.age_min" })
  }
  if (ageMax !== undefined && (!Number.isInteger(ageMax) || ageMax < (ageMin ?? 13) || ageMax > 65)) {
    throw invalid({ title: "Invalid Maximum Age", message: "The maximum age must be between the minimum age and 65.", field: "targeting.age_max" })
  }
  // From v23 the Advantage+ audience choice must be explicit (Meta's error 1870227, as integrations report it); with it on,
  // age is only a suggestion and age_max can't be below 65 (1870189).
  const automation = targeting.targeting_automation as Record<string, unknown> | undefined
  const advantage = automation && typeof automation === "object" ? automation.advantage_audience : undefined
  if (advantage === undefined && call.major >= 23) {
    throw invalid({
      subcode: 1870227,
      title: "Advantage Audience Flag Required",
      message:
        "To create your ad set, you need to enable or disable the Advantage audience feature. This can be done by setting the advantage_audience flag to either 1 or 0 within the targeting_automation field in the targeting spec.",
      field: "targeting.targeting_automation.advantage_audience",
    })
  }
  if (Number(advantage) === 1 && ageMax !== undefined && ageMax < 65) {
    throw invalid({
      subcode: 1870189,
      title: "Maximum age is below threshold",
      message: "With Advantage+ audience on, the maximum age can't be below 65. Remove age_max or turn Advantage+ audience off.",
      field: "targeting.age_max",
    })
  }
}

function productSetOfBusiness(call: AdsCall, productSetId: string): boolean {
  return Object.values(call.world.catalogs)
    .filter((c) => c.businessId === call.account.businessId)
    .some((c) => productSetsOf(call.world, c.id).some((set) => set.id === productSetId))
}

function checkPromotedObject(call: AdsCall, campaign: CampaignRecord, promoted: Record<string, unknown> | undefined, goal: string): void {
  if (campaign.objective === "OUTCOME_SALES") {
    const byPixel = promoted?.pixel_id !== undefined && promoted?.custom_event_type !== undefined
    const byCatalog = promoted?.product_set_id !== undefined
    if (!byPixel && !byCatalog) {
      throw invalid({
        title: "Promoted Object Required",
        message: "Sales ad sets need a promoted_object: a pixel_id with a custom_event_type (e.g. PURCHASE), or the product_set_id of a catalog.",
        field: "promoted_object",
      })
    }
  }
  if (!promoted) return
  if (promoted.pixel_id !== undefined) {
    const pixel = call.world.pixels[String(promoted.pixel_id)]
    if (!pixel || pixel.businessId !== call.account.businessId) {
      throw invalid({ title: "Invalid Pixel", message: `The pixel ${String(promoted.pixel_id)} doesn't exist or this ad account can't use it.`, field: "promoted_object.pixel_id" })
    }
    if (promoted.custom_event_type === undefined && goal === "OFFSITE_CONVERSIONS") {
      throw invalid({ title: "Conversion Event Required", message: "Choose the conversion event (custom_event_type) the ad set optimises for.", field: "promoted_object.custom_event_type" })
    }
  }
  if (promoted.custom_event_type !== undefined && !CUSTOM_EVENT_TYPES.includes(String(promoted.custom_event_type))) {
    throw badParam("promoted_object.custom_event_type", `Param promoted_object[custom_event_type] must be one of {${CUSTOM_EVENT_TYPES.join(", ")}} - got "${String(promoted.custom_event_type)}"`)
  }
  if (promoted.product_set_id !== undefined && !productSetOfBusiness(call, String(promoted.product_set_id))) {
    throw invalid({ title: "Invalid Product Set", message: `The product set ${String(promoted.product_set_id)} doesn't exist in a catalog of this business.`, field: "promoted_object.product_set_id" })
  }
}

function checkGoal(campaign: CampaignRecord, goal: string, billing: string): void {
  const allowed = GOALS_BY_OBJECTIVE[campaign.objective]
  if (allowed && !allowed.includes(goal)) {
    throw invalid({
      title: "Performance Goal Not Available",
      message: `The performance goal ${goal} isn't available for campaigns with the objective ${campaign.objective}. Choose one of ${allowed.join(", ")}.`,
      field: "optimization_goal",
    })
  }
  if (billing !== "IMPRESSIONS" && BILLING_GOAL[billing] !== goal) {
    throw invalid({
      title: "Billing Event Not Available",
      message: `You can't be charged for ${billing} when the ad set optimises for ${goal}. Use IMPRESSIONS.`,
      field: "billing_event",
    })
  }
}

function usesCampaignBudget(campaign: CampaignRecord): boolean {
  return campaign.dailyBudget !== undefined || campaign.lifetimeBudget !== undefined
}

function bothBudgets(field: string) {
  return invalid({
    subcode: 1885621,
    title: "Budget Already Set on the Campaign",
    message: "This campaign uses an Advantage campaign budget, so its ad sets can't have their own budget. Remove the ad set budget or the campaign budget.",
    field,
  })
}

/**
 * Capped bid strategies need a bid (2490487, https://developers.facebook.com/docs/marketing-api/bidding/overview/bid-strategy);
 * an ad set with neither bid_strategy nor bid_amount is refused the same way, as integrations report Meta does.
 */
function checkBid(strategy: string | undefined, bidAmount: number | undefined, constraints: Record<string, unknown> | undefined, goal: string): void {
  const refusal = (message: string) =>
    invalid({ subcode: 2490487, title: "Bid Amount Or Bid Constraints Required For Bid Strategy", message, field: "bid_amount" })
  if (strategy === undefined && bidAmount === undefined) {
    throw refusal("Choose a bid_strategy (LOWEST_COST_WITHOUT_CAP for automatic bidding), or provide bid_amount to set a bid cap.")
  }
  if ((strategy === "LOWEST_COST_WITH_BID_CAP" || strategy === "COST_CAP") && bidAmount === undefined) {
    throw refusal("For bid cap you must provide bid amount field to set a bid cap. For cost cap, provide bid_amount as the target cost.")
  }
  if (strategy === "LOWEST_COST_WITH_MIN_ROAS" && (constraints?.roas_average_floor === undefined || goal !== "VALUE")) {
    throw refusal("For ROAS goal, you must provide roas average floor in bid constraints and 'VALUE' as optimization goal.")
  }
}

export function campaignOf(call: AdsCall, campaignId: string | undefined): CampaignRecord {
  if (!campaignId) throw missingParam("campaign_id")
  const campaign = call.ads.campaigns.get(campaignId)
  if (!campaign || campaign.accountId !== call.account.id || campaign.status === "DELETED") {
    throw invalid({ title: "Invalid Campaign", message: `The campaign ${campaignId} doesn't exist in this ad account.`, field: "campaign_id" })
  }
  if (campaign.status === "ARCHIVED") throw invalid({ title: "Campaign Archived", message: `The campaign ${campaignId} is archived: nothing can be added to it.`, field: "campaign_id" })
  return campaign
}

export function createAdSet(call: AdsCall): Record<string, unknown> {
  const { params } = call
  const name = text(params, "name")
  if (!name) throw missingParam("name")
  const campaign = campaignOf(call, text(params, "campaign_id"))
  const goal = enumParam(params, "optimization_goal", OPTIMIZATION_GOALS)
  if (!goal) throw missingParam("optimization_goal")
  const billing = enumParam(params, "billing_event", BILLING_EVENTS)
  if (!billing) throw missingParam("billing_event")
  const targeting = objectParam(params, "targeting")
  if (!targeting) throw missingParam("targeting")
  checkGoal(campaign, goal, billing)
  checkTargeting(call, targeting)
  const promoted = objectParam(params, "promoted_object")
  checkPromotedObject(call, campaign, promoted, goal)
  const status = createStatus(params)
  const start = timeParam(params, "start_time") ?? call.now
  const end = timeParam(params, "end_time")
  if (end !== undefined && end <= start) throw invalid({ title: "Invalid End Date", message: "The end_time must be after the start_time.", field: "end_time" })
  if (end !== undefined && end <= call.now) throw invalid({ title: "End Date in the Past", message: "The end_time must be in the future.", field: "end_time" })

  const daily = integerParam(params, "daily_budget")
  const lifetime = integerParam(params, "lifetime_budget")
  const bidAmount = integerParam(params, "bid_amount")
  const constraints = objectParam(params, "bid_constraints")
  const strategyParam = enumParam(params, "bid_strategy", BID_STRATEGIES)
  const floor = minimumFor(call.account.currency, billing).amount
  if (usesCampaignBudget(campaign)) {
    if (daily !== undefined || lifetime !== undefined) throw bothBudgets(daily !== undefined ? "daily_budget" : "lifetime_budget")
    const { floor: campaignMinimum, adSets } = campaignFloor(call, campaign, billing)
    const campaignDaily = campaign.dailyBudget ?? perDay(campaign.lifetimeBudget ?? 0, true, campaign.startTime ?? campaign.createdAt, campaign.stopTime)
    if (campaignDaily < campaignMinimum) tooLow(call, "daily_budget", campaignMinimum, adSets)
    checkBid(campaign.bidStrategy ?? "LOWEST_COST_WITHOUT_CAP", bidAmount, constraints, goal)
  } else {
    if (daily === undefined && lifetime === undefined) {
      throw invalid({ title: "Budget Required", message: "This campaign has no campaign budget, so the ad set needs a daily_budget or a lifetime_budget.", field: "daily_budget" })
    }
    if (daily !== undefined && lifetime !== undefined) {
      throw invalid({ title: "Choose One Budget", message: "Set either a daily budget or a lifetime budget, not both.", field: "lifetime_budget" })
    }
    if (lifetime !== undefined && end === undefined) {
      throw invalid({ title: "End Date Required", message: "An ad set with a lifetime budget needs an end_time.", field: "end_time" })
    }
    // Checked as sent, in the account's offset: COP 50000 passes as COP 50,000, and so does a 100× slip.
    if (daily !== undefined && daily < floor) tooLow(call, "daily_budget", floor)
    if (lifetime !== undefined && perDay(lifetime, true, start, end) < floor) tooLow(call, "lifetime_budget", floor)
    checkBid(strategyParam, bidAmount, constraints, goal)
  }
  const bidStrategy = usesCampaignBudget(campaign) ? strategyParam : strategyParam ?? (bidAmount !== undefined ? "LOWEST_COST_WITH_BID_CAP" : undefined)
  if (isValidateOnly(params)) return SUCCESS
  return applyChange(call, () => {
    const record: AdSetRecord = {
      id: newAdsId(call.ads),
      accountId: call.account.id,
      campaignId: campaign.id,
      name,
      status,
      createdAt: call.now,
      updatedAt: call.now,
      ...(daily !== undefined ? { dailyBudget: daily } : {}),
      ...(lifetime !== undefined ? { lifetimeBudget: lifetime } : {}),
      ...(bidStrategy ? { bidStrategy } : {}),
      ...(bidAmount !== undefined ? { bidAmount } : {}),
      ...(constraints ? { bidConstraints: constraints } : {}),
      billingEvent: billing,
      optimizationGoal: goal,
      targeting,
      ...(promoted ? { promotedObject: promoted } : {}),
      ...(has(params, "destination_type") ? { destinationType: text(params, "destination_type") } : {}),
      startTime: start,
      ...(end !== undefined ? { endTime: end } : {}),
      adIds: [],
    }
    call.ads.adSets.set(record.id, record)
    campaign.adSetIds.push(record.id)
    call.state.adSetIds.push(record.id)
    return { id: record.id }
  })
}

export function updateAdSet(call: AdsCall, adSet: AdSetRecord): Record<string, unknown> {
  const { params } = call
  checkEditable("Ad Set", adSet.status, params)
  const campaign = call.ads.campaigns.get(adSet.campaignId)
  if (!campaign) throw invalid({ title: "Invalid Campaign", message: "The ad set's campaign doesn't exist.", field: "campaign_id" })
  const status = updateStatus(params)
  const name = text(params, "name")
  const daily = integerParam(params, "daily_budget")
  const lifetime = integerParam(params, "lifetime_budget")
  if (usesCampaignBudget(campaign) && (daily !== undefined || lifetime !== undefined)) throw bothBudgets(daily !== undefined ? "daily_budget" : "lifetime_budget")
  if ((daily !== undefined && adSet.lifetimeBudget !== undefined) || (lifetime !== undefined && adSet.dailyBudget !== undefined)) {
    throw invalid({ title: "Budget Type Can't Be Changed", message: "You can't switch an ad set between a daily and a lifetime budget.", field: daily !== undefined ? "daily_budget" : "lifetime_budget" })
  }
  const end = timeParam(params, "end_time") ?? adSet.endTime
  const floor = minimumFor(call.account.currency, adSet.billingEvent).amount
  if (daily !== undefined && daily < floor) tooLow(call, "daily_budget", floor)
  if (lifetime !== undefined && perDay(lifetime, true, adSet.startTime, end) < floor) tooLow(call, "lifetime_budget", floor)
  const targeting = objectParam(params, "targeting")
  if (targeting) checkTargeting(call, targeting)
  const goal = enumParam(params, "optimization_goal", OPTIMIZATION_GOALS)
  if (goal) checkGoal(campaign, goal, adSet.billingEvent)
  const promoted = objectParam(params, "promoted_object")
  if (promoted) checkPromotedObject(call, campaign, promoted, goal ?? adSet.optimizationGoal)
  const bidAmount = integerParam(params, "bid_amount")
  const strategy = enumParam(params, "bid_strategy", BID_STRATEGIES)
  if (strategy && !usesCampaignBudget(campaign)) checkBid(strategy, bidAmount ?? adSet.bidAmount, objectParam(params, "bid_constraints") ?? adSet.bidConstraints, goal ?? adSet.optimizationGoal)
  const newEnd = timeParam(params, "end_time")
  if (newEnd !== undefined && newEnd <= adSet.startTime) throw invalid({ title: "Invalid End Date", message: "The end_time must be after the start_time.", field: "end_time" })
  if (isValidateOnly(params)) return SUCCESS
  applyChange(call, () => {
    if (status) adSet.status = status
    if (name) adSet.name = name
    if (daily !== undefined) adSet.dailyBudget = daily
    if (lifetime !== undefined) adSet.lifetimeBudget = lifetime
    if (targeting) adSet.targeting = targeting
    if (goal) adSet.optimizationGoal = goal
    if (promoted) adSet.promotedObject = promoted
    if (bidAmount !== undefined) adSet.bidAmount = bidAmount
    if (strategy) adSet.bidStrategy = strategy
    if (newEnd !== undefined) adSet.endTime = newEnd
    adSet.updatedAt = call.now
  })
  return SUCCESS
}
