import type { AdAccountRecord, World } from "../world"
import { accumulate, settle } from "./delivery"
import { DAY_MS, isTimeZone, minimumBudgets } from "./money"
import {
  accountAds,
  adsOf,
  invalidateRates,
  newAdsId,
  type AdObjectStatus,
  type AdRecord,
  type AdSetRecord,
  type CampaignRecord,
  type CreativeRecord,
} from "./store"

/**
 * Bulk seeding of an ad account straight into the store (no HTTP, no validation round trips), for
 * tests and benchmarks: 500 campaigns × 4 ad sets × 5 ads is one call. Objects follow the shape the API
 * would have created: ODAX objective, special_ad_categories [], ad-set budgets (or an Advantage campaign
 * budget) in the currency's offset, targeting with a country and an explicit Advantage+ audience choice.
 */
export type SeedAccountInput = {
  /** "act_123" or "123"; an existing account gets the new objects added. */
  id: string
  name?: string
  /** ISO 4217, default USD. */
  currency?: string
  /** IANA zone, default America/Los_Angeles. */
  timezone?: string
  businessId?: string
  campaigns?: number
  adSetsPerCampaign?: number
  adsPerAdSet?: number
  /** Configured status of every seeded campaign, ad set and ad (default ACTIVE). */
  status?: "ACTIVE" | "PAUSED"
  /** Offset units per ad set (or per campaign with campaignBudget); default 10 × the impressions minimum. */
  dailyBudget?: number
  campaignBudget?: boolean
  /** Default OUTCOME_SALES when the business has a pixel, else OUTCOME_TRAFFIC. */
  objective?: string
  /** Delivery already accumulated for this many days before now (the objects are backdated). */
  historyDays?: number
}

export type SeededAccount = { accountId: string; campaignIds: string[]; adSetIds: string[]; adIds: string[]; creativeIds: string[] }

function positiveInt(value: number | undefined, name: string, fallback: number): number {
  const number = value ?? fallback
  if (!Number.isInteger(number) || number < 0) throw new Error(`${name} must be a non-negative integer`)
  return number
}

