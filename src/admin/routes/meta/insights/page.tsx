import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Button, Container, Heading, Select, Skeleton, Tabs, Text, toast } from "@medusajs/ui"
import { useMemo, type ReactNode } from "react"
import { useSearchParams } from "react-router-dom"
import type { FeatureReadiness } from "../../../../lib/connection/feature-readiness"
import type { MetaAccountInsights } from "../../../../types/http/insights"
import type { MetaPublishingAccount } from "../../../../types/http/publishing"
import { AccountTrendChart } from "../../../components/insights/account-trend-chart"
import { BestTimesSection } from "../../../components/insights/best-time-heatmap"
import { InsightsNoAccounts, InsightsNotConnected } from "../../../components/insights/insights-empty-states"
import {
  DEFAULT_RANGE,
  isRangePreset,
  NO_INSIGHTS_YET,
  RANGE_PRESETS,
  rangeForPreset,
  type RangePreset,
} from "../../../components/insights/insights-format"
import { InsightsKpis, InsightsKpisSkeleton } from "../../../components/insights/insights-kpis"
import { InsightsPublicationDrawer } from "../../../components/insights/insights-publication-drawer"
import { InsightsPublicationsTable } from "../../../components/insights/insights-publications-table"
import { TopPostsChart } from "../../../components/insights/top-posts-chart"
import { MetaFeatureNotice, useMetaFeatureReadiness } from "../../../components/meta-feature-notice"
import { MetaLoadError } from "../../../components/meta-load-error"
import { MetaPageSkeleton } from "../../../components/meta-page-skeleton"
import { accountLabel } from "../../../components/publishing/account-avatar"
import { SectionError } from "../../../components/webhooks/section-error"
import { useMetaAccountInsights, useRefreshMetaInsights } from "../../../hooks/api/insights"
import { useMetaPublishingAccounts } from "../../../hooks/api/publishing"
import { formatRelative } from "../../../lib/format-date"

/** The URL holds the account, the range and the open publication, so a link or a reload shows the same. */
const useInsightsParams = (accounts: MetaPublishingAccount[]) => {
  const [params, setParams] = useSearchParams()
  const requested = params.get("account_id")
  const account = accounts.find((a) => a.id === requested) ?? accounts[0]
  const days = Number(params.get("days"))
  const range: RangePreset = isRangePreset(days) ? days : DEFAULT_RANGE
  const publicationId = params.get("publication_id") ?? undefined
  const change = (patch: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current)
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) next.delete(key)
        else next.set(key, value)
      }
      return next
    })
  return { account, range, publicationId, change }
}

type SectionProps = { title: string; description?: string; children: ReactNode; testId?: string }

const Section = ({ title, description, children, testId }: SectionProps) => (
  <Container className="divide-y p-0" data-testid={testId}>
    <div className="px-6 py-4">
      <Heading level="h2">{title}</Heading>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </div>
    {children}
  </Container>
)

const ChartSkeleton = () => (
  <div className="px-6 py-4" aria-busy>
    <Skeleton className="h-64 w-full" />
  </div>
)

const refreshedText = (insights: MetaAccountInsights | undefined) => {
  if (!insights) return null
  return insights.refreshed_at ? `Figures read from Meta ${formatRelative(insights.refreshed_at)}` : "Not read from Meta yet"
}

