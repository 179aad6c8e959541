import type { EmulatorState } from "../emulator-state"
import { adEffectiveStatus, adSetEffectiveStatus, lifetimeSpendMilli, offsetUnits, settle } from "./delivery"
import { accountToday, adFigures, addFigures, earliestDay, presetRange, type Figures } from "./insights"
import { currencyOffset, mainUnitText } from "./money"
import { runDueRules } from "./rules"
import { seedAccount, type SeedAccountInput, type SeededAccount } from "./seed-account"
import {
  accountAds,
  adsOf,
  type AccessTier,
  type AdRecord,
  type AdSetRecord,
  type CampaignRecord,
  type CreativeRecord,
  type PerformanceProfile,
  type RuleHistoryEntry,
  type RuleRecord,
  type WriteRecord,
} from "./store"
import { setAccountUsage, type BucType } from "./usage"

export type { SeedAccountInput, SeededAccount } from "./seed-account"
export type { AccessTier, WriteRecord } from "./store"

export type EmulatedAdAccount = {
  id: string
  accountId: string
  name: string
  currency: string
  timezoneName: string
  accountStatus: number
  businessId: string
  /** Offset units; 0 = none. */
  spendCap: number
  /** Offset units spent so far (what amount_spent reads). */
  amountSpent: number
  campaigns: number
  adSets: number
  ads: number
}
export type EmulatedCampaign = Omit<CampaignRecord, "adSetIds"> & { adSetIds: string[]; effectiveStatus: string }
export type EmulatedAdSet = Omit<AdSetRecord, "adIds"> & { adIds: string[]; effectiveStatus: string }
export type EmulatedAd = AdRecord & { effectiveStatus: string }
export type EmulatedCreative = CreativeRecord
export type EmulatedRule = Omit<RuleRecord, "actedOn">
export type EmulatedRuleRun = RuleHistoryEntry
/** Figures of an object over a range: spend as Meta's decimal string in the main unit. */
export type EmulatedInsights = { spend: string; impressions: number; reach: number; clicks: number; purchases: number; purchaseValue: string }
/** Emulated auction figures: cpm and orderValue in the main unit ("12.50"), ctr and purchaseRate in percent, frequency per person. */
export type PerformanceInput = { cpm?: number | string; ctr?: number | string; purchaseRate?: number | string; orderValue?: number | string; frequency?: number | string }
export type AdsConfigInput = { accessTier?: AccessTier; reportSteps?: number; failReportRuns?: number }

/** A decimal (number or string, no exponent) times 10^exponent, as an integer. */
function scaled(value: number | string, exponent: number, name: string): number {
  const text = String(value).trim()
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match) throw new Error(`${name} must be a non-negative decimal, got "${text}"`)
  const fraction = (match[2] ?? "").padEnd(exponent, "0").slice(0, exponent)
  return Number(match[1]) * 10 ** exponent + (exponent ? Number(fraction) : 0)
}

/**
 * The Marketing API as tests and the sandbox see it: the objects, a bulk seeder, the ads clock
 * (advance), usage and performance knobs, and the log of write calls. `reset()` of the emulator empties
 * it and restores the defaults (development access tier, report runs complete after 3 reads).
 */
export class EmulatorAds {
  constructor(private readonly state: EmulatorState) {}

  private get world() {
    return this.state.world
  }

  private get store() {
    return adsOf(this.state.world)
  }

  /** The ads clock (ms): the emulator clock plus everything advance() added. */
  now(): number {
    return this.state.now() + this.store.clockOffsetMs
  }

  private account(act: string) {
    const id = act.startsWith("act_") ? act : `act_${act}`
    const account = this.world.adAccounts[id]
    if (!account) throw new Error(`No ad account "${act}" in the emulator world`)
    const state = accountAds(this.world, account, this.now())
    settle(this.world, account, state, this.now())
    return { account, state }
  }

