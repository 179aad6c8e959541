import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CommentsSection } from "../../../components/webhooks/comments-section"
import { LeadsSection } from "../../../components/webhooks/leads-section"
import { WebhookLogSection } from "../../../components/webhooks/webhook-log-section"
import { useMetaWebhookEvents } from "../../../hooks/api/webhooks"

/** Meta → store: what arrived by webhook, the leads it produced and the comments to answer. */
const MetaWebhooksPage = () => {
  const { data } = useMetaWebhookEvents(undefined, 0)
  return (
    <div className="flex flex-col gap-y-3">
      <CommentsSection unread={data?.unread_comments ?? 0} />
      <LeadsSection />
      <WebhookLogSection />
    </div>
  )
}

// A sub-item of the "Meta" sidebar entry (routes/meta/page.tsx): nested by its path, ordered by rank.
export const config = defineRouteConfig({
  label: "Inbox",
  rank: 50,
})

export default MetaWebhooksPage
