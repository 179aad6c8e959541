import { addDecimals } from "../../../../lib/ads"
import { engagementRate } from "../../../../lib/insights"
import type { AttributionTotal, PublicationInsightRow } from "../../../../modules/meta-publishing/insights-repository"
import type { MetaAttributedRevenue, MetaInsightMetrics, MetaPublicationInsights } from "../../../../types/http/insights"
import type { MetaPublicationKind, MetaPublicationStatus, MetaPublishingPlatform } from "../../../../types/http/publishing"

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)

/** Link clicks Meta reported for a post, where it reports them (Facebook posts; Instagram feed posts have no links). */
function linkClicksOf(metrics: MetaInsightMetrics | null | undefined): number | null {
  const clicks = metrics?.post_clicks
  return typeof clicks === "number" && clicks > 0 ? clicks : null
}

/** Orders and revenue per currency (never summed across currencies), with conversion where clicks are known. */
export function attributedOf(totals: AttributionTotal[], clicks: number | null = null): MetaAttributedRevenue {
  const byCurrency = new Map<string, { orders: number; amount: string }>()
  let orders = 0
  for (const t of totals) {
    orders += t.orders
    const code = t.currency_code.toUpperCase()
    const seen = byCurrency.get(code)
    // Sums per currency arrive from PostgreSQL already exact; one publication's rows never repeat a currency.
    byCurrency.set(code, seen ? { orders: seen.orders + t.orders, amount: addDecimals(seen.amount, t.amount) } : { orders: t.orders, amount: t.amount })
  }
  return {
    orders,
    revenue: [...byCurrency.entries()].map(([currency_code, v]) => ({ currency_code, amount: v.amount })),
    conversion_rate: clicks ? orders / clicks : null,
  }
}

export function groupTotals(totals: AttributionTotal[]): Map<string, AttributionTotal[]> {
  const out = new Map<string, AttributionTotal[]>()
  for (const t of totals) out.set(t.publication_id, [...(out.get(t.publication_id) ?? []), t])
  return out
}

export function presentPublicationInsights(input: {
  row: PublicationInsightRow
  platform: MetaPublishingPlatform
  history: { day: string; metrics: Record<string, number> }[]
  totals: AttributionTotal[]
}): MetaPublicationInsights {
  const { row } = input
  const metrics = row.metrics ?? {}
  return {
    publication_id: row.id,
    account_id: row.account_id,
    platform: input.platform,
    kind: row.kind as MetaPublicationKind,
    status: row.status as MetaPublicationStatus,
    caption: row.caption,
    permalink: row.permalink,
    published_at: iso(row.published_at),
    metrics,
    engagement_rate: engagementRate(metrics),
    refreshed_at: iso(row.insights_refreshed_at),
    unavailable_reason:
      row.insights_unavailable_reason ??
      (row.status === "published" && !row.insights_refreshed_at ? "Meta reports insights up to 48 hours after publishing; the first figures arrive with the next hourly refresh." : null) ??
      (row.status !== "published" ? "Figures exist once the publication is published." : null),
    history: input.history.map((h) => ({ day: h.day, metrics: h.metrics })),
    attributed: attributedOf(input.totals, linkClicksOf(metrics)),
  }
}

export { linkClicksOf }