  accounts(): EmulatedAdAccount[] {
    return Object.values(this.world.adAccounts).map((record) => {
      const { account, state } = this.account(record.id)
      return {
        id: account.id,
        accountId: account.accountId,
        name: account.name,
        currency: account.currency,
        timezoneName: account.timezoneName,
        accountStatus: account.accountStatus,
        businessId: account.businessId,
        spendCap: state.spendCap ?? 0,
        amountSpent: offsetUnits(lifetimeSpendMilli(this.store, state.adIds)),
        campaigns: state.campaignIds.length,
        adSets: state.adSetIds.length,
        ads: state.adIds.length,
      }
    })
  }

  /** Campaigns of an account (all when omitted), oldest first. */
  campaigns(act?: string): EmulatedCampaign[] {
    const ids = act ? this.account(act).state.campaignIds : [...this.store.campaigns.keys()]
    return ids.flatMap((id) => {
      const c = this.store.campaigns.get(id)
      return c ? [{ ...structuredClone(c), effectiveStatus: c.status }] : []
    })
  }

  /** Ad sets of an account or a campaign (all when omitted), oldest first. */
  adSets(parentId?: string): EmulatedAdSet[] {
    const ids = parentId === undefined ? [...this.store.adSets.keys()] : parentId.startsWith("act_") ? this.account(parentId).state.adSetIds : this.store.campaigns.get(parentId)?.adSetIds ?? []
    return ids.flatMap((id) => {
      const s = this.store.adSets.get(id)
      return s ? [{ ...structuredClone(s), effectiveStatus: adSetEffectiveStatus(this.store, s) }] : []
    })
  }

  /** Ads of an account, campaign or ad set (all when omitted), oldest first. */
  ads(parentId?: string): EmulatedAd[] {
    let ids: string[]
    if (parentId === undefined) ids = [...this.store.ads.keys()]
    else if (parentId.startsWith("act_")) ids = this.account(parentId).state.adIds
    else if (this.store.campaigns.has(parentId)) ids = (this.store.campaigns.get(parentId)?.adSetIds ?? []).flatMap((s) => this.store.adSets.get(s)?.adIds ?? [])
    else ids = this.store.adSets.get(parentId)?.adIds ?? []
    return ids.flatMap((id) => {
      const a = this.store.ads.get(id)
      return a ? [{ ...structuredClone(a), effectiveStatus: adEffectiveStatus(this.store, a) }] : []
    })
  }

  creatives(act?: string): EmulatedCreative[] {
    const ids = act ? this.account(act).state.creativeIds : [...this.store.creatives.keys()]
    return ids.flatMap((id) => {
      const c = this.store.creatives.get(id)
      return c ? [structuredClone(c)] : []
    })
  }

  /** Ad rules (adrules_library) of an account (all when omitted), deleted ones included with status DELETED. */
  rules(act?: string): EmulatedRule[] {
    const ids = act ? this.account(act).state.ruleIds : [...this.store.rules.keys()]
    return ids.flatMap((id) => {
      const rule = this.store.rules.get(id)
      if (!rule) return []
      const { actedOn: _acted, ...rest } = structuredClone(rule)
      return [rest]
    })
  }

  /** Evaluations of a rule (all rules when omitted), oldest first. */
  ruleHistory(ruleId?: string): EmulatedRuleRun[] {
    return this.store.ruleHistory.filter((e) => ruleId === undefined || e.ruleId === ruleId).map((e) => structuredClone(e))
  }

