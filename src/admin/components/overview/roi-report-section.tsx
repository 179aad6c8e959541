import { Button, Container, Heading, Select, Table, Text, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { MetaRoiInterval, MetaRoiRow } from "../../../types/http/overview"
import { useDownloadMetaRoiCsv, useMetaRoiReport } from "../../hooks/api/overview"
import { formatAdMoney, formatRoas } from "../campaigns/campaigns-format"
import { ChartTooltipCard } from "../insights/chart-tooltip-card"
import { AXIS_TICK, CHART_COLOR } from "../insights/chart-theme"
import { formatCompact } from "../insights/insights-format"
import { SectionError } from "../webhooks/section-error"
import { formatRelative } from "../../lib/format-date"
import { count } from "./overview-format"

const COLOR = { spend: "var(--tag-orange-icon)", ads: "var(--tag-green-icon)", organic: "var(--tag-blue-icon)", roas: "var(--tag-purple-icon)" } as const
const INTERVALS: { value: MetaRoiInterval; label: string }[] = [
  { value: "day", label: "Per day (30 days)" },
  { value: "week", label: "Per week (12 weeks)" },
  { value: "month", label: "Per month (6 months)" },
]

const periodLabel = (row: { from: string; to: string }) => (row.from === row.to ? row.from : `${row.from} – ${row.to}`)

/** Plotted values only: every figure shown in text comes from the exact strings. */
const plotted = (rows: MetaRoiRow[]) =>
  rows.map((row) => ({
    key: row.from,
    row,
    spend: Number(row.ad_spend),
    ads: Number(row.ad_revenue),
    organic: Number(row.publication_revenue),
    roas: row.store_roas === null ? null : Number(row.store_roas),
  }))

/** The paid + organic ROI report: chart and table per period, and the same figures as CSV. */
export const RoiReportSection = ({ adAccountChosen }: { adAccountChosen: boolean }) => {
  const [interval, setInterval] = useState<MetaRoiInterval>("week")
  const query = useMetaRoiReport({ interval })
  const download = useDownloadMetaRoiCsv()
  const report = query.data?.report
  const data = useMemo(() => plotted(report?.rows ?? []), [report])
  const empty = report && report.totals.ad_orders + report.totals.publication_orders === 0 && /^[^1-9]*$/.test(report.totals.ad_spend)

  return (
    <Container className="divide-y p-0" data-testid="meta-overview-roi">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h2">Paid + organic ROI</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Ad spend as Meta reports it, revenue from orders attributed to ads and to publications, and ROAS from the store's own orders.
            {report ? ` Days in ${report.time_zone}, amounts in ${report.currency}.` : ""}
            {report?.spend_synced_at ? ` Spend read from Meta ${formatRelative(report.spend_synced_at)}.` : ""}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <div className="w-52">
            <Select size="small" value={interval} onValueChange={(v) => setInterval(v as MetaRoiInterval)}>
              <Select.Trigger data-testid="meta-roi-interval">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {INTERVALS.map((i) => (
                  <Select.Item key={i.value} value={i.value}>
                    {i.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <Button
            size="small"
            variant="secondary"
            isLoading={download.isPending}
            disabled={!report}
            data-testid="meta-roi-csv"
            onClick={() => download.mutate({ interval }, { onError: (e) => toast.error(`The CSV could not be downloaded: ${e.message}`) })}
          >
            Download CSV
          </Button>
        </div>
      </div>
      {query.isPending && <Text className="text-ui-fg-subtle px-6 py-4">Loading…</Text>}
      {query.isError && <SectionError what="The ROI report" message={query.error.message} onRetry={() => query.refetch()} />}
      {report && empty && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="meta-roi-empty">
          {report.spend_synced_at || !adAccountChosen
            ? "Nothing to report yet. Spend appears once an ad account is chosen and its campaigns deliver; "
            : "Meta's spend per day has not been read for this ad account yet: the store reads it every 30 minutes. "}
          Revenue appears once shoppers order after landing from an ad or a publication (the storefront helper remembers the landing).
        </Text>
      )}
      {report && !empty && (
        <>
          <div className="h-72 px-6 py-4" data-testid="meta-roi-chart">
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid vertical={false} stroke={CHART_COLOR.grid} strokeDasharray="3 3" />
                <XAxis dataKey="key" tick={AXIS_TICK} tickLine={false} axisLine={false} />
                <YAxis yAxisId="money" tickFormatter={(v: number) => formatCompact(v)} tick={AXIS_TICK} tickLine={false} axisLine={false} width={56} />
                <YAxis yAxisId="roas" orientation="right" tick={AXIS_TICK} tickLine={false} axisLine={false} width={40} />
                <Tooltip
                  cursor={{ fill: CHART_COLOR.cursor }}
                  content={({ active, payload }) => {
                    const point = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined
                    if (!point) return null
                    const { row } = point
                    return (
                      <ChartTooltipCard
                        title={periodLabel(row)}
                        rows={[
                          { label: "Ad spend", value: formatAdMoney(row.ad_spend, report.currency), color: COLOR.spend },
                          { label: "Revenue from ads", value: formatAdMoney(row.ad_revenue, report.currency), color: COLOR.ads },
                          { label: "Revenue from publications", value: formatAdMoney(row.publication_revenue, report.currency), color: COLOR.organic },
                          { label: "ROAS (store)", value: formatRoas(row.store_roas), color: COLOR.roas },
                          { label: "ROAS (Meta)", value: formatRoas(row.meta_roas) },
                        ]}
                      />
                    )
                  }}
                />
                <Legend verticalAlign="top" align="right" height={28} iconType="circle" iconSize={8} />
                <Bar yAxisId="money" dataKey="spend" name="Ad spend" fill={COLOR.spend} radius={[3, 3, 0, 0]} />
                <Bar yAxisId="money" dataKey="ads" name="Revenue from ads" fill={COLOR.ads} radius={[3, 3, 0, 0]} />
                <Bar yAxisId="money" dataKey="organic" name="Revenue from publications" fill={COLOR.organic} radius={[3, 3, 0, 0]} />
                <Line yAxisId="roas" dataKey="roas" name="ROAS (store)" stroke={COLOR.roas} dot={false} connectNulls />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <div className="overflow-x-auto">
            <Table data-testid="meta-roi-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Period</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Ad spend</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Revenue from ads</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Orders from ads</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Revenue from publications</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Orders from publications</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">ROAS (store)</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">ROAS (Meta)</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {[...report.rows, { ...report.totals, total: true as const }].map((row) => (
                  <Table.Row key={"total" in row ? "total" : row.from} className={"total" in row ? "txt-compact-small-plus" : undefined}>
                    <Table.Cell>
                      {"total" in row ? "Total" : periodLabel(row)}
                      {row.other_currencies.length > 0 && (
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          Also {row.other_currencies.map((o) => `${formatAdMoney(o.ad_revenue, o.currency)} from ads, ${formatAdMoney(o.publication_revenue, o.currency)} from publications`).join("; ")} (not in ROAS)
                        </Text>
                      )}
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{formatAdMoney(row.ad_spend, report.currency)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{formatAdMoney(row.ad_revenue, report.currency)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{count(row.ad_orders)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{formatAdMoney(row.publication_revenue, report.currency)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{count(row.publication_orders)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{formatRoas(row.store_roas)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{formatRoas(row.meta_roas)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </Container>
  )
}
