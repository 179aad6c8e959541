import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import type { MetaAdRange, MetaCampaign } from "../../../types/http/ads"
import {
  AD_RANGE_PERIOD,
  formatAdMoney,
  formatCount,
  formatCtr,
  formatRoas,
  summarizeCampaigns,
} from "./campaigns-format"

const GRID = "grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6"

const Kpi = ({ label, value, detail, testId }: { label: string; value: string; detail: string; testId: string }) => (
  <Container className="flex flex-col gap-y-1 px-4 py-3" data-testid={testId}>
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Heading level="h2" className="tabular-nums">
      {value}
    </Heading>
    <Text size="xsmall" className="text-ui-fg-muted">
      {detail}
    </Text>
  </Container>
)

type Props = {
  campaigns: MetaCampaign[]
  /** Campaigns the filters match, over all pages. */
  count: number
  range: MetaAdRange
  currency: string
}

/** The range's spend and what it brought, over the campaigns listed; ratios recomputed from the totals. */
export const CampaignsKpis = ({ campaigns, count, range, currency }: Props) => {
  const summary = summarizeCampaigns(campaigns, range)
  const period = AD_RANGE_PERIOD[range]
  const scope = count > campaigns.length ? `${period}, the ${campaigns.length} campaigns on this page` : period

  return (
    <div className={GRID} data-testid="meta-campaigns-kpis">
      <Kpi testId="meta-campaigns-kpi-spend" label="Spend" value={formatAdMoney(summary?.spend, currency)} detail={scope} />
      <Kpi
        testId="meta-campaigns-kpi-purchases"
        label="Purchases"
        value={summary ? formatCount(summary.purchases) : "—"}
        detail="as Meta attributes them"
      />
      <Kpi
        testId="meta-campaigns-kpi-purchase-value"
        label="Purchase value"
        value={formatAdMoney(summary?.purchase_value, currency)}
        detail={scope}
      />
      <Kpi testId="meta-campaigns-kpi-roas" label="ROAS" value={formatRoas(summary?.roas)} detail="purchase value ÷ spend" />
      <Kpi testId="meta-campaigns-kpi-cpm" label="CPM" value={formatAdMoney(summary?.cpm, currency)} detail="per 1,000 impressions" />
      <Kpi
        testId="meta-campaigns-kpi-ctr"
        label="CTR"
        value={formatCtr(summary?.ctr)}
        detail={summary ? `${formatCount(summary.clicks)} clicks, ${formatCount(summary.impressions)} impressions` : "clicks ÷ impressions"}
      />
    </div>
  )
}

export const CampaignsKpisSkeleton = () => (
  <div className={GRID} aria-busy data-testid="meta-campaigns-kpis-loading">
    {Array.from({ length: 6 }, (_, index) => (
      <Container key={index} className="flex flex-col gap-y-2 px-4 py-3">
        <Skeleton className="h-4 w-20" />
        <Skeleton className="h-7 w-24" />
        <Skeleton className="h-3 w-16" />
      </Container>
    ))}
  </div>
)
