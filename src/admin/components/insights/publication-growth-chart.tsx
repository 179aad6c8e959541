import { useId, useMemo } from "react"
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis } from "recharts"
import type { MetaPublicationInsightPoint } from "../../../types/http/insights"
import { ChartTooltipCard } from "./chart-tooltip-card"
import { AXIS_TICK, CHART_COLOR } from "./chart-theme"
import { formatCount, formatInsightDay, MEASURE_LABEL, readMetric, type InsightMeasure } from "./insights-format"

/** The measure a growth curve follows: views where Meta reports them, else reach, else interactions. */
const GROWTH_MEASURES: InsightMeasure[] = ["views", "reach", "interactions"]
const COLOR: Partial<Record<InsightMeasure, string>> = {
  views: CHART_COLOR.views,
  reach: CHART_COLOR.reach,
  interactions: CHART_COLOR.interactions,
}

type Point = { day: string; value: number | null }

/** How a publication's figures grew, one point per day they were read; nothing with fewer than two reads. */
export const PublicationGrowthChart = ({ history }: { history: MetaPublicationInsightPoint[] }) => {
  const sorted = useMemo(() => [...history].sort((a, b) => a.day.localeCompare(b.day)), [history])
  const measure = GROWTH_MEASURES.find((m) => sorted.filter((p) => readMetric(p.metrics, m) !== null).length >= 2)
  const gradientId = `meta-publication-growth-${useId().replace(/:/g, "")}`
  if (!measure) return null
  const color = COLOR[measure] ?? CHART_COLOR.views
  const points: Point[] = sorted.map((p) => ({ day: p.day, value: readMetric(p.metrics, measure) }))

  return (
    <div className="flex flex-col gap-y-1" data-testid="meta-publication-growth">
      <span className="txt-compact-xsmall text-ui-fg-subtle">{MEASURE_LABEL[measure]} over time</span>
      <div className="h-28 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
            <defs>
              <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" style={{ stopColor: color, stopOpacity: 0.3 }} />
                <stop offset="100%" style={{ stopColor: color, stopOpacity: 0 }} />
              </linearGradient>
            </defs>
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => formatInsightDay(day)}
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={false}
              minTickGap={24}
            />
            <Tooltip
              cursor={{ stroke: CHART_COLOR.grid }}
              content={({ active, payload }) => {
                const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined
                return point ? (
                  <ChartTooltipCard
                    title={formatInsightDay(point.day)}
                    rows={[{ label: MEASURE_LABEL[measure], value: formatCount(point.value), color }]}
                  />
                ) : null
              }}
            />
            <Area
              type="monotone"
              dataKey="value"
              stroke={color}
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
