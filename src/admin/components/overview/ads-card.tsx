import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { MetaOverviewAds } from "../../../types/http/overview"
import { formatAdMoney, formatRoas } from "../campaigns/campaigns-format"
import { FigureRow, OverviewFigure } from "./overview-figure"
import { count } from "./overview-format"

/** Ads: campaigns, spend, ROAS as Meta reports it beside ROAS from the store's own orders, rule decisions. */
export const AdsCard = ({ ads }: { ads: MetaOverviewAds }) => {
  if (ads.enabled && !ads.account && ads.selected_account_id) {
    // Chosen in Settings → Meta but not read from Meta yet: the campaigns sync (every 15 minutes) fills it in.
    return (
      <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="meta-overview-ads">
        <Heading level="h2">Ads</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Ad account {ads.selected_account_id} is not synced from Meta yet.{" "}
          <Link to={ads.links.campaigns} className="text-ui-fg-interactive">
            Open Campaigns and sync from Meta
          </Link>{" "}
          (it also syncs on its own every 15 minutes), then boost a published post or start a catalog sales campaign.
        </Text>
      </Container>
    )
  }
  if (!ads.enabled || !ads.account) {
    return (
      <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="meta-overview-ads">
        <Heading level="h2">Ads</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {!ads.enabled ? "Ads are off." : "No ad account is chosen yet."} Turn ads on and choose an ad account in{" "}
          <Link to="/settings/meta" className="text-ui-fg-interactive">
            Settings → Meta
          </Link>
          , then boost a published post or start a catalog sales campaign.
        </Text>
      </Container>
    )
  }
  const currency = ads.account.currency
  return (
    <Container className="divide-y p-0" data-testid="meta-overview-ads">
      <div className="px-6 py-4">
        <Heading level="h2">Ads</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {ads.account.name} ({ads.account.meta_id}), {currency}, {ads.account.timezone_name}.
        </Text>
      </div>
      <FigureRow title="Campaigns and spend" note={ads.campaigns === 0 ? <>No campaigns yet: <Link to={ads.links.campaigns} className="text-ui-fg-interactive">boost a post or start a catalog sales campaign</Link>.</> : undefined}>
        <OverviewFigure testId="meta-overview-active-campaigns" label={`active of ${count(ads.campaigns)} campaigns`} value={count(ads.active_campaigns)} to={ads.links.active} />
        <OverviewFigure
          testId="meta-overview-spend-month"
          label={ads.spend_synced_at ? "spend this month" : "spend this month (not read from Meta yet; read every 30 minutes)"}
          value={ads.spend_synced_at ? formatAdMoney(ads.spend_this_month, currency) : "—"}
          to={ads.links.report}
        />
        <OverviewFigure testId="meta-overview-spend-30d" label="spend, last 30 days" value={formatAdMoney(ads.spend_last_30d, currency)} to={ads.links.campaigns} />
        <OverviewFigure testId="meta-overview-decisions" label={`rule decisions this week (${count(ads.rule_actions_this_week)} acted)`} value={count(ads.rule_decisions_this_week)} to={ads.links.rules} />
      </FigureRow>
      <FigureRow title="Return on ad spend, last 30 days">
        <OverviewFigure testId="meta-overview-roas-meta" label={`as Meta reports it (${formatAdMoney(ads.meta_purchase_value_last_30d, currency)})`} value={formatRoas(ads.meta_roas_last_30d)} to={ads.links.campaigns} />
        <OverviewFigure
          testId="meta-overview-roas-store"
          label={`from the store's orders (${count(ads.store_orders_last_30d)}, ${formatAdMoney(ads.store_revenue_last_30d, currency)})`}
          value={formatRoas(ads.store_roas_last_30d)}
          to={ads.links.campaigns}
        />
      </FigureRow>
    </Container>
  )
}
