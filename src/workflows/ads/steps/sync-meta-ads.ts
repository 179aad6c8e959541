import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { usagePct } from "../../../lib/ads/marketing-api-usage"
import { insightsMode } from "../../../lib/ads/report-runs"
import { GraphError } from "../../../lib/graph"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type { AdRow, AdSetRow, CampaignRow, InsightsLevel } from "../../../modules/meta-ads/mirror-repository"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"
import { describeStop, eachLimited, InsightsUnavailable, MarketingApiReader, ReportStillRunning, SyncStopped, type Listed } from "../marketing-api-reader"

export type SyncedAds = {
  /** The mirror is complete: this run finished the pass. */
  synced: boolean
  /** complete; partial (a pass under way, continued by the next run); waiting (Meta's limits: no call before resumes_at); skipped. */
  state: "complete" | "partial" | "waiting" | "skipped"
  reason?: string
  resumes_at: string | null
  campaigns: number
  ad_sets: number
  ads: number
  /** Graph calls this run made. */
  calls: number
  /** Asynchronous report runs this run created. */
  report_runs: number
}

/** The ranges mirrored (Marketing API date presets): the admin's three, and the 3 days rules look back by default. */
export const AD_RANGES = ["today", "last_3d", "last_7d", "last_30d"] as const
const LEVELS: InsightsLevel[] = ["campaign", "adset", "ad"]
/** Insights listings (or report runs) under way at once: fewer calls in flight past a stop, and Meta's queue kept short. */
const INSIGHTS_CONCURRENCY = 4
/** An unfinished pass older than this starts over (its listings describe another account by now). */
const MAX_PASS_AGE_MS = 60 * 60_000

const INSIGHT_FIELDS = "spend,impressions,reach,frequency,clicks,inline_link_clicks,actions,action_values,purchase_roas"
const CAMPAIGN_FIELDS = "id,name,objective,status,effective_status,daily_budget,lifetime_budget,bid_strategy,special_ad_categories,start_time,stop_time"
const AD_SET_FIELDS =
  "id,campaign_id,name,status,effective_status,daily_budget,lifetime_budget,bid_strategy,optimization_goal,billing_event,targeting,promoted_object,start_time,end_time"
const AD_FIELDS = "id,adset_id,name,status,effective_status,creative{id,object_story_id,source_instagram_media_id,product_set_id},ad_review_feedback"
const ID_FIELD: Record<InsightsLevel, string> = { campaign: "campaign_id", adset: "adset_id", ad: "ad_id" }

/** What an unfinished pass has done: "account", "objects", then "<level>:<range>" per insights listing. */
type Progress = {
  started_at: string
  done: string[]
  account_id?: string
  counts?: { campaigns: number; ad_sets: number; ads: number }
  /** Report runs Meta was still preparing when a run ended, by "<level>:<range>". */
  report_runs: Record<string, string>
}

const text = (v: unknown) => (v === undefined || v === null || v === "" ? null : String(v))

const campaignRow = (c: Listed): CampaignRow => ({
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
})

const adSetRow = (s: Listed): AdSetRow => ({
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
})

const adRow = (a: Listed): AdRow => ({
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
})

/**
 * Mirrors the connection's ad account: its currency, time zone and minimum budgets, every campaign, ad
 * set and ad (flat listings of 500 per call), and their performance for today / 3 / 7 / 30 days (one
 * insights listing per level and range, `level=` on the account; a level with more than
 * ASYNC_INSIGHTS_MIN_OBJECTS objects through asynchronous report runs).
 * https://developers.facebook.com/docs/marketing-api/insights/ (level, date_preset),
 * https://developers.facebook.com/docs/marketing-api/insights/best-practices/#asynchronous
 *
 * Meta's rate limits are honoured (https://developers.facebook.com/docs/marketing-api/overview/rate-limiting):
 * at the usage high-water mark or on a throttling answer the run stops calling, records why and when
 * access returns, and the next run after that time carries on where this one stopped — what a pass has
 * done is kept in `meta_ad_sync.progress`, each finished insights listing already written. Before that
 * time a run makes no call at all. A read only; the mirror is overwritten by the next pass, so there is
 * nothing to compensate.
 */
