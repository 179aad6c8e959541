import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { MetaFeatureNotice, useMetaFeatureReadiness } from "../../../components/meta-feature-notice"
import { CommentsSection } from "../../../components/webhooks/comments-section"
import { LeadsSection } from "../../../components/webhooks/leads-section"
import { WebhookLogSection } from "../../../components/webhooks/webhook-log-section"
import { useMetaComments, useMetaLeads } from "../../../hooks/api/webhooks"

/**
 * Meta → store: the comments to answer, the leads webhooks produced and the log of what arrived.
 * Medusa's route config has no sidebar badge (label, icon, rank and translation namespace only), so the
 * counts are in this page's heading, each linking to its section.
 */
const MetaInboxPage = () => {
  const { readiness } = useMetaFeatureReadiness("webhooks")
  const comments = useMetaComments(false)
  const leads = useMetaLeads(0)
  const unread = comments.data?.unread_count ?? 0
  const failedLeads = leads.data?.failed_count ?? 0
  // A lead or comment retried while Webhooks is not ready only fails again (the route refuses it with 409).
  const retryBlocked = readiness && readiness.state !== "ready" ? `${readiness.title}: ${readiness.message}` : null

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-1 px-6 py-4">
        <div className="flex flex-wrap items-center gap-2">
          <Heading>Inbox</Heading>
          {unread > 0 && (
            <a href="#meta-comments" data-testid="meta-inbox-unread">
              <Badge size="2xsmall" color="blue">
                {unread === 1 ? "1 new comment" : `${unread} new comments`}
              </Badge>
            </a>
          )}
          {failedLeads > 0 && (
            <a href="#meta-leads" data-testid="meta-inbox-failed-leads">
              <Badge size="2xsmall" color="red">
                {failedLeads === 1 ? "1 lead needs attention" : `${failedLeads} leads need attention`}
              </Badge>
            </a>
          )}
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          Comments on your Facebook Page and Instagram posts, leads from your lead forms, and everything Meta sent.
        </Text>
      </Container>
      <MetaFeatureNotice readiness={readiness} />
      <CommentsSection unread={unread} />
      <LeadsSection retryBlocked={retryBlocked} />
      <WebhookLogSection retryBlocked={retryBlocked} />
    </div>
  )
}

// A sub-item of the "Meta" sidebar entry (routes/meta/page.tsx): nested by its path, ordered by rank.
export const config = defineRouteConfig({
  label: "Inbox",
  rank: 50,
})

export default MetaInboxPage
