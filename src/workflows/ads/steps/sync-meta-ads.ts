import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { GraphClient } from "../../../lib/graph"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type { AdRow, AdSetRow, CampaignRow } from "../../../modules/meta-ads/mirror-repository"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"

export type SyncedAds = { synced: boolean; reason?: string; campaigns: number; ad_sets: number; ads: number; calls: number }

/** Meta's largest page for these edges. */
const PAGE = 500
/** The ranges mirrored (Marketing API date presets): the admin's three, and the 3 days rules look back by default. */
export const AD_RANGES = ["today", "last_3d", "last_7d", "last_30d"] as const

const INSIGHT_FIELDS = "spend,impressions,reach,frequency,clicks,inline_link_clicks,actions,action_values,purchase_roas"
const CAMPAIGN_FIELDS = "id,name,objective,status,effective_status,daily_budget,lifetime_budget,bid_strategy,special_ad_categories,start_time,stop_time"
const AD_SET_FIELDS =
  "id,campaign_id,name,status,effective_status,daily_budget,lifetime_budget,bid_strategy,optimization_goal,billing_event,targeting,promoted_object,start_time,end_time"
const AD_FIELDS = "id,adset_id,name,status,effective_status,creative{id,object_story_id,source_instagram_media_id,product_set_id},ad_review_feedback"

type Listed = Record<string, any>

async function listAll(graph: GraphClient, token: string, path: string, params: Record<string, unknown>, calls: { n: number }): Promise<Listed[]> {
  const out: Listed[] = []
  let after: string | undefined
  do {
    const page = await graph.get<{ data?: Listed[]; paging?: { next?: string; cursors?: { after?: string } } }>(path, {
      token,
      params: { ...params, limit: PAGE, ...(after ? { after } : {}) },
    })
    calls.n++
    out.push(...(page.data ?? []))
    after = page.paging?.next ? page.paging.cursors?.after : undefined
  } while (after)
  return out
}

/**
 * Mirrors the connection's ad account: its currency, time zone and minimum budgets, every campaign, ad
 * set and ad (flat listings of 500 per call), and their performance for today / 3 / 7 / 30 days (one insights
 * listing per level and range, `level=` on the account). A read only; the mirror is overwritten by the
 * next pass, so there is nothing to compensate.
 * https://developers.facebook.com/docs/marketing-api/insights/ (level, date_preset)
 */
export const syncMetaAdsStep = createStep("sync-meta-ads", async (_: void, { container }) => {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const none = (reason: string): SyncedAds => ({ synced: false, reason, campaigns: 0, ad_sets: 0, ads: 0, calls: 0 })
  const live = await meta.getConnectionToken()
  if (!live) return new StepResponse(none("not connected"))
  const connection = await meta.retrieveLiveConnection()
  const act = connection?.ad_account_id
  if (!act) return new StepResponse(none("no ad account selected"))
  const graph = meta.getGraphClient()
  const token = live.token
  const calls = { n: 0 }

  const account = await graph.get<Listed>(act, { token, params: { fields: "id,name,currency,timezone_name,account_status" } })
  const minimums = await graph.get<{ data?: Listed[] }>(`${act}/minimum_budgets`, { token })
  calls.n += 2
  const accountId = await ads.saveAdAccount({
    meta_id: act,
    name: account.name ?? act,
    currency: account.currency,
    timezone_name: account.timezone_name ?? "UTC",
    account_status: account.account_status ?? null,
    minimum_budgets: minimums.data?.find((m) => m.currency === account.currency) ?? minimums.data?.[0] ?? null,
    usage_pct: null,
  })

  const [campaigns, adSets, adList] = await Promise.all([
    listAll(graph, token, `${act}/campaigns`, { fields: CAMPAIGN_FIELDS }, calls),
    listAll(graph, token, `${act}/adsets`, { fields: AD_SET_FIELDS }, calls),
    listAll(graph, token, `${act}/ads`, { fields: AD_FIELDS }, calls),
  ])
  const insights = new Map<string, Record<string, unknown>>()
  await Promise.all(
    (["campaign", "adset", "ad"] as const).flatMap((level) =>
      AD_RANGES.map(async (range) => {
        const idField = level === "campaign" ? "campaign_id" : level === "adset" ? "adset_id" : "ad_id"
        const rows = await listAll(graph, token, `${act}/insights`, { level, date_preset: range, fields: `${idField},${INSIGHT_FIELDS}` }, calls)
        for (const row of rows) {
          const id = row[idField]
          if (!id) continue
          const { [idField]: _id, date_start: _s, date_stop: _e, ...figures } = row
          insights.set(`${id}`, { ...(insights.get(`${id}`) ?? {}), [range]: figures })
        }
      })
    )
  )
  const text = (v: unknown) => (v === undefined || v === null || v === "" ? null : String(v))
  const campaignRows: CampaignRow[] = campaigns.map((c) => ({
    meta_id: c.id,
    name: c.name ?? c.id,
    objective: c.objective ?? "",
    status: c.status,
    effective_status: c.effective_status ?? c.status,
    daily_budget: text(c.daily_budget),
    lifetime_budget: text(c.lifetime_budget) === "0" ? null : text(c.lifetime_budget),
    bid_strategy: c.bid_strategy ?? null,
    special_ad_categories: c.special_ad_categories ?? null,
    start_time: c.start_time ?? null,
    stop_time: c.stop_time ?? null,
    insights: insights.get(c.id) ?? null,
  }))
  const adSetRows: AdSetRow[] = adSets.map((s) => ({
    meta_id: s.id,
    campaign_meta_id: s.campaign_id,
    name: s.name ?? s.id,
    status: s.status,
    effective_status: s.effective_status ?? s.status,
    daily_budget: text(s.daily_budget),
    lifetime_budget: text(s.lifetime_budget) === "0" ? null : text(s.lifetime_budget),
    bid_strategy: s.bid_strategy ?? null,
    optimization_goal: s.optimization_goal ?? null,
    billing_event: s.billing_event ?? null,
    targeting: s.targeting ?? null,
    promoted_object: s.promoted_object ?? null,
    start_time: s.start_time ?? null,
    end_time: s.end_time ?? null,
    insights: insights.get(s.id) ?? null,
  }))
  const adRows: AdRow[] = adList.map((a) => ({
    meta_id: a.id,
    ad_set_meta_id: a.adset_id,
    name: a.name ?? a.id,
    status: a.status,
    effective_status: a.effective_status ?? a.status,
    creative: a.creative
      ? {
          id: a.creative.id ?? null,
          object_story_id: a.creative.object_story_id ?? null,
          source_instagram_media_id: a.creative.source_instagram_media_id ?? null,
          product_set_id: a.creative.product_set_id ?? null,
        }
      : null,
    review_feedback: a.ad_review_feedback ?? null,
    insights: insights.get(a.id) ?? null,
  }))
  await ads.saveMirror({ accountId, campaigns: campaignRows, adSets: adSetRows, ads: adRows })
  return new StepResponse<SyncedAds>({ synced: true, campaigns: campaignRows.length, ad_sets: adSetRows.length, ads: adRows.length, calls: calls.n })
})