export const syncMetaAdsStep = createStep("sync-meta-ads", async (_: void, { container }) => {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const skipped = (reason: string): SyncedAds => ({ synced: false, state: "skipped", reason, resumes_at: null, campaigns: 0, ad_sets: 0, ads: 0, calls: 0, report_runs: 0 })
  const live = await meta.getConnectionToken()
  if (!live) return new StepResponse(skipped("not connected"))
  const connection = await meta.retrieveLiveConnection()
  const act = connection?.ad_account_id
  if (!act) return new StepResponse(skipped("no ad account selected"))

  const started = Date.now()
  const [saved] = await ads.listMetaAdSyncs({ ad_account_meta_id: act })
  const previous = (saved?.progress ?? null) as Progress | null
  const counted = (p: Progress | null) => ({ campaigns: p?.counts?.campaigns ?? 0, ad_sets: p?.counts?.ad_sets ?? 0, ads: p?.counts?.ads ?? 0 })
  if (saved?.resumes_at && new Date(saved.resumes_at).getTime() > started) {
    return new StepResponse<SyncedAds>({
      synced: false,
      state: "waiting",
      reason: saved.reason ?? "waiting for Meta's rate limit",
      resumes_at: new Date(saved.resumes_at).toISOString(),
      ...counted(previous),
      calls: 0,
      report_runs: 0,
    })
  }
  const resumable = previous && saved?.state !== "complete" && started - Date.parse(previous.started_at) < MAX_PASS_AGE_MS
  const progress: Progress = resumable ? { ...previous, done: [...previous.done], report_runs: { ...previous.report_runs } } : { started_at: new Date(started).toISOString(), done: [], report_runs: {} }
  const isDone = (key: string) => progress.done.includes(key)

  const graph = meta.getGraphClient()
  const reader = new MarketingApiReader(graph, live.token, act, { since: started })
  const fetched: { level: InsightsLevel; range: string; rows: Listed[] }[] = []
  const notes: string[] = []
  let stopped: SyncStopped | undefined
  let failure: unknown

  try {
    if (!isDone("account") || !progress.account_id) {
      const account = await reader.get(act, { fields: "id,name,currency,timezone_name,account_status" })
      const minimums = await reader.get<{ data?: Listed[] }>(`${act}/minimum_budgets`)
      progress.account_id = await ads.saveAdAccount({
        meta_id: act,
        name: account.name ?? act,
        currency: account.currency,
        timezone_name: account.timezone_name ?? "UTC",
        account_status: account.account_status ?? null,
        minimum_budgets: minimums.data?.find((m) => m.currency === account.currency) ?? minimums.data?.[0] ?? null,
        usage_pct: null,
      })
      progress.done.push("account")
    }
    if (!isDone("objects")) {
      const [campaigns, adSets, adList] = await Promise.all([
        reader.listAll(`${act}/campaigns`, { fields: CAMPAIGN_FIELDS }),
        reader.listAll(`${act}/adsets`, { fields: AD_SET_FIELDS }),
        reader.listAll(`${act}/ads`, { fields: AD_FIELDS }),
      ])
      await ads.saveMirror({ accountId: progress.account_id, campaigns: campaigns.map(campaignRow), adSets: adSets.map(adSetRow), ads: adList.map(adRow) })
      progress.counts = { campaigns: campaigns.length, ad_sets: adSets.length, ads: adList.length }
      progress.done.push("objects")
    }
    const counts = counted(progress)
    const objectsAt: Record<InsightsLevel, number> = { campaign: counts.campaigns, adset: counts.ad_sets, ad: counts.ads }
    const tasks = LEVELS.flatMap((level) => AD_RANGES.map((range) => ({ level, range, key: `${level}:${range}` }))).filter((t) => !isDone(t.key))
    const errors = await eachLimited(tasks, INSIGHTS_CONCURRENCY, async ({ level, range, key }) => {
      const runId = progress.report_runs[key]
      try {
        const result = await reader.insights({
          level,
          range,
          fields: `${ID_FIELD[level]},${INSIGHT_FIELDS}`,
          mode: insightsMode(objectsAt[level]),
          runId,
          onReportRun: (id) => (progress.report_runs[key] = id),
        })
        delete progress.report_runs[key]
        fetched.push({ level, range, rows: result.rows })
        if (result.note) notes.push(result.note)
      } catch (error) {
        if (error instanceof ReportStillRunning) {
          notes.push(`${error.message}: ${level} insights (${range}) are read on the next run`)
          return
        }
        // A failed report whose direct read failed too, or a report run Meta no longer knows: next run starts that range afresh.
        if (error instanceof InsightsUnavailable || (runId && error instanceof GraphError && error.category === "invalid")) {
          delete progress.report_runs[key]
          notes.push(error.message)
          return
        }
        throw error
      }
    })
    stopped = errors.find((e): e is SyncStopped => e instanceof SyncStopped)
    failure = errors.find((e) => !(e instanceof SyncStopped))
  } catch (error) {
    if (error instanceof SyncStopped) stopped = error
    else failure = error
  }

  // Whatever finished is kept, even when the run stopped short: each level in one statement.
  if (progress.account_id) {
    for (const level of LEVELS) {
      const mine = fetched.filter((f) => f.level === level)
      if (!mine.length) continue
      const byId = new Map<string, Record<string, unknown>>()
      for (const { range, rows } of mine) {
        for (const row of rows) {
          const id = row[ID_FIELD[level]]
          if (!id) continue
          const { [ID_FIELD[level]]: _id, date_start: _s, date_stop: _e, ...figures } = row
          byId.set(`${id}`, { ...(byId.get(`${id}`) ?? {}), [range]: figures })
        }
      }
      await ads.saveInsights({ accountId: progress.account_id, level, ranges: mine.map((m) => m.range), rows: [...byId].map(([meta_id, insights]) => ({ meta_id, insights })) })
      progress.done.push(...mine.map((m) => `${level}:${m.range}`))
    }
  }

  const complete = isDone("objects") && LEVELS.every((level) => AD_RANGES.every((range) => isDone(`${level}:${range}`)))
  const resumesAt = stopped ? new Date(Date.now() + stopped.waitMs) : null
  const state: SyncedAds["state"] = stopped ? "waiting" : complete ? "complete" : "partial"
  const reason = stopped
    ? describeStop(stopped, resumesAt!)
    : complete
      ? null
      : [...notes, ...(failure ? [`the run failed: ${(failure as Error).message}`] : [])].join("; ") || "the pass continues on the next run"
  await ads.saveSyncState({ ad_account_meta_id: act, state, reason, resumes_at: resumesAt, progress: complete ? null : progress, calls: reader.calls, completed: complete })
  const usage = usagePct(reader.reading())
  if (progress.account_id && usage !== null) await ads.updateMetaAdAccounts({ id: progress.account_id, usage_pct: Math.round(usage) })
  if (failure) throw failure

  return new StepResponse<SyncedAds>({
    synced: complete,
    state,
    ...(reason ? { reason } : {}),
    resumes_at: resumesAt?.toISOString() ?? null,
    ...counted(progress),
    calls: reader.calls,
    report_runs: reader.reportRuns,
  })
})
