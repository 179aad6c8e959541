import { createHash } from "node:crypto"
import type { AdAccountRecord, World } from "../world"
import { addDays, DAY_MS, localDate, oneDollar, startOfLocalDate } from "./money"
import {
  adsOf,
  type AccountAds,
  type AdObjectStatus,
  type AdRate,
  type AdRecord,
  type AdSetRecord,
  type AdsWorld,
  type CampaignRecord,
  type PerformanceProfile,
} from "./store"

/**
 * Emulated delivery. An ad whose effective status is ACTIVE, inside its schedule, in an active account,
 * spends its share of the budget continuously: a daily budget is spent once per day (exactly, without
 * Meta's up-to-75 % daily overspend), a lifetime budget evenly between start and end. An ad set's budget
 * is shared equally by its delivering ads, an Advantage campaign budget by the campaign's delivering ad
 * sets. Spend is accumulated lazily ("settled") per account-local day, always with the rates in force
 * before a change, so figures follow deterministically from the writes and the clock. Impressions,
 * clicks, reach and purchases follow from spend through each ad's performance profile.
 */

// ---- Effective status (https://developers.facebook.com/docs/marketing-api/reference/adgroup#fields) ----

function dominant(statuses: AdObjectStatus[]): "DELETED" | "ARCHIVED" | undefined {
  if (statuses.includes("DELETED")) return "DELETED"
  if (statuses.includes("ARCHIVED")) return "ARCHIVED"
  return undefined
}

export function campaignEffectiveStatus(campaign: CampaignRecord): string {
  return campaign.status
}

export function adSetEffectiveStatus(ads: AdsWorld, adSet: AdSetRecord): string {
  const campaign = ads.campaigns.get(adSet.campaignId)
  const gone = dominant([adSet.status, campaign?.status ?? "DELETED"])
  if (gone) return gone
  if (adSet.status === "PAUSED") return "PAUSED"
  if (campaign?.status === "PAUSED") return "CAMPAIGN_PAUSED"
  return "ACTIVE"
}

export function adEffectiveStatus(ads: AdsWorld, ad: AdRecord): string {
  const adSet = ads.adSets.get(ad.adSetId)
  const campaign = ads.campaigns.get(ad.campaignId)
  const gone = dominant([ad.status, adSet?.status ?? "DELETED", campaign?.status ?? "DELETED"])
  if (gone) return gone
  if (ad.status === "PAUSED") return "PAUSED"
  if (campaign?.status === "PAUSED") return "CAMPAIGN_PAUSED"
  if (adSet?.status === "PAUSED") return "ADSET_PAUSED"
  return "ACTIVE"
}

// ---- Rates --------------------------------------------------------------------------------------

/** A budget as milli-offset units per day (lifetime budgets spread over their schedule). */
function dailyMilli(daily: number | undefined, lifetime: number | undefined, from: number, until: number): number {
  if (daily !== undefined) return daily * 1000
  if (lifetime === undefined || !Number.isFinite(until) || until <= from) return 0
  return Number((BigInt(lifetime) * 1000n * BigInt(DAY_MS)) / BigInt(Math.round(until - from)))
}

function computeRates(world: World, account: AdAccountRecord, state: AccountAds): Map<string, AdRate> {
  const ads = adsOf(world)
  const rates = new Map<string, AdRate>()
  let active = 0
  if (account.accountStatus !== 1) {
    state.activeAds = 0
    return rates
  }
  for (const campaignId of state.campaignIds) {
    const campaign = ads.campaigns.get(campaignId)
    if (!campaign || campaign.status !== "ACTIVE") continue
    const delivering: { adSet: AdSetRecord; adIds: string[] }[] = []
    for (const adSetId of campaign.adSetIds) {
      const adSet = ads.adSets.get(adSetId)
      if (!adSet || adSet.status !== "ACTIVE") continue
      const adIds = adSet.adIds.filter((id) => ads.ads.get(id)?.status === "ACTIVE")
      if (adIds.length) delivering.push({ adSet, adIds })
    }
    for (const { adSet, adIds } of delivering) {
      active += adIds.length
      const from = Math.max(adSet.startTime, campaign.startTime ?? 0)
      const until = Math.min(adSet.endTime ?? Infinity, campaign.stopTime ?? Infinity)
      const adSetMilli =
        campaign.dailyBudget !== undefined || campaign.lifetimeBudget !== undefined
          ? dailyMilli(campaign.dailyBudget, campaign.lifetimeBudget, campaign.startTime ?? from, campaign.stopTime ?? until) / delivering.length
          : dailyMilli(adSet.dailyBudget, adSet.lifetimeBudget, from, until)
      // One rate object for the ad set's ads: accumulate() computes each distinct rate once per day.
      const rate: AdRate = { milliPerDay: Math.floor(adSetMilli / adIds.length), from, until }
      for (const adId of adIds) rates.set(adId, rate)
    }
  }
  state.activeAds = active
  return rates
}

export function ratesOf(world: World, account: AdAccountRecord, state: AccountAds): Map<string, AdRate> {
  if (!state.rates) state.rates = computeRates(world, account, state)
  return state.rates
}

/** Ads delivering now (the "Number of Active ads" of Meta's business-use-case quotas). */
export function activeAdCount(world: World, account: AdAccountRecord, state: AccountAds): number {
  ratesOf(world, account, state)
  return state.activeAds ?? 0
}

function cumulative(milliPerDay: number, atMs: number): number {
  return Number((BigInt(milliPerDay) * BigInt(Math.round(atMs))) / BigInt(DAY_MS))
}

