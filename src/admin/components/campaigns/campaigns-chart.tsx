import { Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { MetaAdRange, MetaCampaign } from "../../../types/http/ads"
import { ChartTooltipCard } from "../insights/chart-tooltip-card"
import { AXIS_TICK, CHART_COLOR } from "../insights/chart-theme"
import { formatCompact } from "../insights/insights-format"
import { chartRows, formatAdMoney, formatRoas, metricsFor, type CampaignChartRow } from "./campaigns-format"

const COLOR = { spend: "var(--tag-orange-icon)", purchase_value: "var(--tag-green-icon)" } as const
const TOP_CAMPAIGNS = 10
const ROW_PX = 44

const shortName = (name: string, max = 28) => {
  const chars = Array.from(name)
  return chars.length > max ? `${chars.slice(0, max - 1).join("").trimEnd()}…` : name
}

type Props = {
  campaigns: MetaCampaign[]
  range: MetaAdRange
  currency: string
  onOpen: (campaignId: string) => void
}

/** Spend next to purchase value for the campaigns that spent the most in the range; a bar opens its campaign. */
export const CampaignsChart = ({ campaigns, range, currency, onOpen }: Props) => {
  const rows = useMemo(() => chartRows(campaigns, range, TOP_CAMPAIGNS), [campaigns, range])
  const byId = useMemo(() => new Map(campaigns.map((c) => [c.id, c])), [campaigns])
  const names = useMemo(() => new Map(rows.map((r) => [r.id, shortName(r.name)])), [rows])

  if (rows.length === 0) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="meta-campaigns-chart-empty">
        No spend in this range yet.
      </Text>
    )
  }

  // The tooltip reads the exact strings, not the plotted numbers.
  const tooltipRows = (row: CampaignChartRow) => {
    const metrics = byId.get(row.id) && metricsFor(byId.get(row.id)!, range)
    return [
      { label: "Spend", value: formatAdMoney(metrics?.spend, currency), color: COLOR.spend },
      { label: "Purchase value", value: formatAdMoney(metrics?.purchase_value, currency), color: COLOR.purchase_value },
      { label: "ROAS", value: formatRoas(metrics?.roas) },
    ]
  }

  return (
    <div className="px-6 py-4" style={{ height: rows.length * ROW_PX + 72 }} data-testid="meta-campaigns-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }} barGap={2}>
          <CartesianGrid horizontal={false} stroke={CHART_COLOR.grid} strokeDasharray="3 3" />
          <XAxis
            type="number"
            tickFormatter={(value: number) => formatCompact(value)}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
          />
          <YAxis
            type="category"
            dataKey="id"
            tickFormatter={(id: string) => names.get(id) ?? id}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={200}
          />
          <Tooltip
            cursor={{ fill: CHART_COLOR.cursor }}
            content={({ active, payload }) => {
              const row = active ? (payload?.[0]?.payload as CampaignChartRow | undefined) : undefined
              return row ? <ChartTooltipCard title={row.name} rows={tooltipRows(row)} /> : null
            }}
          />
          <Legend
            verticalAlign="top"
            align="right"
            iconType="circle"
            iconSize={8}
            itemSorter={null}
            wrapperStyle={{ fontSize: 12, color: CHART_COLOR.axis, paddingBottom: 8 }}
            formatter={(value: string) => <span className="text-ui-fg-subtle">{value}</span>}
          />
          {(["spend", "purchase_value"] as const).map((key) => (
            <Bar
              key={key}
              dataKey={key}
              name={key === "spend" ? `Spend (${currency})` : `Purchase value (${currency})`}
              fill={COLOR[key]}
              radius={[0, 4, 4, 0]}
              barSize={14}
              className="cursor-pointer"
              isAnimationActive={false}
              onClick={(_, index) => onOpen(rows[index].id)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
