import { defineRouteConfig } from "@medusajs/admin-sdk"
import { useState } from "react"
import { CapiEventsLogSection } from "../../../components/capi-events/capi-events-log-section"
import { MatchQualitySection } from "../../../components/capi-events/match-quality-section"
import { TestEventCodeSection } from "../../../components/capi-events/test-event-code-section"
import { MetaFeatureNotice, useMetaFeatureReadiness } from "../../../components/meta-feature-notice"
import { useMetaCapiEvents, useMetaCapiSettings } from "../../../hooks/api/capi-events"
import type { MetaCapiEventFilters } from "../../../../types/http/events"

/** Store → Meta: the Conversions API events log, how well they can be matched, and Test Events. */
const MetaEventsPage = () => {
  const [filters, setFilters] = useState<MetaCapiEventFilters>({})
  const [offset, setOffset] = useState(0)
  const events = useMetaCapiEvents(filters, offset)
  const { readiness } = useMetaFeatureReadiness("capi")
  const settings = useMetaCapiSettings()
  return (
    <div className="flex flex-col gap-y-3">
      <MetaFeatureNotice readiness={readiness} />
      <CapiEventsLogSection
        testEventCode={settings.data?.settings.test_event_code ?? null}
        canSend={readiness?.state === "ready"}
        filters={filters}
        onFiltersChange={(next) => {
          setOffset(0)
          setFilters(next)
        }}
        offset={offset}
        onOffsetChange={setOffset}
        query={events}
      />
      <MatchQualitySection filters={filters} />
      <TestEventCodeSection />
    </div>
  )
}

// A sub-item of the "Meta" sidebar entry (routes/meta/page.tsx): nested by its path, ordered by rank.
export const config = defineRouteConfig({
  label: "Events",
  rank: 20,
})

export default MetaEventsPage