  /**
   * An object's figures (account, campaign, ad set or ad) over account-local dates, by default its whole
   * life: what GET /{id}/insights reports, without paging.
   */
  insights(objectId: string, range: { since?: string; until?: string; datePreset?: string } = {}): EmulatedInsights {
    const ads = this.store
    const adIds = objectId.startsWith("act_")
      ? this.account(objectId).state.adIds
      : ads.campaigns.has(objectId)
        ? (ads.campaigns.get(objectId)?.adSetIds ?? []).flatMap((id) => ads.adSets.get(id)?.adIds ?? [])
        : ads.adSets.has(objectId)
          ? ads.adSets.get(objectId)?.adIds ?? []
          : ads.ads.has(objectId)
            ? [objectId]
            : undefined
    if (!adIds) throw new Error(`No ad account, campaign, ad set or ad "${objectId}" in the emulator`)
    const accountId = objectId.startsWith("act_") ? objectId : (ads.campaigns.get(objectId) ?? ads.adSets.get(objectId) ?? ads.ads.get(objectId))?.accountId
    if (!accountId) throw new Error(`No ad account for "${objectId}"`)
    const { account } = this.account(accountId)
    const today = accountToday(account, this.now())
    const earliest = () => earliestDay(ads, adIds, today)
    const { since, until } = range.datePreset ? presetRange(range.datePreset, today, earliest) : { since: range.since ?? earliest(), until: range.until ?? today }
    const total: Figures = { spendMilli: 0, impressions: 0, clicks: 0, purchases: 0, purchaseValueMilli: 0, reach: 0 }
    for (const id of adIds) {
      const ad = ads.ads.get(id)
      if (ad) addFigures(total, adFigures(ads, ad, account.currency, since, until))
    }
    return {
      spend: mainUnitText(total.spendMilli, account.currency),
      impressions: total.impressions,
      reach: total.reach,
      clicks: total.clicks,
      purchases: total.purchases,
      purchaseValue: mainUnitText(total.purchaseValueMilli, account.currency),
    }
  }

  /** Creates (or fills) an ad account with campaigns × ad sets × ads in one step; fast enough for 10,000 ads. */
  seedAccount(input: SeedAccountInput): SeededAccount {
    return seedAccount(this.world, this.now(), input)
  }

  /** Moves the ads clock: ACTIVE objects spend meanwhile, enabled ad rules run at each half hour they're due. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error("advance(ms) needs a non-negative number of milliseconds")
    const from = this.now()
    this.store.clockOffsetMs += ms
    runDueRules(this.world, from, this.now())
  }

  /** Usage of an account as a percentage of its ad-account score (default) or of a business-use-case quota; ≥ 100 throttles the next call. */
  setUsage(act: string, percent: number, type: "account" | BucType = "account"): void {
    const { account, state } = this.account(act)
    setAccountUsage(this.world, account, state, percent, type, this.now())
  }

  /** Emulated auction figures of a campaign, ad set or ad (inherited by the ads below); they apply to all of its figures, past ones included. */
  setPerformance(objectId: string, input: PerformanceInput): void {
    const ads = this.store
    const accountId = ads.campaigns.get(objectId)?.accountId ?? ads.adSets.get(objectId)?.accountId ?? ads.ads.get(objectId)?.accountId
    if (!accountId) throw new Error(`No campaign, ad set or ad "${objectId}" in the emulator`)
    const currency = this.world.adAccounts[accountId]?.currency ?? "USD"
    const offsetDigits = currencyOffset(currency) === 100 ? 2 : 0
    const profile: Partial<PerformanceProfile> = { ...ads.profiles.get(objectId) }
    if (input.cpm !== undefined) profile.cpmMilli = Math.max(1, scaled(input.cpm, offsetDigits + 3, "cpm"))
    if (input.orderValue !== undefined) profile.orderValueMilli = scaled(input.orderValue, offsetDigits + 3, "orderValue")
    if (input.ctr !== undefined) profile.ctrPpm = scaled(input.ctr, 4, "ctr")
    if (input.purchaseRate !== undefined) profile.purchaseRatePpm = scaled(input.purchaseRate, 4, "purchaseRate")
    if (input.frequency !== undefined) profile.frequencyMilli = Math.max(1000, scaled(input.frequency, 3, "frequency"))
    ads.profiles.set(objectId, profile)
  }

  configure(config: AdsConfigInput): void {
    const current = this.store.config
    if (config.accessTier !== undefined) {
      if (config.accessTier !== "development_access" && config.accessTier !== "standard_access") throw new Error('accessTier must be "development_access" or "standard_access"')
      current.accessTier = config.accessTier
    }
    if (config.reportSteps !== undefined) {
      if (!Number.isInteger(config.reportSteps) || config.reportSteps < 1) throw new Error("reportSteps must be a positive integer")
      current.reportSteps = config.reportSteps
    }
    if (config.failReportRuns !== undefined) {
      if (!Number.isInteger(config.failReportRuns) || config.failReportRuns < 0) throw new Error("failReportRuns must be a non-negative integer")
      current.failReportRuns = config.failReportRuns
    }
  }

