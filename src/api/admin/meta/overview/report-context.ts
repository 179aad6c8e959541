import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isTimeZone } from "../../../../lib/ads/account-time"
import { addDays, dayStartInstant, localDay, weekStart } from "../../../../lib/overview/report-time"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../../modules/meta-ads/service"
import type { MetaOverviewPeriod } from "../../../../types/http/overview"

export type AdAccountRow = { id: string; meta_id: string; name: string; currency: string; timezone_name: string; daily_budget_ceiling: string | null }

/**
 * Where the overview and the ROI report count: the ad account's time zone and currency (Meta reports its days
 * and spend in them), else UTC and the store's default currency.
 */
export async function resolveReportContext(scope: MedusaContainer) {
  const meta = scope.resolve<MetaModuleService>(META_MODULE)
  const ads = scope.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const connection = await meta.retrieveLiveConnection()
  const [account] = connection?.ad_account_id ? ((await ads.listMetaAdAccounts({ meta_id: connection.ad_account_id })) as unknown as AdAccountRow[]) : []
  const timeZone = account && isTimeZone(account.timezone_name) ? account.timezone_name : "UTC"
  let currency = account?.currency
  if (!currency) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: stores } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] })
    const supported = ((stores[0] as Record<string, any> | undefined)?.supported_currencies ?? []) as { currency_code: string; is_default: boolean }[]
    currency = supported.find((c) => c.is_default)?.currency_code ?? supported[0]?.currency_code ?? "usd"
  }
  return { meta, ads, connection, account: account ?? null, timeZone, currency: currency.toUpperCase() }
}

/** Local days `from`…`to` as instants, the last one included as the lists filter (end − 1 ms). */
export function period(fromDay: string, toDay: string, timeZone: string): MetaOverviewPeriod & { start: Date; end: Date } {
  const start = dayStartInstant(fromDay, timeZone)
  const end = dayStartInstant(addDays(toDay, 1), timeZone)
  return { from: start.toISOString(), to: new Date(end.getTime() - 1).toISOString(), from_day: fromDay, to_day: toDay, start, end }
}

/** Today and this ISO week (Monday to Sunday) in the zone. */
export function currentPeriods(now: Date, timeZone: string) {
  const today = localDay(now, timeZone)
  const monday = weekStart(today)
  return { todayDay: today, today: period(today, today, timeZone), week: period(monday, addDays(monday, 6), timeZone) }
}
