import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { buildRoiReport } from "../../../../../lib/overview/roi-report"
import { type ReportInterval, addDays, daysBetween, localDay, monthStart, rangeInstants, weekStart } from "../../../../../lib/overview/report-time"
import { META_OVERVIEW_MODULE } from "../../../../../modules/meta-overview"
import type MetaOverviewModuleService from "../../../../../modules/meta-overview/service"
import { META_PUBLISHING_MODULE } from "../../../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../../../modules/meta-publishing/service"
import type { MetaRoiReport } from "../../../../../types/http/overview"
import { MAX_REPORT_DAYS } from "../../overview/validators"
import { resolveReportContext } from "../../overview/report-context"

/** Without `from`: the last 30 days, the last 12 weeks or the last 6 months (whole periods), up to `to`. */
function defaultFrom(to: string, interval: ReportInterval): string {
  if (interval === "day") return addDays(to, -29)
  if (interval === "week") return addDays(weekStart(to), -7 * 11)
  let start = monthStart(to)
  for (let i = 0; i < 5; i++) start = monthStart(addDays(start, -1))
  return start
}

/**
 * The ROI report over local days of the ad account's zone: Meta's daily spend as last read, and the orders
 * attributed to ads and to publications, summed per day by the database (two aggregates) and put into periods.
 */
export async function readRoiReport(
  scope: MedusaContainer,
  input: { from?: string; to?: string; interval: ReportInterval },
  now: Date = new Date()
): Promise<MetaRoiReport> {
  const ctx = await resolveReportContext(scope)
  const to = input.to ?? localDay(now, ctx.timeZone)
  const from = input.from ?? defaultFrom(to, input.interval)
  if (daysBetween(from, to) < 0) throw new MedusaError(MedusaError.Types.INVALID_DATA, `from must not be after to (to is ${to})`)
  if (daysBetween(from, to) >= MAX_REPORT_DAYS) throw new MedusaError(MedusaError.Types.INVALID_DATA, `the range from … to may span at most ${MAX_REPORT_DAYS} days`)
  const overview = scope.resolve<MetaOverviewModuleService>(META_OVERVIEW_MODULE)
  const publishing = scope.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const { start, end } = rangeInstants({ from, to }, ctx.timeZone)
  const accountId = ctx.account?.meta_id
  const [spend, adRevenue, publicationRevenue, [lastSync]] = await Promise.all([
    accountId ? overview.listSpendDays({ adAccountId: accountId, fromDay: from, toDay: to }) : Promise.resolve([]),
    ctx.ads.adAttributionsByDay({ start, end, timeZone: ctx.timeZone }),
    publishing.attributionsByDay({ start, end, timeZone: ctx.timeZone }),
    accountId ? overview.listMetaAdSpendDays({ ad_account_id: accountId }, { order: { synced_at: "DESC" }, take: 1, select: ["synced_at"] }) : Promise.resolve([]),
  ])
  const report = buildRoiReport({ from, to, interval: input.interval, currency: ctx.currency, spend, adRevenue, publicationRevenue })
  return { ...report, time_zone: ctx.timeZone, spend_synced_at: lastSync ? new Date(lastSync.synced_at).toISOString() : null }
}