  /** Write calls (POST/DELETE) that reached an ads object, oldest first, tokens left out. */
  writes(filter: { method?: string; path?: string | RegExp } = {}): WriteRecord[] {
    return this.store.writes
      .filter((w) => !filter.method || w.method === filter.method.toUpperCase())
      .filter((w) => !filter.path || (typeof filter.path === "string" ? w.path.includes(filter.path) : filter.path.test(w.path)))
      .map((w) => structuredClone(w))
  }

  clearWrites(): void {
    this.store.writes.length = 0
  }
}

/** GET /_emulator/ads: everything the ads store holds (?account=act_… narrows it, ?summary=1 leaves the lists out). */
export function adsControlState(state: EmulatorState, query: Record<string, string>): Record<string, unknown> {
  const ads = new EmulatorAds(state)
  const account = query.account
  const summary = query.summary === "1" || query.summary === "true"
  const base = { now: new Date(ads.now()).toISOString(), config: { ...adsOf(state.world).config }, accounts: ads.accounts() }
  if (summary) return { ...base, writes: ads.writes().length }
  return {
    ...base,
    campaigns: ads.campaigns(account),
    ad_sets: ads.adSets(account),
    ads: ads.ads(account),
    creatives: ads.creatives(account),
    rules: ads.rules(account),
    rule_history: ads.ruleHistory().filter((e) => !account || e.accountId === account),
    writes: ads.writes(),
  }
}

/**
 * POST /_emulator/ads/config: {"access_tier", "report_steps", "fail_report_runs", "advance_ms",
 * "usage": {"act_…": percent}, "performance": {"<id>": {cpm, ctr, purchase_rate, order_value, frequency}},
 * "seed": {id, currency, timezone, campaigns, ad_sets_per_campaign, ads_per_ad_set, …}, "clear_writes"}.
 */
export function configureAdsFromControl(state: EmulatorState, body: Record<string, unknown>): Record<string, unknown> {
  const ads = new EmulatorAds(state)
  ads.configure({
    accessTier: body.access_tier as AccessTier | undefined,
    reportSteps: body.report_steps as number | undefined,
    failReportRuns: body.fail_report_runs as number | undefined,
  })
  for (const [act, percent] of Object.entries((body.usage ?? {}) as Record<string, number>)) ads.setUsage(act, Number(percent))
  for (const [id, p] of Object.entries((body.performance ?? {}) as Record<string, Record<string, number | string>>)) {
    ads.setPerformance(id, { cpm: p.cpm, ctr: p.ctr, purchaseRate: p.purchase_rate ?? p.purchaseRate, orderValue: p.order_value ?? p.orderValue, frequency: p.frequency })
  }
  let seeded: SeededAccount | undefined
  if (body.seed && typeof body.seed === "object") {
    const s = body.seed as Record<string, unknown>
    seeded = ads.seedAccount({
      id: String(s.id ?? ""),
      name: s.name as string | undefined,
      currency: s.currency as string | undefined,
      timezone: s.timezone as string | undefined,
      businessId: (s.business_id ?? s.businessId) as string | undefined,
      campaigns: s.campaigns as number | undefined,
      adSetsPerCampaign: (s.ad_sets_per_campaign ?? s.adSetsPerCampaign) as number | undefined,
      adsPerAdSet: (s.ads_per_ad_set ?? s.adsPerAdSet) as number | undefined,
      status: s.status as "ACTIVE" | "PAUSED" | undefined,
      dailyBudget: (s.daily_budget ?? s.dailyBudget) as number | undefined,
      campaignBudget: (s.campaign_budget ?? s.campaignBudget) as boolean | undefined,
      objective: s.objective as string | undefined,
      historyDays: (s.history_days ?? s.historyDays) as number | undefined,
    })
  }
  if (body.advance_ms !== undefined) ads.advance(Number(body.advance_ms))
  if (body.clear_writes === true) ads.clearWrites()
  return {
    configured: true,
    now: new Date(ads.now()).toISOString(),
    ...(seeded ? { seeded: { account_id: seeded.accountId, campaigns: seeded.campaignIds.length, ad_sets: seeded.adSetIds.length, ads: seeded.adIds.length } } : {}),
  }
}
