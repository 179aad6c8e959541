import { isTimeZone, lookbackRanges, StoreRevenueIndex, storeFigures, type RuleLookback, type RuleObject } from "../../lib/ads"
import type MetaAdsModuleService from "../../modules/meta-ads/service"

/**
 * Gives each object the store's truth for rules on store_revenue / store_roas: the revenue of the orders
 * attributed to it in each lookback window (account-zone days, as Meta's insights), in the account currency
 * only — orders in other currencies stay out. One aggregate query for all objects; an object without
 * attributed orders has revenue "0" (money spent, nothing sold is a store ROAS of 0) — once the store has
 * attributed any order to an ad at all. Before that (no storefront helper, or no sale from an ad yet) store
 * revenue is unknown and rules on it skip rather than pause every ad that spends.
 */
export async function attachStoreRevenue(
  ads: MetaAdsModuleService,
  account: { currency: string; timezone_name: string },
  objects: RuleObject[],
  now: Date = new Date()
): Promise<void> {
  const timeZone = isTimeZone(account.timezone_name) ? account.timezone_name : "UTC"
  const ranges = lookbackRanges(now, timeZone)
  const [any] = await ads.listMetaAdAttributions({}, { take: 1, select: ["id"] })
  if (!any) {
    for (const object of objects) object.store_metrics = null
    return
  }
  const index = new StoreRevenueIndex(await ads.storeRevenue({ timeZone, ranges }))
  for (const object of objects) {
    const byLookback: Partial<Record<RuleLookback, { revenue: string }>> = {}
    for (const { lookback } of ranges) {
      byLookback[lookback] = { revenue: storeFigures(index.get(object.level, object.id, lookback), account.currency).store_revenue }
    }
    object.store_metrics = byLookback
  }
}
