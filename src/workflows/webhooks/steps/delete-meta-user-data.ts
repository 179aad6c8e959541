import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { metaService } from "../../../modules/meta/resolve-meta-service"

export type DeletionSummary = { tokens: number; leads: number; comments: number; webhook_events: number }

/**
 * Meta's data-deletion callback (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback): removes what the plugin keeps about that Meta user —
 * the tokens of connections they authorised (the connection is revoked), the leads retrieved through
 * those connections, the comments they wrote or that arrived through those connections, and the logged
 * webhook changes that carried them. Medusa customers are the store's own records and are not touched.
 * Deleting is final, so there is no compensation.
 */
export const deleteMetaUserDataStep = createStep(
  "delete-meta-user-data",
  async (input: { meta_user_id: string }, { container }) => {
    const service = metaService(container)
    const summary: DeletionSummary = { tokens: 0, leads: 0, comments: 0, webhook_events: 0 }

    const connections = await service.listMetaConnections(
      { meta_user_id: input.meta_user_id },
      { withDeleted: true, take: null }
    )
    const connectionIds = connections.map((c) => c.id)
    for (const connection of connections) {
      if (connection.access_token) summary.tokens++
      await service.updateMetaConnections({
        id: connection.id,
        access_token: null,
        status: "revoked",
        last_error: "Data deleted at the Meta user's request; reconnect to resume.",
        last_error_at: new Date(),
      })
    }
    if (connectionIds.length) {
      const assets = await service.listMetaAssets({ connection_id: connectionIds }, { withDeleted: true, take: null })
      for (const asset of assets.filter((a) => a.access_token)) {
        await service.updateMetaAssets({ id: asset.id, access_token: null })
        summary.tokens++
      }
    }

    const leads = connectionIds.length
      ? await service.listMetaLeads({ connection_id: connectionIds }, { withDeleted: true, take: null })
      : []
    const byAuthor = await service.listMetaComments({ author_id: input.meta_user_id }, { withDeleted: true, take: null })
    const byConnection = connectionIds.length
      ? await service.listMetaComments({ connection_id: connectionIds }, { withDeleted: true, take: null })
      : []
    const comments = [...new Map([...byAuthor, ...byConnection].map((c) => [c.id, c])).values()]

    // The log keeps the raw change values; those of deleted leads and comments go too.
    const leadgenIds = new Set(leads.map((l) => l.leadgen_id))
    const commentIds = new Set(comments.map((c) => c.comment_id))
    const events = await service.listMetaWebhookEvents({}, { select: ["id", "field", "payload"], withDeleted: true, take: null })
    const eventIds = events
      .filter((event) => {
        const payload = (event.payload ?? {}) as Record<string, unknown>
        const from = (payload.from ?? {}) as Record<string, unknown>
        return (
          leadgenIds.has(String(payload.leadgen_id)) ||
          commentIds.has(String(payload.comment_id)) ||
          commentIds.has(String(payload.id)) ||
          from.id === input.meta_user_id
        )
      })
      .map((event) => event.id)

    if (leads.length) await service.deleteMetaLeads(leads.map((l) => l.id))
    if (comments.length) await service.deleteMetaComments(comments.map((c) => c.id))
    if (eventIds.length) await service.deleteMetaWebhookEvents(eventIds)
    summary.leads = leads.length
    summary.comments = comments.length
    summary.webhook_events = eventIds.length
    return new StepResponse(summary)
  }
)
