import {
  deriveAdMetrics,
  formatDecimal,
  fromMetaBudget,
  isTimeZone,
  lookbackRanges,
  metaBudgetDecimals,
  parseDecimal,
  StoreRevenueIndex,
  storeFigures,
  type InsightsRow,
  type StoreRevenueEntry,
  type StoreRevenueLevelName,
} from "../../../../lib/ads"
import { currencyDigits } from "../../../../lib/capi"
import type MetaAdsModuleService from "../../../../modules/meta-ads/service"
import type {
  MetaAd,
  MetaAdAccount,
  MetaAdMetrics,
  MetaAdRange,
  MetaAdSet,
  MetaAdStatus,
  MetaAdStoreTotals,
  MetaCampaign,
  MetaStoreRevenueInCurrency,
} from "../../../../types/http/ads"

const RANGES: MetaAdRange[] = ["today", "last_3d", "last_7d", "last_30d"]
const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null)
const count = (v: string | null | undefined) => (v === null || v === undefined ? 0 : Number(v))

/** Money in the account currency, with its usual decimals ("175.00" USD, "50000" COP). */
function amount(value: string, currency: string): string
function amount(value: string | null, currency: string): string | null
function amount(value: string | null, currency: string): string | null {
  return value === null ? null : formatDecimal(parseDecimal(value), metaBudgetDecimals(currency))
}

/** Revenue in a currency that may not be the account's (nor one Meta bills in): its ISO 4217 decimals. */
function inCurrency(entries: StoreRevenueEntry[]): MetaStoreRevenueInCurrency[] {
  return entries.map((e) => ({ currency: e.currency, amount: formatDecimal(parseDecimal(e.amount), currencyDigits(e.currency)), orders: e.orders }))
}

/** Where an object's store figures are looked up: the index of attributed revenue, its level and Meta id. */
type StoreLookup = { index: StoreRevenueIndex; level: StoreRevenueLevelName; meta_id: string }

function metricsOf(insights: unknown, currency: string, store?: StoreLookup): Partial<Record<MetaAdRange, MetaAdMetrics>> {
  const byRange = (insights ?? {}) as Partial<Record<MetaAdRange, InsightsRow>>
  const out: Partial<Record<MetaAdRange, MetaAdMetrics>> = {}
  for (const range of RANGES) {
    const row = byRange[range]
    const revenue = store ? store.index.get(store.level, store.meta_id, range) : []
    // A range Meta has not reported is absent, unless the store has orders for it (then Meta's figures are 0).
    if (!row && !revenue.length) continue
    const m = deriveAdMetrics(row ?? {})
    const figures = storeFigures(revenue, currency, m)
    out[range] = {
      spend: amount(m.spend, currency),
      impressions: count(m.impressions),
      reach: m.reach === null ? null : count(m.reach),
      frequency: m.frequency,
      clicks: count(m.clicks),
      link_clicks: m.link_clicks === null ? null : count(m.link_clicks),
      cpm: m.cpm,
      cpc: m.cpc,
      ctr: m.ctr,
      purchases: count(m.purchases),
      purchase_value: amount(m.purchase_value, currency),
      roas: m.roas,
      cost_per_purchase: m.cost_per_purchase,
      store_orders: figures.store_orders,
      store_revenue: amount(figures.store_revenue, currency),
      store_roas: figures.store_roas,
      store_revenue_other_currencies: inCurrency(figures.store_revenue_other_currencies),
    }
  }
  return out
}

/** The attributed revenue to present beside the mirror: every range, in the account's time zone. */
export type StoreRevenue = { index: StoreRevenueIndex; totals: Partial<Record<MetaAdRange, MetaAdStoreTotals>> }

/**
 * Loads the store's revenue from orders attributed to ads for these objects (Meta ids; all when omitted), in
 * one aggregate query, over the ranges Meta's figures cover, cut at midnight in the ad account's time zone.
 */
export async function loadStoreRevenue(
  ads: MetaAdsModuleService,
  account: { currency: string; timezone_name: string },
  metaIds?: string[],
  now: Date = new Date()
): Promise<StoreRevenue> {
  const timeZone = isTimeZone(account.timezone_name) ? account.timezone_name : "UTC"
  const ranges = lookbackRanges(now, timeZone).filter((r) => (RANGES as string[]).includes(r.lookback))
  const rows = await ads.storeRevenue({ timeZone, ranges, metaIds })
  const index = new StoreRevenueIndex(rows)
  const totals: Partial<Record<MetaAdRange, MetaAdStoreTotals>> = {}
  for (const range of RANGES) {
    const accountRows = rows.filter((r) => r.level === "account" && r.lookback === range)
    const all = accountRows.map((r) => ({ currency: r.currency_code, amount: r.revenue, orders: r.orders }))
    const unknown = accountRows.map((r) => ({ currency: r.currency_code, amount: r.unknown_revenue, orders: r.unknown_orders }))
    const figures = storeFigures(all, account.currency)
    const unknownFigures = storeFigures(unknown, account.currency)
    totals[range] = {
      orders: figures.store_orders,
      revenue: amount(figures.store_revenue, account.currency),
      ad_unknown_orders: unknownFigures.store_orders,
      ad_unknown_revenue: amount(unknownFigures.store_revenue, account.currency),
      other_currencies: inCurrency(figures.store_revenue_other_currencies),
    }
  }
  return { index, totals }
}

