import { Skeleton, Container } from "@medusajs/ui"
import { useState } from "react"
import { useMetaOverview } from "../../hooks/api/overview"
import { SectionError } from "../webhooks/section-error"
import { ActivityCard } from "./activity-card"
import { AdsCard } from "./ads-card"
import { AlertSettingsDrawer } from "./alert-settings-drawer"
import { ConnectionCard } from "./connection-card"
import { RoiReportSection } from "./roi-report-section"
import { SuggestionsCard } from "./suggestions-card"

/** The Meta overview: whether everything works and what to do next, every number a link to its screen. */
export const MetaOverviewSection = () => {
  const query = useMetaOverview()
  const [settingsOpen, setSettingsOpen] = useState(false)

  if (query.isPending) {
    return (
      <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="meta-overview-loading" aria-busy>
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-4 w-96" />
        <Skeleton className="h-20 w-full" />
      </Container>
    )
  }
  if (query.isError) {
    return (
      <Container className="p-0">
        <SectionError what="The Meta overview" message={query.error.message} onRetry={() => query.refetch()} />
      </Container>
    )
  }
  const { overview } = query.data
  return (
    <div className="flex flex-col gap-y-3" data-testid="meta-overview">
      <ConnectionCard connection={overview.connection} />
      <SuggestionsCard suggestions={overview.suggestions} alerts={overview.alerts} onAlertSettings={() => setSettingsOpen(true)} />
      {overview.connection && (
        <>
          <ActivityCard overview={overview} />
          <AdsCard ads={overview.ads} />
          <RoiReportSection adAccountChosen={overview.ads.enabled && !!overview.ads.selected_account_id} />
        </>
      )}
      <AlertSettingsDrawer open={settingsOpen} onOpenChange={setSettingsOpen} />
    </div>
  )
}
