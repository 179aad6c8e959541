import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { engagementRate, isAdditiveMetric } from "../../../../../../lib/insights"
import { META_PUBLISHING_MODULE } from "../../../../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../../../../modules/meta-publishing/service"
import type { MetaAccountInsightsResponse, MetaInsightMetrics } from "../../../../../../types/http/insights"
import type { MetaPublicationKind } from "../../../../../../types/http/publishing"
import { attributedOf, groupTotals, linkClicksOf } from "../../present-insights"
import type { GetMetaAccountInsightsType } from "../../validators"

const DAY_MS = 86_400_000
const dayOf = (d: Date) => d.toISOString().slice(0, 10)

/** An account over a range (default: the last 30 days): its days, its publications best first, what they sold. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetMetaAccountInsightsType>,
  res: MedusaResponse<MetaAccountInsightsResponse>
) => {
  const publishing = req.scope.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const account = await publishing.retrieveMetaPublishingAccount(req.params.id)
  const query = req.validatedQuery as GetMetaAccountInsightsType
  const to = query.to ? new Date(query.to) : new Date()
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS)
  const { days, publications } = await publishing.retrieveAccountInsights({
    accountId: account.id,
    from,
    to,
    fromDay: dayOf(from),
    toDay: dayOf(to),
  })
  const totals = await publishing.attributionTotals({ publicationIds: publications.map((p) => p.id) })
  const byPublication = groupTotals(totals)
  const sum: Record<string, number> = {}
  for (const day of days) {
    for (const [name, value] of Object.entries(day.metrics ?? {})) {
      if (isAdditiveMetric(name) && typeof value === "number") sum[name] = (sum[name] ?? 0) + value
    }
  }
  const ranked = publications
    .map((p) => {
      const metrics: MetaInsightMetrics = p.metrics ?? {}
      return {
        publication_id: p.id,
        kind: p.kind as MetaPublicationKind,
        caption: p.caption,
        permalink: p.permalink,
        published_at: new Date(p.published_at!).toISOString(),
        metrics,
        engagement_rate: engagementRate(metrics),
        attributed: attributedOf(byPublication.get(p.id) ?? [], linkClicksOf(metrics)),
      }
    })
    .sort((a, b) => (b.metrics.total_interactions ?? -1) - (a.metrics.total_interactions ?? -1) || (b.engagement_rate ?? -1) - (a.engagement_rate ?? -1))
  res.json({
    insights: {
      account_id: account.id,
      platform: account.platform,
      name: account.name,
      username: account.username,
      followers_count: account.followers_count,
      from: from.toISOString(),
      to: to.toISOString(),
      days: days.map((d) => ({ day: d.day, followers_count: d.followers_count, metrics: d.metrics ?? {} })),
      totals: sum,
      publications: ranked,
      attributed: attributedOf(totals),
      refreshed_at: account.insights_refreshed_at ? new Date(account.insights_refreshed_at).toISOString() : null,
      unavailable_reason: account.insights_unavailable_reason,
    },
  })
}
