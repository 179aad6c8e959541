import type { AdAccountRecord, World } from "../world"

/**
 * The Marketing API's side of the world: campaigns, ad sets, creatives, ads, ad rules, report runs,
 * delivery (spend by ad and day) and usage. It lives beside the world like the catalog and publishing
 * stores: a reset gives a fresh world and so an empty ads store with the default configuration.
 */

/** Configured status (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group#fields). */
export type AdObjectStatus = "ACTIVE" | "PAUSED" | "ARCHIVED" | "DELETED"
export const AD_OBJECT_STATUSES: AdObjectStatus[] = ["ACTIVE", "PAUSED", "ARCHIVED", "DELETED"]

export type AccessTier = "development_access" | "standard_access"

type Common = {
  id: string
  /** "act_<id>". */
  accountId: string
  name: string
  status: AdObjectStatus
  /** Ads clock (ms). */
  createdAt: number
  updatedAt: number
}

export type CampaignRecord = Common & {
  objective: string
  specialAdCategories: string[]
  specialAdCategoryCountry: string[]
  dailyBudget?: number
  lifetimeBudget?: number
  bidStrategy?: string
  budgetSharing?: boolean
  buyingType: string
  startTime?: number
  stopTime?: number
  spendCap?: number
  promotedObject?: Record<string, unknown>
  smartPromotionType?: string
  adSetIds: string[]
}

export type AdSetRecord = Common & {
  campaignId: string
  dailyBudget?: number
  lifetimeBudget?: number
  bidStrategy?: string
  bidAmount?: number
  bidConstraints?: Record<string, unknown>
  billingEvent: string
  optimizationGoal: string
  targeting: Record<string, unknown>
  promotedObject?: Record<string, unknown>
  destinationType?: string
  startTime: number
  endTime?: number
  adIds: string[]
  /** Set on copies (POST /{ad_set_id}/copies). */
  sourceAdSetId?: string
}

export type CreativeRecord = {
  id: string
  accountId: string
  name: string
  status: "ACTIVE" | "DELETED"
  createdAt: number
  objectType: "SHARE" | "PHOTO" | "VIDEO" | "STATUS" | "INSTAGRAM_MEDIA"
  objectStoryId?: string
  objectStorySpec?: Record<string, unknown>
  sourceInstagramMediaId?: string
  instagramUserId?: string
  productSetId?: string
  assetFeedSpec?: Record<string, unknown>
  urlTags?: string
  callToActionType?: string
}

export type AdRecord = Common & {
  adSetId: string
  campaignId: string
  creativeId: string
  trackingSpecs?: unknown
  conversionDomain?: string
  sourceAdId?: string
}

export type RuleHistoryResult = {
  object_id: string
  object_type: "CAMPAIGN" | "ADSET" | "AD"
  actions: { action: string; field?: string; old_value?: string; new_value?: string }[]
}

export type RuleHistoryEntry = {
  ruleId: string
  accountId: string
  /** Ads clock (ms). */
  at: number
  isManual: boolean
  results: RuleHistoryResult[]
  exceptionCode?: number
  exceptionMessage?: string
  evaluationSpec: Record<string, unknown>
  executionSpec: Record<string, unknown>
  scheduleSpec?: Record<string, unknown>
}

export type RuleRecord = {
  id: string
  accountId: string
  name: string
  status: "ENABLED" | "DISABLED" | "DELETED"
  evaluationSpec: Record<string, unknown>
  executionSpec: Record<string, unknown>
  scheduleSpec?: Record<string, unknown>
  createdAt: number
  updatedAt: number
  createdBy: { id: string; name: string }
  /** Ads clock (ms) of the last scheduled evaluation. */
  lastRunAt?: number
  /** Per object: when the rule last acted on it and how often (execution_options). */
  actedOn: Record<string, { lastAt: number; count: number }>
}

export type ReportRunRecord = {
  id: string
  accountId: string
  objectId: string
  createdAt: number
  polls: number
  steps: number
  fails: boolean
  dateStart: string
  dateStop: string
  rows: Record<string, unknown>[]
}

/** How an ad performs (emulated auction): costs in milli-offset units, rates in parts per million. */
export type PerformanceProfile = {
  cpmMilli: number
  ctrPpm: number
  purchaseRatePpm: number
  orderValueMilli: number
  frequencyMilli: number
}

