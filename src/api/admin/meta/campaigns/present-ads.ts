import { deriveAdMetrics, formatDecimal, fromMetaBudget, metaBudgetDecimals, parseDecimal, type InsightsRow } from "../../../../lib/ads"
import type { MetaAd, MetaAdAccount, MetaAdMetrics, MetaAdRange, MetaAdSet, MetaAdStatus, MetaCampaign } from "../../../../types/http/ads"

const RANGES: MetaAdRange[] = ["today", "last_3d", "last_7d", "last_30d"]
const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null)
const count = (v: string | null | undefined) => (v === null || v === undefined ? 0 : Number(v))

/** Money in the account currency, with its usual decimals ("175.00" USD, "50000" COP). */
function amount(value: string, currency: string): string
function amount(value: string | null, currency: string): string | null
function amount(value: string | null, currency: string): string | null {
  return value === null ? null : formatDecimal(parseDecimal(value), metaBudgetDecimals(currency))
}

function metricsOf(insights: unknown, currency: string): Partial<Record<MetaAdRange, MetaAdMetrics>> {
  const byRange = (insights ?? {}) as Partial<Record<MetaAdRange, InsightsRow>>
  const out: Partial<Record<MetaAdRange, MetaAdMetrics>> = {}
  for (const range of RANGES) {
    const row = byRange[range]
    if (!row) continue
    const m = deriveAdMetrics(row)
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
      store_orders: 0,
      store_revenue: amount("0", currency),
      store_roas: null,
    }
  }
  return out
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

export function presentAd(a: Row, currency: string): MetaAd {
  return {
    id: a.id,
    meta_id: a.meta_id,
    ad_set_id: a.ad_set_id,
    name: a.name,
    status: a.status as MetaAdStatus,
    effective_status: a.effective_status,
    metrics: metricsOf(a.insights, currency),
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

export function presentAdSet(s: Row, currency: string): MetaAdSet {
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
    metrics: metricsOf(s.insights, currency),
    synced_at: iso(s.synced_at),
    ...(Array.isArray(s.ads) ? { ads: s.ads.map((a: Row) => presentAd(a, currency)) } : {}),
  }
}

export function presentCampaign(c: Row, currency: string): MetaCampaign {
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
    metrics: metricsOf(c.insights, currency),
    synced_at: iso(c.synced_at),
    ...(Array.isArray(c.ad_sets) ? { ad_sets: c.ad_sets.map((s: Row) => presentAdSet(s, currency)) } : {}),
  }
}
