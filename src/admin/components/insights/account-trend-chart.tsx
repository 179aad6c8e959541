import { Tabs, Text } from "@medusajs/ui"
import { useId, useMemo, useState } from "react"
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { MetaAccountInsightDay } from "../../../types/http/insights"
import { ChartTooltipCard } from "./chart-tooltip-card"
import { AXIS_TICK, CHART_COLOR } from "./chart-theme"
import { accountSeries, formatCompact, formatCount, formatInsightDay, type AccountSeriesPoint } from "./insights-format"

type SeriesKey = Exclude<keyof AccountSeriesPoint, "day">

const SERIES: { key: SeriesKey; label: string; color: string }[] = [
  { key: "followers", label: "Followers", color: CHART_COLOR.followers },
  { key: "reach", label: "Reach", color: CHART_COLOR.reach },
  { key: "views", label: "Views", color: CHART_COLOR.views },
  { key: "interactions", label: "Interactions", color: CHART_COLOR.interactions },
]

/** The account day by day: one measure at a time, picked with the tabs; days Meta did not report are gaps. */
export const AccountTrendChart = ({ days }: { days: MetaAccountInsightDay[] }) => {
  const points = useMemo(() => accountSeries(days), [days])
  const available = SERIES.filter((s) => points.some((p) => p[s.key] !== null))
  const [picked, setPicked] = useState<SeriesKey>("reach")
  const series = available.find((s) => s.key === picked) ?? available[0]
  const gradientId = `meta-insights-trend-${useId().replace(/:/g, "")}`

  if (!series) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        Meta reported no account figures for these days yet.
      </Text>
    )
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="meta-insights-trend">
      <Tabs value={series.key} onValueChange={(value) => setPicked(value as SeriesKey)}>
        <Tabs.List>
          {available.map((s) => (
            <Tabs.Trigger key={s.key} value={s.key}>
              {s.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Tabs>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <defs>
              <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" style={{ stopColor: series.color, stopOpacity: 0.3 }} />
                <stop offset="100%" style={{ stopColor: series.color, stopOpacity: 0 }} />
              </linearGradient>
            </defs>
            <CartesianGrid vertical={false} stroke={CHART_COLOR.grid} strokeDasharray="3 3" />
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => formatInsightDay(day)}
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={false}
              minTickGap={24}
            />
            <YAxis
              tickFormatter={(value: number) => formatCompact(value)}
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={false}
              width={48}
              allowDecimals={false}
              domain={series.key === "followers" ? ["auto", "auto"] : [0, "auto"]}
            />
            <Tooltip
              cursor={{ stroke: CHART_COLOR.grid }}
              content={({ active, payload }) => {
                const point = active ? (payload?.[0]?.payload as AccountSeriesPoint | undefined) : undefined
                return point ? (
                  <ChartTooltipCard
                    title={formatInsightDay(point.day)}
                    rows={[{ label: series.label, value: formatCount(point[series.key]), color: series.color }]}
                  />
                ) : null
              }}
            />
            <Area
              type="monotone"
              dataKey={series.key}
              name={series.label}
              stroke={series.color}
              strokeWidth={2}
              fill={`url(#${gradientId})`}
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </div>
  )
}
