import { Table } from "@medusajs/ui"
import type { MetaAdMetrics } from "../../../types/http/ads"
import { formatAdMoney, formatCount, formatCtr, formatRoas } from "./campaigns-format"

/** The performance columns of the campaigns table, in its header's order. */
export const METRIC_COLUMNS = ["Spend", "Impressions", "CPM", "CTR", "Purchases", "ROAS"] as const

const Figure = ({ value }: { value: string }) => (
  <Table.Cell className="text-right tabular-nums whitespace-nowrap">{value}</Table.Cell>
)

/** One row's figures for the range; "—" throughout when the range is not mirrored for it yet. */
export const MetricCells = ({ metrics, currency }: { metrics: MetaAdMetrics | undefined; currency: string }) => (
  <>
    <Figure value={formatAdMoney(metrics?.spend, currency)} />
    <Figure value={metrics ? formatCount(metrics.impressions) : "—"} />
    <Figure value={formatAdMoney(metrics?.cpm, currency)} />
    <Figure value={formatCtr(metrics?.ctr)} />
    <Figure value={metrics ? formatCount(metrics.purchases) : "—"} />
    <Figure value={formatRoas(metrics?.roas)} />
  </>
)