export function seedAccount(world: World, nowMs: number, input: SeedAccountInput): SeededAccount {
  const id = input.id.startsWith("act_") ? input.id : `act_${input.id}`
  if (!/^act_\d+$/.test(id)) throw new Error(`Ad account id must be numeric (act_<digits>), got "${input.id}"`)
  const currency = input.currency ?? world.adAccounts[id]?.currency ?? "USD"
  if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`currency must be an ISO 4217 code, got "${currency}"`)
  const timezone = input.timezone ?? world.adAccounts[id]?.timezoneName ?? "America/Los_Angeles"
  if (!isTimeZone(timezone)) throw new Error(`timezone must be an IANA time zone, got "${timezone}"`)
  const businessId = input.businessId ?? world.adAccounts[id]?.businessId ?? Object.keys(world.businesses)[0]
  if (!businessId || !world.businesses[businessId]) throw new Error(`No business "${businessId ?? ""}" in the emulator world`)
  const campaigns = positiveInt(input.campaigns, "campaigns", 0)
  const adSetsPerCampaign = positiveInt(input.adSetsPerCampaign, "adSetsPerCampaign", 1)
  const adsPerAdSet = positiveInt(input.adsPerAdSet, "adsPerAdSet", 1)
  if (adsPerAdSet > 50) throw new Error("adsPerAdSet: Meta allows at most 50 ads per ad set")
  const historyDays = positiveInt(input.historyDays, "historyDays", 0)

  const account: AdAccountRecord = world.adAccounts[id] ?? {
    id,
    accountId: id.slice(4),
    name: input.name ?? `Ad account ${id.slice(4)}`,
    currency,
    accountStatus: 1,
    timezoneName: timezone,
    businessId,
  }
  Object.assign(account, { currency, timezoneName: timezone, ...(input.name ? { name: input.name } : {}) })
  world.adAccounts[id] = account
  const ads = adsOf(world)
  const state = accountAds(world, account, nowMs)
  settle(world, account, state, nowMs)

  const status: AdObjectStatus = input.status ?? "ACTIVE"
  const budget = input.dailyBudget ?? 10 * minimumBudgets(currency).min_daily_budget_imp
  const pixel = Object.values(world.pixels).find((p) => p.businessId === businessId)
  const page = Object.values(world.pages).find((p) => p.businessId === businessId)
  const objective = input.objective ?? (pixel ? "OUTCOME_SALES" : "OUTCOME_TRAFFIC")
  const sales = objective === "OUTCOME_SALES" && pixel !== undefined
  const createdAt = nowMs - historyDays * DAY_MS
  const seeded: SeededAccount = { accountId: id, campaignIds: [], adSetIds: [], adIds: [], creativeIds: [] }
  const base = { accountId: id, status, createdAt, updatedAt: createdAt }

  for (let c = 0; c < campaigns; c += 1) {
    const campaign: CampaignRecord = {
      ...base,
      id: newAdsId(ads),
      name: `Campaign ${state.campaignIds.length + 1}`,
      objective,
      specialAdCategories: [],
      specialAdCategoryCountry: [],
      ...(input.campaignBudget ? { dailyBudget: budget, bidStrategy: "LOWEST_COST_WITHOUT_CAP" } : { budgetSharing: false }),
      buyingType: "AUCTION",
      adSetIds: [],
    }
    ads.campaigns.set(campaign.id, campaign)
    state.campaignIds.push(campaign.id)
    seeded.campaignIds.push(campaign.id)
    for (let s = 0; s < adSetsPerCampaign; s += 1) {
      const adSet: AdSetRecord = {
        ...base,
        id: newAdsId(ads),
        campaignId: campaign.id,
        name: `${campaign.name} · Ad set ${s + 1}`,
        ...(input.campaignBudget ? {} : { dailyBudget: budget, bidStrategy: "LOWEST_COST_WITHOUT_CAP" }),
        billingEvent: "IMPRESSIONS",
        optimizationGoal: sales ? "OFFSITE_CONVERSIONS" : "LINK_CLICKS",
        targeting: { geo_locations: { countries: ["US"] }, targeting_automation: { advantage_audience: 0 } },
        ...(sales && pixel ? { promotedObject: { pixel_id: pixel.id, custom_event_type: "PURCHASE" } } : {}),
        destinationType: "WEBSITE",
        startTime: createdAt,
        adIds: [],
      }
      ads.adSets.set(adSet.id, adSet)
      campaign.adSetIds.push(adSet.id)
      state.adSetIds.push(adSet.id)
      seeded.adSetIds.push(adSet.id)
      for (let a = 0; a < adsPerAdSet; a += 1) {
        const creative: CreativeRecord = {
          id: newAdsId(ads),
          accountId: id,
          name: `${adSet.name} · Creative ${a + 1}`,
          status: "ACTIVE",
          createdAt,
          objectType: "SHARE",
          objectStorySpec: {
            page_id: page?.id ?? "0",
            link_data: { link: "https://shop.example/products", message: "Seeded ad", name: `Product ${a + 1}`, call_to_action: { type: "SHOP_NOW" } },
          },
        }
        ads.creatives.set(creative.id, creative)
        state.creativeIds.push(creative.id)
        seeded.creativeIds.push(creative.id)
        const ad: AdRecord = {
          ...base,
          id: newAdsId(ads),
          adSetId: adSet.id,
          campaignId: campaign.id,
          creativeId: creative.id,
          name: `${adSet.name} · Ad ${a + 1}`,
        }
        ads.ads.set(ad.id, ad)
        adSet.adIds.push(ad.id)
        state.adIds.push(ad.id)
        seeded.adIds.push(ad.id)
      }
    }
  }
  invalidateRates(state)
  if (historyDays > 0 && seeded.adIds.length) accumulate(world, account, state, createdAt, nowMs, new Set(seeded.adIds))
  return seeded
}
