import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { metaService } from "../../../modules/meta/resolve-meta-service"
import { readableMetaError } from "../readable-meta-error"

/**
 * The Page fields the plugin processes: comments on posts arrive in `feed`, lead-ad submissions in `leadgen`
 * (src/lib/webhooks/classify-change.ts). Instagram comments and mentions come with the app's `instagram`
 * subscription in the App Dashboard, not with the Page's.
 */
export const PAGE_SUBSCRIBED_FIELDS = ["feed", "leadgen"]

/**
 * Subscribes the app to the chosen Page, so that Meta sends the Page's changes to the webhooks URL:
 * POST /{page_id}/subscribed_apps with the Page's token (pages_manage_metadata). Subscribing again is
 * harmless, so there is nothing to undo. https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps/
 */
export const subscribeMetaPageStep = createStep("subscribe-meta-page", async (_: void, { container }) => {
  const service = metaService(container)
  const connection = await service.retrieveLiveConnection()
  if (!connection) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "The store is not connected to Meta: connect first")
  }
  if (!service.featureFlags(connection).webhooks.enabled) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Webhooks are switched off: turn them on before subscribing the Page")
  }
  const pageId = connection.page_id
  if (!pageId) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "No Facebook Page is chosen: choose one in the Meta settings first")
  }
  const live = await service.getConnectionToken()
  const pageToken = live ? (await service.getPageTokens([pageId])).get(pageId) : undefined
  if (!live || !pageToken) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The connection cannot act for the Page: reconnect to Meta and allow managing the Page")
  }
  try {
    await service.getGraphClient().post(`${pageId}/subscribed_apps`, {
      token: pageToken,
      body: { subscribed_fields: PAGE_SUBSCRIBED_FIELDS.join(",") },
      // Repeating the same subscription changes nothing, so a lost answer may be retried.
      retry: true,
    })
  } catch (error) {
    await service.recordGraphFailure(live.connectionId, error)
    throw readableMetaError(error, "subscribe the Page to the app's webhooks")
  }
  return new StepResponse({ page_id: pageId, subscribed_fields: PAGE_SUBSCRIBED_FIELDS })
})
