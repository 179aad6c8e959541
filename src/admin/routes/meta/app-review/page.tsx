import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { AppReviewChecklist } from "../../../components/overview/app-review-checklist"
import { MetaFeatureNotice, useMetaFeatureReadiness } from "../../../components/meta-feature-notice"
import { MetaPageSkeleton } from "../../../components/meta-page-skeleton"
import { SectionError } from "../../../components/webhooks/section-error"
import { useMetaAppReview } from "../../../hooks/api/overview"

/** Going live with Meta: the App Review checklist for the permissions the enabled features request. */
const MetaAppReviewPage = () => {
  const query = useMetaAppReview()
  const { readiness } = useMetaFeatureReadiness()
  return (
    <div className="flex flex-col gap-y-3" data-testid="meta-app-review">
      <Container className="px-6 py-4">
        <Heading>Going live: App Review</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Until Meta reviews the app, only people with a role on it can connect. For each permission below, paste the use case, record the screens
          listed, and submit in the App Dashboard → App Review.
        </Text>
      </Container>
      <MetaFeatureNotice readiness={readiness} />
      {query.isPending && <MetaPageSkeleton />}
      {query.isError && (
        <Container className="p-0">
          <SectionError what="The App Review checklist" message={query.error.message} onRetry={() => query.refetch()} />
        </Container>
      )}
      {query.data && <AppReviewChecklist kit={query.data.app_review} />}
    </div>
  )
}

// A sub-item of the "Meta" sidebar entry (routes/meta/page.tsx): nested by its path, ordered by rank.
export const config = defineRouteConfig({
  label: "App Review",
  rank: 90,
})

export default MetaAppReviewPage
