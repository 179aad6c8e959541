import { Container, Heading, Text } from "@medusajs/ui"
import type { MetaMatchQualitySummary } from "../../types/meta-capi-events"

const SHOWN: { key: keyof MetaMatchQualitySummary["share"]; label: string; why: string }[] = [
  { key: "em", label: "Email", why: "the strongest match key" },
  { key: "ph", label: "Phone", why: "second strongest" },
  { key: "fbp", label: "Browser id (fbp)", why: "needs the storefront's cart context" },
  { key: "fbc", label: "Click id (fbc)", why: "shoppers arriving from an ad" },
]

const percent = (share: number) => `${Math.round(share * 100)} %`

/**
 * A hint of how well Meta can match these events to people: the share carrying each key Meta weighs
 * most. Meta's own Event Match Quality score is in Events Manager.
 */
export const MatchQualitySection = ({ summary }: { summary: MetaMatchQualitySummary | undefined }) => (
  <Container className="divide-y p-0" data-testid="meta-capi-match-quality">
    <div className="px-6 py-4">
      <Heading level="h2">Match quality</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {summary && summary.events > 0
          ? `Across the ${summary.events} event(s) listed below. Events Manager shows Meta's own score.`
          : "Shown once events are listed below."}
      </Text>
    </div>
    {summary && summary.events > 0 && (
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
    )}
  </Container>
)
