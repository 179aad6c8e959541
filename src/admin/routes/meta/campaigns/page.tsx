import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath } from "@medusajs/icons"
import { Button, Container, Heading, Input, Skeleton, Tabs, Text, toast } from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react"
import { Link, useSearchParams } from "react-router-dom"
import type { MetaAdAccount } from "../../../../types/http/ads"
import { AdChangesSection } from "../../../components/campaigns/ad-changes-section"
import { CampaignDrawer } from "../../../components/campaigns/campaign-drawer"
import { namesByMetaId } from "../../../components/campaigns/campaign-tree"
import { CampaignsChart } from "../../../components/campaigns/campaigns-chart"
import { AD_RANGE_LABEL, AD_RANGE_PERIOD, AD_RANGES, pickAdRange, STATUS_LABEL, syncSummary } from "../../../components/campaigns/campaigns-format"
import { CampaignsKpis, CampaignsKpisSkeleton } from "../../../components/campaigns/campaigns-kpis"
import { CampaignsTable } from "../../../components/campaigns/campaigns-table"
import { FilterSelect } from "../../../components/list/filter-select"
import { MetaFeatureNotice, useMetaFeatureReadiness } from "../../../components/meta-feature-notice"
import { OffsetPagination } from "../../../components/offset-pagination"
import { SectionError } from "../../../components/webhooks/section-error"
import {
  META_CAMPAIGNS_PAGE_SIZE,
  useMetaCampaigns,
  useSyncMetaCampaigns,
  type MetaCampaignFilters,
} from "../../../hooks/api/ads"
import { formatDateTime, formatRelative } from "../../../lib/format-date"

const STATUS_FILTERS = ["ACTIVE", "PAUSED", "ARCHIVED"] as const
type StatusFilter = (typeof STATUS_FILTERS)[number]
const isStatusFilter = (value: string | null): value is StatusFilter =>
  !!value && (STATUS_FILTERS as readonly string[]).includes(value)

// Long enough to finish a word, short enough to feel immediate.
const SEARCH_DEBOUNCE_MS = 300

/** The URL holds the range, the filters, the page and the open campaign, so a link or a reload shows the same. */
const useCampaignsParams = () => {
  const [params, setParams] = useSearchParams()
  const range = pickAdRange(params.get("range"))
  const rawStatus = params.get("status")
  const status = isStatusFilter(rawStatus) ? rawStatus : undefined
  const q = params.get("q") ?? ""
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const campaignId = params.get("campaign_id") ?? undefined
  const change = (patch: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current)
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === "") next.delete(key)
        else next.set(key, value)
      }
      return next
    })
  return { range, status, q, offset, campaignId, change }
}