/** Meta ids of campaigns and the ad sets / ads loaded with them, for narrowing the store revenue query. */
export function metaIdsOf(campaigns: Row[]): string[] {
  const ids: string[] = []
  for (const c of campaigns) {
    ids.push(c.meta_id)
    for (const s of Array.isArray(c.ad_sets) ? c.ad_sets : []) {
      ids.push(s.meta_id)
      for (const a of Array.isArray(s.ads) ? s.ads : []) ids.push(a.meta_id)
    }
  }
  return ids
}

const money = (units: string | null, currency: string) => (units ? fromMetaBudget(units, currency) : null)

type Row = Record<string, any>

export function presentAdAccount(a: Row): MetaAdAccount {
  const min = a.minimum_budgets?.min_daily_budget_imp
  return {
    id: a.id,
    meta_id: a.meta_id,
    name: a.name,
    currency: a.currency,
    timezone_name: a.timezone_name,
    account_status: a.account_status ?? null,
    minimum_daily_budget: min !== undefined && min !== null ? fromMetaBudget(String(min), a.currency) : null,
    synced_at: iso(a.synced_at),
    usage_pct: a.usage_pct ?? null,
    rules_paused: !!a.rules_paused,
    daily_budget_ceiling: money(a.daily_budget_ceiling, a.currency),
  }
}

export function presentAd(a: Row, currency: string, store?: StoreRevenueIndex): MetaAd {
  return {
    id: a.id,
    meta_id: a.meta_id,
    ad_set_id: a.ad_set_id,
    name: a.name,
    status: a.status as MetaAdStatus,
    effective_status: a.effective_status,
    metrics: metricsOf(a.insights, currency, store && { index: store, level: "ad", meta_id: a.meta_id }),
    synced_at: iso(a.synced_at),
    creative: {
      id: a.creative?.id ?? null,
      object_story_id: a.creative?.object_story_id ?? null,
      source_instagram_media_id: a.creative?.source_instagram_media_id ?? null,
      product_set_id: a.creative?.product_set_id ?? null,
    },
    review_feedback: a.review_feedback ?? null,
    product_ids: a.product_ids ?? [],
  }
}

export function presentAdSet(s: Row, currency: string, store?: StoreRevenueIndex): MetaAdSet {
  return {
    id: s.id,
    meta_id: s.meta_id,
    campaign_id: s.campaign_id,
    name: s.name,
    status: s.status as MetaAdStatus,
    effective_status: s.effective_status,
    daily_budget: money(s.daily_budget, currency),
    daily_budget_minor: s.daily_budget ?? null,
    lifetime_budget: money(s.lifetime_budget, currency),
    lifetime_budget_minor: s.lifetime_budget ?? null,
    optimization_goal: s.optimization_goal ?? null,
    billing_event: s.billing_event ?? null,
    bid_strategy: s.bid_strategy ?? null,
    targeting: s.targeting ?? null,
    start_time: iso(s.start_time),
    end_time: iso(s.end_time),
    metrics: metricsOf(s.insights, currency, store && { index: store, level: "ad_set", meta_id: s.meta_id }),
    synced_at: iso(s.synced_at),
    ...(Array.isArray(s.ads) ? { ads: s.ads.map((a: Row) => presentAd(a, currency, store)) } : {}),
  }
}

export function presentCampaign(c: Row, currency: string, store?: StoreRevenueIndex): MetaCampaign {
  return {
    id: c.id,
    meta_id: c.meta_id,
    ad_account_id: c.ad_account_id,
    name: c.name,
    objective: c.objective,
    status: c.status as MetaAdStatus,
    effective_status: c.effective_status,
    daily_budget: money(c.daily_budget, currency),
    daily_budget_minor: c.daily_budget ?? null,
    lifetime_budget: money(c.lifetime_budget, currency),
    lifetime_budget_minor: c.lifetime_budget ?? null,
    bid_strategy: c.bid_strategy ?? null,
    special_ad_categories: c.special_ad_categories ?? [],
    start_time: iso(c.start_time),
    stop_time: iso(c.stop_time),
    metrics: metricsOf(c.insights, currency, store && { index: store, level: "campaign", meta_id: c.meta_id }),
    synced_at: iso(c.synced_at),
    ...(Array.isArray(c.ad_sets) ? { ad_sets: c.ad_sets.map((s: Row) => presentAdSet(s, currency, store)) } : {}),
  }
}
