import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { classifyChange, isGovernedByWebhooksFeature } from "../../../../../../lib/webhooks"
import { META_MODULE } from "../../../../../../modules/meta"
import type MetaModuleService from "../../../../../../modules/meta/service"
import type { MetaFeatureNotReadyResponse } from "../../../../../../types/http/connection"
import type { MetaWebhookEventResponse } from "../../../../../../types/http/webhooks"
import { processMetaWebhookEvent } from "../../../../../../workflows"
import { refuseUnlessFeatureReady } from "../../../connection/feature-ready"
import { presentWebhookEvent } from "../../present-webhook-event"

/**
 * Processes a logged change again now (a failed one, or one that never ran), whatever its schedule. A lead
 * or comment is refused with 409 while Webhooks is not ready (not connected, reconnect needed, switched
 * off…): the retry would only fail again.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<MetaWebhookEventResponse | MetaFeatureNotReadyResponse>
) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const [event] = await service.listMetaWebhookEvents({ id: req.params.id })
  if (!event) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Webhook event ${req.params.id} was not found`)
  }
  if (event.status === "processed") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This webhook event was already processed")
  }
  if (
    isGovernedByWebhooksFeature(classifyChange(event.object, event.field, event.payload)) &&
    (await refuseUnlessFeatureReady(req.scope, res as MedusaResponse<MetaFeatureNotReadyResponse>, "webhooks"))
  ) {
    return
  }
  await processMetaWebhookEvent(req.scope, event.id, { force: true })
  res.json({ webhook_event: presentWebhookEvent(await service.retrieveMetaWebhookEvent(event.id)) })
}