/** The search box writes to the URL once typing pauses; the URL stays the source of truth. */
const SearchInput = ({ value, onChange }: { value: string; onChange: (q: string) => void }) => {
  const [text, setText] = useState(value)
  // The parent hands a new function each render; the timer must not restart for that.
  const latestOnChange = useRef(onChange)
  latestOnChange.current = onChange
  useEffect(() => setText(value), [value])
  useEffect(() => {
    if (text.trim() === value) return
    const timer = setTimeout(() => latestOnChange.current(text.trim()), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, value])
  return (
    <div className="w-56">
      <Input
        size="small"
        type="search"
        placeholder="Search campaigns"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-label="Search campaigns by name"
        data-testid="meta-campaigns-search"
      />
    </div>
  )
}

const Section = ({ title, description, children, testId }: { title: string; description?: string; children: ReactNode; testId?: string }) => (
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

const AccountLine = ({ account }: { account: MetaAdAccount }) => (
  <Text size="small" className="text-ui-fg-muted" data-testid="meta-campaigns-account">
    {account.name} ({account.meta_id}) · {account.currency} · {account.timezone_name} ·{" "}
    {account.synced_at ? (
      <span title={formatDateTime(account.synced_at)}>read from Meta {formatRelative(account.synced_at)}</span>
    ) : (
      "not read from Meta yet"
    )}
    {account.usage_pct !== null && ` · Meta API usage ${account.usage_pct}%`}
  </Text>
)

const Message = ({ title, children, testId }: { title: string; children?: ReactNode; testId: string }) => (
  <Container className="flex flex-col gap-y-1 px-6 py-4" data-testid={testId}>
    <Text size="small" weight="plus">
      {title}
    </Text>
    {children && (
      <Text size="small" className="text-ui-fg-subtle">
        {children}
      </Text>
    )}
  </Container>
)

/** Campaigns: the ad account's campaigns with their figures over a range, switched and budgeted from here. */
const MetaCampaignsPage = () => {
  const { range, status, q, offset, campaignId, change } = useCampaignsParams()
  const filters: MetaCampaignFilters = { ...(status ? { status } : {}), ...(q ? { q } : {}) }
  const query = useMetaCampaigns(filters, { offset })
  const sync = useSyncMetaCampaigns()
  const { readiness, isPending: readinessPending } = useMetaFeatureReadiness("ads")
  // Mirrored figures and their switches stand for what is live at Meta only while the connection works:
  // until then the page shows the notice and the change log, and nothing that would act on Meta.
  const ready = readiness?.state === "ready"
  const { data } = query
  const account = data?.account ?? null
  const campaigns = data?.campaigns ?? []
  const names = useMemo(() => namesByMetaId(data?.campaigns ?? []), [data?.campaigns])
  const filtered = !!(status || q)
  const open = (id: string) => change({ campaign_id: id })

  const onSync = () =>
    sync.mutate(undefined, {
      onSuccess: ({ sync: result }) => {
        const summary = syncSummary(result)
        if (summary.ok) toast.success(summary.title, { description: summary.description })
        else toast.warning(summary.title, { description: summary.description })
      },
      onError: (e) => toast.error("Meta could not be read", { description: e.message }),
    })

  return (
    <div className="flex flex-col gap-y-3" data-testid="meta-campaigns">
      <Container className="divide-y p-0">
        <div className="flex items-start justify-between gap-x-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Heading>Campaigns</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              The ad account's campaigns as Meta reports them. Switches and budgets change them at Meta; every change is
              logged below.
            </Text>
            {account && <AccountLine account={account} />}
          </div>
          <Button
            size="small"
            variant="secondary"
            isLoading={sync.isPending}
            disabled={!ready}
            onClick={onSync}
            data-testid="meta-campaigns-sync"
          >
            <ArrowPath />
            Sync from Meta
          </Button>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <Tabs value={range} onValueChange={(value) => change({ range: value })}>
            <Tabs.List>
              {AD_RANGES.map((r) => (
                <Tabs.Trigger key={r} value={r} data-testid={`meta-campaigns-range-${r}`}>
                  {AD_RANGE_LABEL[r]}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </Tabs>
          <div className="flex flex-wrap items-center gap-2">
            <SearchInput value={q} onChange={(value) => change({ q: value, offset: undefined })} />
            <FilterSelect
              testId="meta-campaigns-filter-status"
              value={status}
              all="All statuses"
              options={STATUS_FILTERS.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
              onChange={(value) => change({ status: value, offset: undefined })}
            />
          </div>
        </div>
      </Container>

      <MetaFeatureNotice readiness={readiness} />

      {(query.isPending || readinessPending) && (
        <>
          <CampaignsKpisSkeleton />
          <Container className="flex flex-col gap-y-3 px-6 py-4" aria-busy data-testid="meta-campaigns-loading">
            {[0, 1, 2, 3].map((row) => (
              <Skeleton key={row} className="h-8 w-full" />
            ))}
          </Container>
        </>
      )}

      {query.isError && (
        <Container className="p-0">
          <SectionError what="The campaigns" message={query.error.message} onRetry={() => query.refetch()} />
        </Container>
      )}

      {ready && data && !account && (
        <Message title="Campaigns not read from Meta yet" testId="meta-campaigns-not-synced">
          The ad account chosen in <Link to="/settings/meta" className="text-ui-fg-interactive">Settings → Meta</Link> has
          not been read yet. Sync from Meta reads its campaigns now; after that they are kept up to date on their own.
        </Message>
      )}

      {ready && data && account && data.count === 0 && (
        <Message
          title={filtered ? "No campaigns match these filters." : "No campaigns yet"}
          testId="meta-campaigns-empty"
        >
          {filtered
            ? "Clear the search or the status filter to see every campaign."
            : "Campaigns made in Meta Ads Manager appear here after the next sync; Sync from Meta reads them now."}
        </Message>
      )}

      {ready && data && account && data.count > 0 && (
        <>
          <CampaignsKpis campaigns={campaigns} count={data.count} range={range} currency={account.currency} />
          <Section
            title="Spend and purchase value"
            description={`The campaigns that spent the most ${AD_RANGE_PERIOD[range]}, in ${account.currency}. Click a bar to open the campaign.`}
            testId="meta-campaigns-chart-section"
          >
            <CampaignsChart campaigns={campaigns} range={range} currency={account.currency} onOpen={open} />
          </Section>
          <Section
            title="Campaigns"
            description={`Figures ${AD_RANGE_PERIOD[range]}. Open a campaign for its ad sets and ads; the triangle shows the ad sets here.`}
            testId="meta-campaigns-list"
          >
            <CampaignsTable account={account} campaigns={campaigns} range={range} onOpen={open} />
            <OffsetPagination
              count={data.count}
              offset={offset}
              pageSize={META_CAMPAIGNS_PAGE_SIZE}
              onOffsetChange={(value) => change({ offset: String(value) })}
            />
          </Section>
        </>
      )}

      {account && <AdChangesSection currency={account.currency} names={names} />}

      {ready && account && (
        <CampaignDrawer
          campaignId={campaignId}
          listed={campaigns.find((c) => c.id === campaignId)}
          account={account}
          range={range}
          onClose={() => change({ campaign_id: undefined })}
        />
      )}
    </div>
  )
}

// A sub-item of the "Meta" sidebar entry (routes/meta/page.tsx): nested by its path, ordered by rank.
export const config = defineRouteConfig({
  label: "Campaigns",
  rank: 60,
})

export default MetaCampaignsPage