type DashboardProps = {
  /** The accounts publishing is on for, the ones that can be picked. */
  accounts: MetaPublishingAccount[]
  /** Every account, so a publication's drawer names its account. */
  accountsById: Map<string, MetaPublishingAccount>
  /** Insights as the connection allows them; figures already read stay readable, refreshing waits for "ready". */
  readiness: FeatureReadiness
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`

/** The insights of the enabled accounts: KPIs, the account over time, top posts, best times and every post. */
const InsightsDashboard = ({ accounts, accountsById, readiness }: DashboardProps) => {
  const { account, range, publicationId, change } = useInsightsParams(accounts)
  const period = useMemo(() => rangeForPreset(range), [range])
  const query = useMetaAccountInsights(account.id, period)
  const refresh = useRefreshMetaInsights()
  const insights = query.data?.insights
  const hasFigures = !!insights && (insights.days.length > 0 || insights.publications.length > 0)
  const openPublication = (id: string) => change({ publication_id: id })

  const onRefresh = () =>
    refresh.mutate(
      { account_id: account.id },
      {
        onSuccess: ({ refreshed_publications, refreshed_accounts }) =>
          toast.success(
            `Read ${plural(refreshed_publications, "post", "posts")} and ${plural(refreshed_accounts, "account", "accounts")} from Meta`
          ),
        onError: (e) => toast.error(e.message),
      }
    )

  return (
    <div className="flex flex-col gap-y-3" data-testid="meta-insights">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <div>
            <Heading>Insights</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              How your posts do on Facebook and Instagram, when to post, and the orders they bring.
            </Text>
          </div>
          <Button
            size="small"
            variant="secondary"
            isLoading={refresh.isPending}
            disabled={readiness.state !== "ready"}
            onClick={onRefresh}
            data-testid="meta-insights-refresh"
          >
            Refresh from Meta
          </Button>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div className="flex flex-wrap items-center gap-3">
            <div className="w-64" data-testid="meta-insights-account">
              <Select
                size="small"
                value={account.id}
                onValueChange={(account_id) => change({ account_id, publication_id: undefined })}
              >
                <Select.Trigger>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {accounts.map((a) => (
                    <Select.Item key={a.id} value={a.id}>
                      {accountLabel(a)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <Tabs value={String(range)} onValueChange={(days) => change({ days })}>
              <Tabs.List>
                {RANGE_PRESETS.map((days) => (
                  <Tabs.Trigger key={days} value={String(days)}>
                    {days} days
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
            </Tabs>
          </div>
          <Text size="small" className="text-ui-fg-muted" data-testid="meta-insights-refreshed">
            {refreshedText(insights)}
          </Text>
        </div>
        {readiness.state !== "ready" && (
          <div className="px-6 py-4">
            <MetaFeatureNotice readiness={readiness} />
          </div>
        )}
        {insights?.unavailable_reason && (
          <div className="px-6 py-4">
            <Alert variant="info">{insights.unavailable_reason}</Alert>
          </div>
        )}
      </Container>

      {query.isPending && (
        <>
          <InsightsKpisSkeleton />
          <Section title="Over time">
            <ChartSkeleton />
          </Section>
        </>
      )}
      {query.isError && (
        <Container className="p-0">
          <SectionError what="The insights" message={query.error.message} onRetry={() => query.refetch()} />
        </Container>
      )}
      {insights && <InsightsKpis insights={insights} rangeDays={range} />}
      {insights && !hasFigures && (
        <Container data-testid="meta-insights-empty">
          <Text size="small" className="text-ui-fg-subtle">
            {NO_INSIGHTS_YET}
          </Text>
        </Container>
      )}
      {insights && hasFigures && (
        <>
          <Section title="Over time" description={`${account.name}, day by day (UTC days).`}>
            <AccountTrendChart days={insights.days} />
          </Section>
          <Section
            title="Top posts"
            description="The posts of this period with the most interactions. Click a bar to open the post."
          >
            <TopPostsChart publications={insights.publications} onOpen={openPublication} />
          </Section>
        </>
      )}

      <Container className="p-0">
        <BestTimesSection accountId={account.id} />
      </Container>

      {insights && hasFigures && (
        <Section
          title="Posts"
          description="Published in this period, best first, with the orders that came through their links."
          testId="meta-insights-posts"
        >
          {insights.publications.length === 0 ? (
            <Text size="small" className="text-ui-fg-subtle px-6 py-4">
              No posts published in this period.
            </Text>
          ) : (
            <InsightsPublicationsTable insights={insights} onOpen={openPublication} />
          )}
        </Section>
      )}

      <InsightsPublicationDrawer
        publicationId={publicationId}
        accountsById={accountsById}
        onClose={() => change({ publication_id: undefined })}
      />
    </div>
  )
}

/** The accounts insights are kept for: those publishing is on for. */
const InsightsForAccounts = ({ readiness }: { readiness: FeatureReadiness }) => {
  const query = useMetaPublishingAccounts()
  const all = query.data?.accounts
  const enabled = useMemo(() => (all ?? []).filter((a) => a.enabled), [all])
  const accountsById = useMemo(() => new Map((all ?? []).map((a) => [a.id, a])), [all])

  if (query.isPending) return <MetaPageSkeleton />
  if (query.isError) {
    return (
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading>Insights</Heading>
        </div>
        <MetaFeatureNotice readiness={readiness} className="mx-6 my-4" />
        <SectionError what="The publishing accounts" message={query.error.message} onRetry={() => query.refetch()} />
      </Container>
    )
  }
  if (enabled.length === 0) {
    return (
      <div className="flex flex-col gap-y-3">
        <MetaFeatureNotice readiness={readiness} />
        <InsightsNoAccounts />
      </div>
    )
  }
  return <InsightsDashboard accounts={enabled} accountsById={accountsById} readiness={readiness} />
}

/** Insights: how the store's posts do, when to post, and the revenue posts bring. */
const MetaInsightsPage = () => {
  const { readiness, isPending, isError, error, refetch } = useMetaFeatureReadiness("insights")
  if (isPending) return <MetaPageSkeleton />
  if (isError || !readiness) return <MetaLoadError message={error?.message ?? "The Meta connection could not be read."} onRetry={() => refetch()} />
  if (readiness.state === "not_connected") return <InsightsNotConnected readiness={readiness} />
  return <InsightsForAccounts readiness={readiness} />
}

export const config = defineRouteConfig({
  label: "Insights",
  rank: 40,
})

export default MetaInsightsPage
