import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { META_MODULE } from "../../../../../../modules/meta"
import type MetaModuleService from "../../../../../../modules/meta/service"
import type { MetaWebhookEventResponse } from "../../../../../../types/http/webhooks"
import { processMetaWebhookEvent } from "../../../../../../workflows"
import { presentWebhookEvent } from "../../present-webhook-event"

/** Processes a logged change again now (a failed one, or one that never ran), whatever its schedule. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaWebhookEventResponse>) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const [event] = await service.listMetaWebhookEvents({ id: req.params.id })
  if (!event) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Webhook event ${req.params.id} was not found`)
  }
  if (event.status === "processed") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This webhook event was already processed")
  }
  await processMetaWebhookEvent(req.scope, event.id, { force: true })
  res.json({ webhook_event: presentWebhookEvent(await service.retrieveMetaWebhookEvent(event.id)) })
}