/** Adds each delivering ad's spend between two instants, split by account-local day (only `onlyAdIds` when given). */
export function accumulate(world: World, account: AdAccountRecord, state: AccountAds, fromMs: number, toMs: number, onlyAdIds?: Set<string>): void {
  const rates = ratesOf(world, account, state)
  const delivery = adsOf(world).delivery
  let start = fromMs
  while (start < toMs) {
    const day = localDate(account.timezoneName, start)
    const end = Math.min(toMs, startOfLocalDate(account.timezoneName, addDays(day, 1)))
    const amounts = new Map<AdRate, number>()
    for (const [adId, rate] of rates) {
      if (onlyAdIds && !onlyAdIds.has(adId)) continue
      let amount = amounts.get(rate)
      if (amount === undefined) {
        const from = Math.max(start, rate.from)
        const until = Math.min(end, rate.until)
        // Cumulative from a fixed origin, so that pieces add up exactly (one day at 5000/day is 5000, not 4999).
        amount = until <= from || rate.milliPerDay <= 0 ? 0 : cumulative(rate.milliPerDay, until) - cumulative(rate.milliPerDay, from)
        amounts.set(rate, amount)
      }
      if (amount <= 0) continue
      let days = delivery.get(adId)
      if (!days) {
        days = new Map()
        delivery.set(adId, days)
      }
      days.set(day, (days.get(day) ?? 0) + amount)
    }
    start = end
  }
}

/** Accumulates spend up to `nowMs` with the rates in force; call before any change and before any read. */
export function settle(world: World, account: AdAccountRecord, state: AccountAds, nowMs: number): void {
  if (nowMs <= state.settledAt) return
  accumulate(world, account, state, state.settledAt, nowMs)
  state.settledAt = nowMs
}

// ---- Performance --------------------------------------------------------------------------------

function hashUnit(key: string, salt: string): number {
  return createHash("sha256").update(`${salt}:${key}`).digest().readUInt32BE(0) / 0x100000000
}

const profileCache = new WeakMap<AdsWorld, Map<string, PerformanceProfile>>()

/** The ad's emulated auction figures: deterministic per ad id, overridden by setPerformance on it or a parent. */
export function profileOf(ads: AdsWorld, ad: AdRecord, currency: string): PerformanceProfile {
  let cache = profileCache.get(ads)
  if (!cache) {
    cache = new Map()
    profileCache.set(ads, cache)
  }
  const dollarMilli = oneDollar(currency) * 1000
  let base = cache.get(`${ad.id}:${currency}`)
  if (!base) {
    base = {
      cpmMilli: Math.round(dollarMilli * (6 + 8 * hashUnit(ad.id, "cpm"))),
      ctrPpm: Math.round(8000 + 17000 * hashUnit(ad.id, "ctr")),
      purchaseRatePpm: Math.round(20000 + 40000 * hashUnit(ad.id, "cvr")),
      orderValueMilli: Math.round(dollarMilli * (30 + 60 * hashUnit(ad.id, "aov"))),
      frequencyMilli: Math.round(1100 + 500 * hashUnit(ad.id, "frequency")),
    }
    cache.set(`${ad.id}:${currency}`, base)
  }
  const overrides = [ads.profiles.get(ad.campaignId), ads.profiles.get(ad.adSetId), ads.profiles.get(ad.id)]
  return Object.assign({}, base, ...overrides.filter(Boolean))
}

/** Whether the ad is optimised for purchases (its campaign sells, or the ad set promotes a pixel or product set). */
export function countsPurchases(ads: AdsWorld, ad: AdRecord): boolean {
  const campaign = ads.campaigns.get(ad.campaignId)
  const adSet = ads.adSets.get(ad.adSetId)
  const promoted = adSet?.promotedObject ?? {}
  return campaign?.objective === "OUTCOME_SALES" || "pixel_id" in promoted || "product_set_id" in promoted
}

export type CumulativeFigures = { impressions: number; clicks: number; purchases: number }

/**
 * What an ad has delivered once it has spent `spendMilli` in all: impressions from the CPM, clicks from
 * the CTR, purchases from the purchase rate. Counts of a day are differences of these cumulative
 * figures, so days and ranges add up exactly.
 */
export function cumulativeFigures(profile: PerformanceProfile, spendMilli: number, purchases: boolean): CumulativeFigures {
  const impressions = Math.floor((spendMilli * 1000) / Math.max(1, profile.cpmMilli))
  const clicks = Math.floor((impressions * profile.ctrPpm) / 1_000_000)
  return { impressions, clicks, purchases: purchases ? Math.floor((clicks * profile.purchaseRatePpm) / 1_000_000) : 0 }
}

/**
 * Reach over a period: impressions divided by a frequency that grows with the days the ad delivered
 * (the same people see it again), never more than the impressions.
 */
export function periodReach(profile: PerformanceProfile, impressions: number, activeDays: number): number {
  const frequencyMilli = profile.frequencyMilli + 150 * Math.max(0, activeDays - 1)
  return Math.min(impressions, Math.floor((impressions * 1000) / frequencyMilli))
}

/** Everything an ad spent (offset units), for amount_spent. */
export function lifetimeSpendMilli(ads: AdsWorld, adIds: string[]): number {
  let total = 0
  for (const adId of adIds) for (const milli of ads.delivery.get(adId)?.values() ?? []) total += milli
  return total
}

/** amount_spent is an offset-unit integer string. */
export function offsetUnits(milli: number): number {
  return Math.floor(milli / 1000)
}

