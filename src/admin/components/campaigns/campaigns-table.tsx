import { TriangleDownMini, TriangleRightMini } from "@medusajs/icons"
import { Button, IconButton, Table, Text } from "@medusajs/ui"
import { Fragment, useState } from "react"
import type { MetaAdAccount, MetaAdRange, MetaAdSet, MetaCampaign } from "../../../types/http/ads"
import { BudgetCell } from "./budget-cell"
import { budgetOf, humanize, metricsFor, objectiveLabel } from "./campaigns-format"
import { DuplicateAdSetButton } from "./duplicate-ad-set-button"
import { EffectiveStatusBadge } from "./effective-status-badge"
import { METRIC_COLUMNS, MetricCells } from "./metric-cells"
import { StatusToggle } from "./status-toggle"

type Props = {
  account: MetaAdAccount
  campaigns: MetaCampaign[]
  range: MetaAdRange
  onOpen: (campaignId: string) => void
}

/** The label of an ad set's budget cell when the ad set has none: its campaign holds it (Advantage+ budget). */
export const adSetNoBudgetLabel = (campaign: MetaCampaign) => (budgetOf(campaign) ? "Campaign budget" : "—")

const AdSetRow = ({ adSet, campaign, account, range }: { adSet: MetaAdSet; campaign: MetaCampaign; account: MetaAdAccount; range: MetaAdRange }) => (
  <Table.Row className="bg-ui-bg-subtle" data-testid={`meta-ad-set-row-${adSet.id}`}>
    <Table.Cell />
    <Table.Cell className="max-w-[18rem] pl-6">
      <Text size="small" className="truncate" title={adSet.name}>
        {adSet.name}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        Ad set
      </Text>
    </Table.Cell>
    <Table.Cell>
      <StatusToggle level="ad_set" object={adSet} />
    </Table.Cell>
    <Table.Cell>
      <EffectiveStatusBadge status={adSet.effective_status} />
    </Table.Cell>
    <Table.Cell className="whitespace-nowrap">{adSet.optimization_goal ? humanize(adSet.optimization_goal) : "—"}</Table.Cell>
    <Table.Cell>
      <BudgetCell
        level="ad_set"
        object={adSet}
        currency={account.currency}
        minimumDailyBudget={account.minimum_daily_budget}
        noBudgetLabel={adSetNoBudgetLabel(campaign)}
      />
    </Table.Cell>
    <MetricCells metrics={metricsFor(adSet, range)} currency={account.currency} />
    <Table.Cell className="text-right">
      <DuplicateAdSetButton adSet={adSet} />
    </Table.Cell>
  </Table.Row>
)

/**
 * The campaigns with their figures for the range. A row opens the campaign; the triangle shows its ad sets in
 * place, each with its own switch, budget and "Duplicate".
 */
export const CampaignsTable = ({ account, campaigns, range, onOpen }: Props) => {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set())
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  return (
    <div className="overflow-x-auto">
      <Table data-testid="meta-campaigns-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell className="w-8" />
            <Table.HeaderCell>Name</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Delivery</Table.HeaderCell>
            <Table.HeaderCell>Objective</Table.HeaderCell>
            <Table.HeaderCell>Budget</Table.HeaderCell>
            {METRIC_COLUMNS.map((column) => (
              <Table.HeaderCell key={column} className="text-right">
                {column}
              </Table.HeaderCell>
            ))}
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {campaigns.map((campaign) => {
            const adSets = campaign.ad_sets ?? []
            const open = expanded.has(campaign.id)
            return (
              <Fragment key={campaign.id}>
                <Table.Row
                  className="cursor-pointer"
                  onClick={() => onOpen(campaign.id)}
                  data-testid={`meta-campaign-row-${campaign.id}`}
                >
                  <Table.Cell onClick={(event) => event.stopPropagation()}>
                    {adSets.length > 0 && (
                      <IconButton
                        size="small"
                        variant="transparent"
                        aria-expanded={open}
                        aria-label={`${open ? "Hide" : "Show"} the ad sets of ${campaign.name}`}
                        onClick={() => toggle(campaign.id)}
                        data-testid={`meta-campaign-expand-${campaign.id}`}
                      >
                        {open ? <TriangleDownMini /> : <TriangleRightMini />}
                      </IconButton>
                    )}
                  </Table.Cell>
                  <Table.Cell className="max-w-[18rem]">
                    <Text size="small" weight="plus" className="truncate" title={campaign.name}>
                      {campaign.name}
                    </Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {adSets.length === 1 ? "1 ad set" : `${adSets.length} ad sets`}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    <StatusToggle level="campaign" object={campaign} />
                  </Table.Cell>
                  <Table.Cell>
                    <EffectiveStatusBadge status={campaign.effective_status} />
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">{objectiveLabel(campaign.objective)}</Table.Cell>
                  <Table.Cell>
                    <BudgetCell
                      level="campaign"
                      object={campaign}
                      currency={account.currency}
                      minimumDailyBudget={account.minimum_daily_budget}
                      noBudgetLabel="On the ad sets"
                    />
                  </Table.Cell>
                  <MetricCells metrics={metricsFor(campaign, range)} currency={account.currency} />
                  <Table.Cell className="text-right">
                    <Button
                      size="small"
                      variant="transparent"
                      onClick={(event) => {
                        event.stopPropagation()
                        onOpen(campaign.id)
                      }}
                    >
                      Details
                    </Button>
                  </Table.Cell>
                </Table.Row>
                {open &&
                  adSets.map((adSet) => (
                    <AdSetRow key={adSet.id} adSet={adSet} campaign={campaign} account={account} range={range} />
                  ))}
              </Fragment>
            )
          })}
        </Table.Body>
      </Table>
    </div>
  )
}
