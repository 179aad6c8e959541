import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useMetaCapiMatchQuality } from "../../hooks/api/capi-events"
import type { MetaCapiEventFilters, MetaMatchQuality, MetaMatchQualitySummary } from "../../../types/http/events"
import { SectionError } from "../webhooks/section-error"
import { MATCH_RATING } from "./capi-event-labels"

const SHOWN: { key: keyof MetaMatchQualitySummary["share"]; label: string; why: string }[] = [
  { key: "em", label: "Email", why: "the strongest match key" },
  { key: "ph", label: "Phone", why: "second strongest" },
  { key: "fbp", label: "Browser id (fbp)", why: "needs the storefront's cart context" },
  { key: "fbc", label: "Click id (fbc)", why: "shoppers arriving from an ad" },
]

const RATINGS = Object.keys(MATCH_RATING) as MetaMatchQuality["rating"][]

const percent = (share: number) => `${Math.round(share * 100)} %`

const scope = (events: number, filtered: boolean) =>
  `Across ${events === 1 ? "the one event" : `all ${events.toLocaleString()} events`}${filtered ? " matching the filters" : ""}.`

/**
 * A hint of how well Meta can match the events the log's filters select (every page, counted by the
 * server): the share carrying each key Meta weighs most. Meta's own Event Match Quality score is in
 * Events Manager.
 */
export const MatchQualitySection = ({ filters }: { filters: MetaCapiEventFilters }) => {
  const { data, isPending, isError, error, refetch } = useMetaCapiMatchQuality(filters)
  const summary = data?.match_quality
  const filtered = !!(filters.status || filters.event_name || filters.subject_id)

  return (
    <Container className="divide-y p-0" data-testid="meta-capi-match-quality">
      <div className="px-6 py-4">
        <Heading level="h2">Match quality</Heading>
        <Text size="small" className="text-ui-fg-subtle" data-testid="meta-capi-match-quality-scope">
          {summary && summary.events > 0
            ? `${scope(summary.events, filtered)} Events Manager shows Meta's own score.`
            : summary
              ? filtered
                ? "No events match the filters."
                : "Shown once events are recorded."
              : "The share of events carrying each key Meta matches people by."}
        </Text>
      </div>
      {isPending && <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {isError && <SectionError what="Match quality" message={error?.message ?? "unknown error"} onRetry={() => refetch()} />}
      {summary && summary.events > 0 && (
        <>
          <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
            {SHOWN.map(({ key, label, why }) => (
              <div key={key} className="flex flex-col gap-y-1" data-testid={`meta-capi-share-${key}`}>
                <div className="flex items-baseline justify-between">
                  <Text size="small" weight="plus">
                    {label}
                  </Text>
                  <Text size="small">{percent(summary.share[key])}</Text>
                </div>
                <div className="bg-ui-bg-subtle h-1.5 w-full overflow-hidden rounded-full">
                  <div className="bg-ui-fg-interactive h-full rounded-full" style={{ width: percent(summary.share[key]).replace(" ", "") }} />
                </div>
                <Text size="xsmall" className="text-ui-fg-muted">
                  {why}
                </Text>
              </div>
            ))}
          </div>
          <div className="flex flex-wrap gap-x-4 gap-y-2 px-6 py-4" data-testid="meta-capi-match-ratings">
            {RATINGS.map((rating) => (
              <StatusBadge key={rating} color={MATCH_RATING[rating].color}>
                {MATCH_RATING[rating].label}: {summary.ratings[rating].toLocaleString()}
              </StatusBadge>
            ))}
          </div>
        </>
      )}
    </Container>
  )
}
