import { Drawer, Heading, Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { MetaAd, MetaAdAccount, MetaAdMetrics, MetaAdRange, MetaAdSet, MetaCampaign } from "../../../types/http/ads"
import { useMetaCampaign } from "../../hooks/api/ads"
import { formatDateTime, formatRelative } from "../../lib/format-date"
import { SectionError } from "../webhooks/section-error"
import { AdChangesSection } from "./ad-changes-section"
import { BudgetCell } from "./budget-cell"
import { namesByMetaId } from "./campaign-tree"
import {
  AD_RANGE_PERIOD,
  formatAdMoney,
  formatCount,
  formatCtr,
  formatRoas,
  humanize,
  metricsFor,
  objectiveLabel,
} from "./campaigns-format"
import { adSetNoBudgetLabel } from "./campaigns-table"
import { DuplicateAdSetButton } from "./duplicate-ad-set-button"
import { EffectiveStatusBadge } from "./effective-status-badge"
import { ReviewFeedback } from "./review-feedback"
import { StatusToggle } from "./status-toggle"

type Props = {
  /** The campaign clicked, shown at once; its ad sets and ads are read when the drawer opens. */
  campaignId: string | undefined
  /** The list's copy, for the title and the first figures while the campaign is read. */
  listed: MetaCampaign | undefined
  account: MetaAdAccount
  range: MetaAdRange
  onClose: () => void
}

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-[140px_1fr] items-center gap-x-3">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-small min-w-0">{children}</div>
  </div>
)

const Figure = ({ label, value }: { label: string; value: string }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" weight="plus" className="tabular-nums">
      {value}
    </Text>
  </div>
)

/** Every figure the mirror keeps for one object over the range. */
const Figures = ({ metrics, currency }: { metrics: MetaAdMetrics | undefined; currency: string }) => {
  if (!metrics) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No figures for this range yet.
      </Text>
    )
  }
  const count = (value: number | null) => (value === null ? "—" : formatCount(value))
  return (
    <div className="grid grid-cols-3 gap-3 sm:grid-cols-4">
      <Figure label="Spend" value={formatAdMoney(metrics.spend, currency)} />
      <Figure label="Impressions" value={count(metrics.impressions)} />
      <Figure label="Reach" value={count(metrics.reach)} />
      <Figure label="Frequency" value={metrics.frequency === null ? "—" : Number(metrics.frequency).toLocaleString(undefined, { maximumFractionDigits: 2 })} />
      <Figure label="Clicks" value={count(metrics.clicks)} />
      <Figure label="Link clicks" value={count(metrics.link_clicks)} />
      <Figure label="CPM" value={formatAdMoney(metrics.cpm, currency)} />
      <Figure label="CPC" value={formatAdMoney(metrics.cpc, currency)} />
      <Figure label="CTR" value={formatCtr(metrics.ctr)} />
      <Figure label="Purchases" value={count(metrics.purchases)} />
      <Figure label="Purchase value" value={formatAdMoney(metrics.purchase_value, currency)} />
      <Figure label="ROAS" value={formatRoas(metrics.roas)} />
      <Figure label="Cost per purchase" value={formatAdMoney(metrics.cost_per_purchase, currency)} />
    </div>
  )
}

const AdRow = ({ ad, currency, range }: { ad: MetaAd; currency: string; range: MetaAdRange }) => {
  const metrics = metricsFor(ad, range)
  return (
    <div className="flex flex-col gap-y-2 px-4 py-3" data-testid={`meta-ad-${ad.id}`}>
      <div className="flex items-center justify-between gap-x-3">
        <div className="flex min-w-0 items-center gap-x-2">
          <StatusToggle level="ad" object={ad} />
          <Text size="small" className="truncate" title={ad.name}>
            {ad.name}
          </Text>
        </div>
        <EffectiveStatusBadge status={ad.effective_status} />
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle tabular-nums">
        {formatAdMoney(metrics?.spend, currency)} spent · {metrics ? formatCount(metrics.purchases) : "—"} purchases · ROAS{" "}
        {formatRoas(metrics?.roas)} · CTR {formatCtr(metrics?.ctr)}
      </Text>
      <ReviewFeedback feedback={ad.review_feedback} testId={`meta-ad-review-${ad.id}`} />
    </div>
  )
}

