import { Heading, Skeleton, Text, Tooltip } from "@medusajs/ui"
import { useMemo } from "react"
import type { MetaBestTimesResponse } from "../../../types/http/insights"
import { useMetaBestTimes } from "../../hooks/api/insights"
import { SectionError } from "../webhooks/section-error"
import {
  describeLocalTime,
  HEAT_LEVELS,
  HEAT_OPACITY,
  heatLevel,
  hourLabel,
  localWeekGrid,
  rankedSlots,
  slotStartMinute,
  toLocalTime,
  utcOffsetMinutes,
  weekdayName,
  WEEKDAYS_FROM_MONDAY,
} from "./best-time-slots"
import { CHART_COLOR } from "./chart-theme"

const HOURS = Array.from({ length: 24 }, (_, hour) => hour)
/** Hour columns with a label; the others stay blank so the labels fit. */
const LABEL_EVERY_HOURS = 3
const TOP_SLOTS = 3

const basisText = ({ basis, posts_considered }: MetaBestTimesResponse) => {
  if (basis.includes("default") || basis.length === 0) {
    return "A general starting point until this account has followers online and posts to learn from."
  }
  const parts = [
    basis.includes("followers_online") && "when your followers are online",
    basis.includes("engagement") &&
      `how your ${posts_considered.toLocaleString()} ${posts_considered === 1 ? "post" : "posts"} did at each hour`,
  ].filter(Boolean)
  return `Based on ${parts.join(" and ")}. Times are in your time zone.`
}

const HeatCell = ({ level }: { level: number }) => (
  <div className="bg-ui-bg-component h-5 w-full rounded-sm">
    <div className="h-full w-full rounded-sm" style={{ backgroundColor: CHART_COLOR.heat, opacity: HEAT_OPACITY[level] }} />
  </div>
)

/** The week as 7 × 24 cells on the merchant's clock, tinted by score; a cell's tooltip says why. */
const Heatmap = ({ data }: { data: MetaBestTimesResponse }) => {
  const offset = utcOffsetMinutes()
  const minute = slotStartMinute(offset)
  const grid = useMemo(() => localWeekGrid(data.slots, offset), [data.slots, offset])
  const maxScore = Math.max(0, ...data.slots.map((s) => s.score))

  return (
    <div className="flex flex-col gap-y-2 overflow-x-auto" role="figure" aria-label="Best time to post, by weekday and hour">
      <div className="grid min-w-[640px] grid-cols-[3rem_repeat(24,minmax(0,1fr))] gap-0.5">
        <span />
        {HOURS.map((hour) => (
          <Text key={hour} size="xsmall" className="text-ui-fg-muted whitespace-nowrap">
            {hour % LABEL_EVERY_HOURS === 0 ? hourLabel(hour, minute) : ""}
          </Text>
        ))}
        {WEEKDAYS_FROM_MONDAY.map((weekday) => (
          <div key={weekday} className="contents">
            <Text size="xsmall" className="text-ui-fg-subtle self-center">
              {weekdayName(weekday, "short")}
            </Text>
            {HOURS.map((hour) => {
              const cell = grid[weekday][hour]
              if (!cell) return <HeatCell key={hour} level={0} />
              const when = describeLocalTime(cell.local)
              return (
                <Tooltip
                  key={hour}
                  content={
                    <span className="flex flex-col">
                      <span className="text-ui-fg-base">
                        {when} · score {Math.round(cell.slot.score)}
                      </span>
                      <span>{cell.slot.reason}</span>
                    </span>
                  }
                >
                  <div aria-label={`${when}: score ${Math.round(cell.slot.score)}, ${cell.slot.reason}`}>
                    <HeatCell level={heatLevel(cell.slot.score, maxScore)} />
                  </div>
                </Tooltip>
              )
            })}
          </div>
        ))}
      </div>
      <div className="flex items-center justify-end gap-x-1">
        <Text size="xsmall" className="text-ui-fg-muted">
          Less
        </Text>
        {Array.from({ length: HEAT_LEVELS }, (_, level) => (
          <div key={level} className="w-4">
            <HeatCell level={level} />
          </div>
        ))}
        <Text size="xsmall" className="text-ui-fg-muted">
          More
        </Text>
      </div>
    </div>
  )
}

/** The three best slots of the week, in words. */
const TopSlots = ({ data }: { data: MetaBestTimesResponse }) => {
  const offset = utcOffsetMinutes()
  const top = rankedSlots(data.slots)
    .filter((s) => s.score > 0)
    .slice(0, TOP_SLOTS)
  if (top.length === 0) return null
  return (
    <ol className="flex flex-col gap-y-1" data-testid="meta-insights-top-slots">
      {top.map((slot, index) => (
        <li key={`${slot.weekday}-${slot.hour}`} className="txt-small flex gap-x-2">
          <span className="text-ui-fg-muted tabular-nums">{index + 1}.</span>
          <span>
            <span className="txt-small-plus">{describeLocalTime(toLocalTime(slot.weekday, slot.hour, offset))}</span>
            <span className="text-ui-fg-subtle"> — {slot.reason}</span>
          </span>
        </li>
      ))}
    </ol>
  )
}

/** Best time to post for an account: the heatmap, the top three in words, and what the ranking rests on. */
export const BestTimesSection = ({ accountId }: { accountId: string }) => {
  const query = useMetaBestTimes(accountId)
  const { data } = query

  return (
    <div className="flex flex-col" data-testid="meta-insights-best-times">
      <div className="px-6 py-4">
        <Heading level="h2">Best time to post</Heading>
        {data && (
          <Text size="small" className="text-ui-fg-subtle">
            {basisText(data)}
          </Text>
        )}
      </div>
      {query.isPending && (
        <div className="flex flex-col gap-y-2 px-6 pb-4" aria-busy>
          <Skeleton className="h-4 w-64" />
          <Skeleton className="h-40 w-full" />
        </div>
      )}
      {query.isError && <SectionError what="The best times" message={query.error.message} onRetry={() => query.refetch()} />}
      {data && data.slots.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle px-6 pb-4">
          No best times yet for this account.
        </Text>
      )}
      {data && data.slots.length > 0 && (
        <div className="flex flex-col gap-y-4 px-6 pb-4">
          {data.note && (
            <Text size="small" className="text-ui-fg-subtle">
              {data.note}
            </Text>
          )}
          <TopSlots data={data} />
          <Heatmap data={data} />
        </div>
      )}
    </div>
  )
}