export type WriteRecord = {
  /** ISO time (emulator clock). */
  at: string
  method: "POST" | "DELETE"
  path: string
  params: Record<string, unknown>
  validateOnly: boolean
  /** applied, validated (execution_options=["validate_only"]: nothing changed) or refused with Meta's error. */
  outcome: "applied" | "validated" | "refused"
  error?: { code: number; subcode?: number }
}

export type AccountAds = {
  id: string
  spendCap?: number
  campaignIds: string[]
  adSetIds: string[]
  adIds: string[]
  creativeIds: string[]
  ruleIds: string[]
  /** Ads clock (ms) up to which delivery has been accumulated. */
  settledAt: number
  /** Delivery rates by ad (milli-offset units per day), rebuilt after any change. */
  rates?: Map<string, AdRate>
  activeAds?: number
  usage: AccountUsage
}

export type AdRate = { milliPerDay: number; from: number; until: number }

export type AccountUsage = {
  /** Ad-account score entries (reads 1, writes 3) in the rolling decay window. */
  score: { at: number; points: number }[]
  blockedUntil?: number
  /** Business-use-case calls per type in the rolling hour. */
  buc: Record<string, { at: number; calls: number }[]>
  /** The active ads the business-use-case quotas were last based on, and when (ads clock) they were counted. */
  quotaAds?: { count: number; at: number }
}

export type AdsConfig = {
  accessTier: AccessTier
  /** Reads of a report run that find it unfinished (Not Started, Started, Running…) before it completes. */
  reportSteps: number
  /** The next N report runs end "Job Failed". */
  failReportRuns: number
}

export const DEFAULT_ADS_CONFIG: AdsConfig = { accessTier: "development_access", reportSteps: 3, failReportRuns: 0 }

export type AdsWorld = {
  accounts: Map<string, AccountAds>
  campaigns: Map<string, CampaignRecord>
  adSets: Map<string, AdSetRecord>
  creatives: Map<string, CreativeRecord>
  ads: Map<string, AdRecord>
  rules: Map<string, RuleRecord>
  ruleHistory: RuleHistoryEntry[]
  reportRuns: Map<string, ReportRunRecord>
  /** Spend by ad and account-local day, in milli-offset units. */
  delivery: Map<string, Map<string, number>>
  profiles: Map<string, Partial<PerformanceProfile>>
  writes: WriteRecord[]
  config: AdsConfig
  /** advance(ms) moves the ads clock ahead of the emulator clock by this much. */
  clockOffsetMs: number
  nextId: number
}

const adsWorlds = new WeakMap<World, AdsWorld>()

export function adsOf(world: World): AdsWorld {
  let state = adsWorlds.get(world)
  if (!state) {
    state = {
      accounts: new Map(),
      campaigns: new Map(),
      adSets: new Map(),
      creatives: new Map(),
      ads: new Map(),
      rules: new Map(),
      ruleHistory: [],
      reportRuns: new Map(),
      delivery: new Map(),
      profiles: new Map(),
      writes: [],
      config: { ...DEFAULT_ADS_CONFIG },
      clockOffsetMs: 0,
      nextId: 1,
    }
    adsWorlds.set(world, state)
  }
  return state
}

/** The ads clock: the emulator clock plus what advance() added. */
export function adsNow(world: World, now: () => number): number {
  return now() + adsOf(world).clockOffsetMs
}

/**
 * Marketing API ids: long numeric strings like Meta's (120200000000000001…), distinct from the world's
 * small ids, allocated in order so lists sort by creation.
 */
export function newAdsId(ads: AdsWorld): string {
  const id = `1202${String(ads.nextId).padStart(11, "0")}`
  ads.nextId += 1
  return id
}

export function accountAds(world: World, account: AdAccountRecord, nowMs: number): AccountAds {
  const ads = adsOf(world)
  let state = ads.accounts.get(account.id)
  if (!state) {
    state = { id: account.id, campaignIds: [], adSetIds: [], adIds: [], creativeIds: [], ruleIds: [], settledAt: nowMs, usage: { score: [], buc: {} } }
    ads.accounts.set(account.id, state)
  }
  return state
}

/** The structure changed: delivery rates and the active-ad count are rebuilt on next use. */
export function invalidateRates(state: AccountAds): void {
  state.rates = undefined
  state.activeAds = undefined
}
