import { Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { MetaAccountInsights } from "../../../types/http/insights"
import { KIND_LABEL } from "../publishing/publication-labels"
import { ChartTooltipCard } from "./chart-tooltip-card"
import { AXIS_TICK, CHART_COLOR } from "./chart-theme"
import { captionPreview, formatCompact, formatCount, formatRate, readMetric, topByInteractions } from "./insights-format"

type Props = {
  publications: MetaAccountInsights["publications"]
  onOpen: (publicationId: string) => void
}

const TOP_POSTS = 10
const BAR_ROW_PX = 36

type Row = { id: string; label: string; interactions: number; reach: number | null; engagement_rate: number | null }

/** The range's most interacted-with posts as bars, longest first; a bar opens its publication. */
export const TopPostsChart = ({ publications, onOpen }: Props) => {
  const rows = useMemo<Row[]>(
    () =>
      topByInteractions(publications, TOP_POSTS)
        .filter((p) => readMetric(p.metrics, "interactions") !== null)
        .map((p) => ({
          id: p.publication_id,
          label: captionPreview(p.caption, 28) || KIND_LABEL[p.kind],
          interactions: readMetric(p.metrics, "interactions") ?? 0,
          reach: readMetric(p.metrics, "reach"),
          engagement_rate: p.engagement_rate,
        })),
    [publications]
  )
  const labels = useMemo(() => new Map(rows.map((r) => [r.id, r.label])), [rows])

  if (rows.length === 0) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        {publications.length === 0
          ? "No posts published in this period."
          : "Meta reported no interactions for this period's posts yet."}
      </Text>
    )
  }

  return (
    <div className="px-6 py-4" style={{ height: rows.length * BAR_ROW_PX + 40 }} data-testid="meta-insights-top-posts">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid horizontal={false} stroke={CHART_COLOR.grid} strokeDasharray="3 3" />
          <XAxis
            type="number"
            tickFormatter={(value: number) => formatCompact(value)}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            allowDecimals={false}
          />
          <YAxis
            type="category"
            dataKey="id"
            tickFormatter={(id: string) => labels.get(id) ?? id}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={200}
          />
          <Tooltip
            cursor={{ fill: CHART_COLOR.cursor }}
            content={({ active, payload }) => {
              const row = active ? (payload?.[0]?.payload as Row | undefined) : undefined
              return row ? (
                <ChartTooltipCard
                  title={row.label}
                  rows={[
                    { label: "Interactions", value: formatCount(row.interactions), color: CHART_COLOR.interactions },
                    { label: "Reach", value: formatCount(row.reach) },
                    { label: "Engagement rate", value: formatRate(row.engagement_rate) },
                  ]}
                />
              ) : null
            }}
          />
          <Bar
            dataKey="interactions"
            name="Interactions"
            fill={CHART_COLOR.interactions}
            radius={[0, 4, 4, 0]}
            barSize={20}
            className="cursor-pointer"
            isAnimationActive={false}
            onClick={(_, index) => onOpen(rows[index].id)}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
