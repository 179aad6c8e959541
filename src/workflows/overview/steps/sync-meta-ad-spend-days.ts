import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { deriveAdMetrics, type InsightsRow } from "../../../lib/ads/ad-metrics"
import { isTimeZone } from "../../../lib/ads/account-time"
import { addDays, localDay } from "../../../lib/overview/report-time"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"
import { META_OVERVIEW_MODULE } from "../../../modules/meta-overview"
import type { default as MetaOverviewModuleService, SpendDayRow } from "../../../modules/meta-overview/service"

export type SyncedSpendDays = { synced: boolean; reason?: string; ad_account_id?: string; days: number }

/** The first read goes back this far; later reads re-read this many days (Meta revises recent days as conversions arrive). */
export const FIRST_READ_DAYS = 90
export const REREAD_DAYS = 35

/**
 * Reads the ad account's spend and purchase figures per day (account-level insights, time_increment=1) and
 * stores them as Meta reports them, days without delivery as zero. A read only: the stored days are replaced
 * by the next read, so there is nothing to compensate.
 * https://developers.facebook.com/docs/marketing-api/insights/ (level=account, time_increment, time_range)
 */
export const syncMetaAdSpendDaysStep = createStep("sync-meta-ad-spend-days", async (_: void, { container }) => {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const overview = container.resolve<MetaOverviewModuleService>(META_OVERVIEW_MODULE)
  const none = (reason: string): SyncedSpendDays => ({ synced: false, reason, days: 0 })
  const connection = await meta.retrieveLiveConnection()
  const act = connection?.ad_account_id
  if (!act) return new StepResponse(none("no ad account selected"))
  const live = await meta.getConnectionToken()
  if (!live) return new StepResponse(none("the connection needs attention"))
  const graph = meta.getGraphClient()
  try {
    const [mirrored] = await ads.listMetaAdAccounts({ meta_id: act })
    let account = mirrored ? { currency: mirrored.currency, timezone_name: mirrored.timezone_name } : null
    if (!account) {
      account = await graph.get<{ currency: string; timezone_name: string }>(act, { token: live.token, params: { fields: "currency,timezone_name" } })
    }
    const timeZone = isTimeZone(account.timezone_name) ? account.timezone_name : "UTC"
    const until = localDay(Date.now(), timeZone)
    const since = addDays(until, -((await overview.latestSpendDay(act)) ? REREAD_DAYS : FIRST_READ_DAYS) + 1)
    const rows = await graph.listAll<InsightsRow & { date_start?: string }>(`${act}/insights`, {
      token: live.token,
      params: { level: "account", time_increment: 1, time_range: JSON.stringify({ since, until }), fields: "spend,actions,action_values" },
      pageSize: 100,
    })
    const byDay = new Map<string, { spend: string; purchase_value: string; purchases: number }>()
    for (const row of rows) {
      if (!row.date_start) continue
      const m = deriveAdMetrics(row)
      byDay.set(row.date_start, { spend: m.spend, purchase_value: m.purchase_value, purchases: Number(m.purchases) })
    }
    const days: SpendDayRow[] = []
    for (let day = since; day <= until; day = addDays(day, 1)) {
      days.push({ day, ...(byDay.get(day) ?? { spend: "0", purchase_value: "0", purchases: 0 }) })
    }
    await overview.saveSpendDays({ adAccountId: act, currency: account.currency, days })
    return new StepResponse<SyncedSpendDays>({ synced: true, ad_account_id: act, days: days.length })
  } catch (error) {
    await meta.recordGraphFailure(live.connectionId, error)
    throw error
  }
})