const AdSetCard = ({
  adSet,
  campaign,
  account,
  range,
}: {
  adSet: MetaAdSet
  campaign: MetaCampaign
  account: MetaAdAccount
  range: MetaAdRange
}) => {
  const ads = adSet.ads ?? []
  return (
    <div className="shadow-elevation-card-rest bg-ui-bg-base divide-y rounded-lg" data-testid={`meta-drawer-ad-set-${adSet.id}`}>
      <div className="flex flex-col gap-y-3 px-4 py-3">
        <div className="flex items-center justify-between gap-x-3">
          <div className="flex min-w-0 items-center gap-x-2">
            <StatusToggle level="ad_set" object={adSet} />
            <Text size="small" weight="plus" className="truncate" title={adSet.name}>
              {adSet.name}
            </Text>
            <EffectiveStatusBadge status={adSet.effective_status} />
          </div>
          <DuplicateAdSetButton adSet={adSet} />
        </div>
        <Row label="Budget">
          <BudgetCell
            level="ad_set"
            object={adSet}
            currency={account.currency}
            minimumDailyBudget={account.minimum_daily_budget}
            noBudgetLabel={adSetNoBudgetLabel(campaign)}
          />
        </Row>
        {adSet.optimization_goal && <Row label="Optimized for">{humanize(adSet.optimization_goal)}</Row>}
        <Figures metrics={metricsFor(adSet, range)} currency={account.currency} />
      </div>
      {ads.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-4 py-3">
          No ads in this ad set.
        </Text>
      ) : (
        ads.map((ad) => <AdRow key={ad.id} ad={ad} currency={account.currency} range={range} />)
      )}
    </div>
  )
}

/** One campaign: its settings and figures, its ad sets with their ads, and the changes made to it. */
export const CampaignDrawer = ({ campaignId, listed, account, range, onClose }: Props) => {
  const query = useMetaCampaign(campaignId)
  const campaign = query.data?.campaign ?? listed
  const names = namesByMetaId(campaign ? [campaign] : [])

  return (
    <Drawer open={!!campaignId} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="meta-campaign-drawer" className="max-w-2xl">
        <Drawer.Header>
          <Drawer.Title>{campaign?.name ?? "Campaign"}</Drawer.Title>
          <Drawer.Description>
            {campaign ? `${objectiveLabel(campaign.objective)} campaign · figures ${AD_RANGE_PERIOD[range]}` : "Loading…"}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {!campaign && query.isPending && <Skeleton className="h-48 w-full" />}
          {query.isError && (
            <SectionError what="The campaign" message={query.error.message} onRetry={() => query.refetch()} />
          )}
          {campaign && (
            <>
              <div className="flex flex-col gap-y-3">
                <Row label="Status">
                  <span className="flex items-center gap-x-2">
                    <StatusToggle level="campaign" object={campaign} />
                    <EffectiveStatusBadge status={campaign.effective_status} />
                  </span>
                </Row>
                <Row label="Budget">
                  <BudgetCell
                    level="campaign"
                    object={campaign}
                    currency={account.currency}
                    minimumDailyBudget={account.minimum_daily_budget}
                    noBudgetLabel="On the ad sets"
                  />
                </Row>
                {campaign.bid_strategy && <Row label="Bid strategy">{humanize(campaign.bid_strategy)}</Row>}
                {(campaign.start_time || campaign.stop_time) && (
                  <Row label="Schedule">
                    {campaign.start_time ? formatDateTime(campaign.start_time) : "Now"} →{" "}
                    {campaign.stop_time ? formatDateTime(campaign.stop_time) : "no end"}
                  </Row>
                )}
                {campaign.special_ad_categories.length > 0 && (
                  <Row label="Special categories">{campaign.special_ad_categories.map(humanize).join(", ")}</Row>
                )}
                <Row label="Read from Meta">
                  {campaign.synced_at ? (
                    <span title={formatDateTime(campaign.synced_at)}>{formatRelative(campaign.synced_at)}</span>
                  ) : (
                    "Not yet"
                  )}
                </Row>
                <Row label="Meta id">
                  <span className="break-all">{campaign.meta_id}</span>
                </Row>
              </div>

              <div className="flex flex-col gap-y-2">
                <Heading level="h3">Figures {AD_RANGE_PERIOD[range]}</Heading>
                <Figures metrics={metricsFor(campaign, range)} currency={account.currency} />
              </div>

              <div className="flex flex-col gap-y-3" data-testid="meta-campaign-drawer-ad-sets">
                <Heading level="h3">Ad sets</Heading>
                {query.isPending && <Skeleton className="h-24 w-full" />}
                {query.data &&
                  ((campaign.ad_sets ?? []).length === 0 ? (
                    <Text size="small" className="text-ui-fg-subtle">
                      No ad sets in this campaign.
                    </Text>
                  ) : (
                    (campaign.ad_sets ?? []).map((adSet) => (
                      <AdSetCard key={adSet.id} adSet={adSet} campaign={campaign} account={account} range={range} />
                    ))
                  ))}
              </div>

              <AdChangesSection
                currency={account.currency}
                names={names}
                objectMetaId={campaign.meta_id}
                testId="meta-campaign-drawer-changes"
              />
            </>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
