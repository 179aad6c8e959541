import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { MetaAccountInsights } from "../../../types/http/insights"
import {
  dailyAverage,
  followersChange,
  formatChange,
  formatCount,
  formatRate,
  formatRevenue,
  rangeTotal,
} from "./insights-format"

const GRID = "grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6"

const Kpi = ({ label, value, detail, testId }: { label: string; value: ReactNode; detail?: ReactNode; testId: string }) => (
  <Container className="flex flex-col gap-y-1 px-4 py-3" data-testid={testId}>
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Heading level="h2" className="tabular-nums">
      {value}
    </Heading>
    {detail && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {detail}
      </Text>
    )}
  </Container>
)

/** The account's figures over the range at a glance, with the orders and revenue its posts brought. */
export const InsightsKpis = ({ insights, rangeDays }: { insights: MetaAccountInsights; rangeDays: number }) => {
  const followers = followersChange(insights.days)
  const currentFollowers = insights.followers_count ?? followers?.current ?? null
  const revenue = formatRevenue(insights.attributed.revenue)
  const { orders, conversion_rate } = insights.attributed
  const period = `in ${rangeDays} days`

  return (
    <div className={GRID} data-testid="meta-insights-kpis">
      <Kpi
        testId="meta-insights-kpi-followers"
        label="Followers"
        value={formatCount(currentFollowers)}
        detail={followers?.change != null ? `${formatChange(followers.change)} ${period}` : undefined}
      />
      <Kpi
        testId="meta-insights-kpi-reach"
        label="Reach"
        value={formatCount(dailyAverage(insights.days, "reach"))}
        detail="accounts a day, on average"
      />
      <Kpi
        testId="meta-insights-kpi-views"
        label="Views"
        value={formatCount(rangeTotal(insights.totals, insights.days, "views"))}
        detail={period}
      />
      <Kpi
        testId="meta-insights-kpi-interactions"
        label="Interactions"
        value={formatCount(rangeTotal(insights.totals, insights.days, "interactions"))}
        detail={period}
      />
      <Kpi
        testId="meta-insights-kpi-orders"
        label="Orders from posts"
        value={formatCount(orders)}
        detail={conversion_rate !== null ? `${formatRate(conversion_rate)} of link clicks` : "through the posts' links"}
      />
      <Kpi
        testId="meta-insights-kpi-revenue"
        label="Revenue from posts"
        value={
          revenue.length === 0 ? (
            "—"
          ) : (
            <span className="flex flex-col">
              {revenue.map((text, index) => (
                <span key={index}>{text}</span>
              ))}
            </span>
          )
        }
        detail={revenue.length > 1 ? "per currency" : period}
      />
    </div>
  )
}

export const InsightsKpisSkeleton = () => (
  <div className={GRID} aria-busy data-testid="meta-insights-kpis-loading">
    {Array.from({ length: 6 }, (_, index) => (
      <Container key={index} className="flex flex-col gap-y-2 px-4 py-3">
        <Skeleton className="h-4 w-20" />
        <Skeleton className="h-7 w-24" />
        <Skeleton className="h-3 w-16" />
      </Container>
    ))}
  </div>
)
