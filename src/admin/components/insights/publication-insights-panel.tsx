import { Alert, Button, Skeleton, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { MetaPublicationInsights } from "../../../types/http/insights"
import { useMetaPublicationInsights } from "../../hooks/api/insights"
import { formatRelative } from "../../lib/format-date"
import {
  formatCount,
  formatRate,
  formatRevenue,
  MEASURE_LABEL,
  NO_INSIGHTS_YET,
  readMetric,
  type InsightMeasure,
} from "./insights-format"
import { insightsPath } from "./insights-links"
import { PublicationGrowthChart } from "./publication-growth-chart"

const MEASURES: InsightMeasure[] = ["reach", "views", "interactions", "likes", "comments", "shares", "saved"]

const Figure = ({ label, value }: { label: string; value: string }) => (
  <div className="flex flex-col">
    <span className="txt-compact-xsmall text-ui-fg-subtle">{label}</span>
    <span className="txt-compact-small-plus tabular-nums">{value}</span>
  </div>
)

const Figures = ({ insights }: { insights: MetaPublicationInsights }) => {
  const reported = MEASURES.map((measure) => ({ measure, value: readMetric(insights.metrics, measure) })).filter(
    (m): m is { measure: InsightMeasure; value: number } => m.value !== null
  )
  if (reported.length === 0) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {insights.unavailable_reason ?? NO_INSIGHTS_YET}
      </Text>
    )
  }
  return (
    <div className="grid grid-cols-4 gap-3">
      {reported.map(({ measure, value }) => (
        <Figure key={measure} label={MEASURE_LABEL[measure]} value={formatCount(value)} />
      ))}
      {insights.engagement_rate !== null && <Figure label="Engagement rate" value={formatRate(insights.engagement_rate)} />}
    </div>
  )
}

const Attribution = ({ insights }: { insights: MetaPublicationInsights }) => {
  const { orders, revenue, conversion_rate } = insights.attributed
  const amounts = formatRevenue(revenue)
  return (
    <div className="grid grid-cols-4 gap-3" data-testid="meta-publication-attribution">
      <Figure label="Orders" value={formatCount(orders)} />
      <div className="col-span-2 flex flex-col">
        <span className="txt-compact-xsmall text-ui-fg-subtle">Revenue</span>
        {amounts.length === 0 ? (
          <span className="txt-compact-small-plus">—</span>
        ) : (
          amounts.map((text, index) => (
            <span key={index} className="txt-compact-small-plus tabular-nums">
              {text}
            </span>
          ))
        )}
      </div>
      {conversion_rate !== null && <Figure label="Conversion" value={formatRate(conversion_rate)} />}
    </div>
  )
}

/** A published publication's figures in its drawer: metrics, how they grew, and the orders it brought. */
export const PublicationInsightsPanel = ({ publicationId }: { publicationId: string }) => {
  const query = useMetaPublicationInsights(publicationId)
  const insights = query.data?.insights

  return (
    <div className="flex flex-col gap-y-3" data-testid="meta-publication-insights">
      <div className="flex items-baseline justify-between gap-x-2">
        <Text size="small" weight="plus">
          Insights
        </Text>
        {insights?.refreshed_at && (
          <Text size="xsmall" className="text-ui-fg-muted">
            Read from Meta {formatRelative(insights.refreshed_at)}
          </Text>
        )}
      </div>
      {query.isPending && (
        <div className="flex flex-col gap-y-2" aria-busy>
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-28 w-full" />
        </div>
      )}
      {query.isError && (
        <div className="flex flex-col gap-y-2">
          <Alert variant="error">The insights could not be loaded: {query.error.message}</Alert>
          <div className="flex justify-end">
            <Button size="small" variant="secondary" onClick={() => query.refetch()}>
              Try again
            </Button>
          </div>
        </div>
      )}
      {insights && (
        <>
          <Figures insights={insights} />
          <PublicationGrowthChart history={insights.history} />
          <Attribution insights={insights} />
          <Link className="txt-compact-small text-ui-fg-interactive" to={insightsPath(insights.account_id)}>
            See the account's insights
          </Link>
        </>
      )}
    </div>
  )
}
