import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { META_PUBLISHING_MODULE } from "../../../../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../../../../modules/meta-publishing/service"
import type { MetaPublicationResponse } from "../../../../../../types/http/publishing"
import { publishMetaPublicationsWorkflow, updateMetaPublicationWorkflow } from "../../../../../../workflows/publishing"
import { refuseUnlessFeatureReady } from "../../../connection/feature-ready"
import { presentPublication } from "../../present-publication"

/**
 * Publish now: the publication is scheduled for this moment (validated like any edit) and advanced right
 * away in the background; the answer says "publishing" and the publishing job finishes anything left.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaPublicationResponse>) => {
  if (await refuseUnlessFeatureReady(req.scope, res as MedusaResponse, "publishing")) return
  const service = req.scope.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const current = await service.retrieveMetaPublication(req.params.id, { relations: ["account"] })
  if (!(current as unknown as { account: { enabled: boolean; name: string } }).account.enabled) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Publishing is off for this account; turn it on under Publishing → Accounts first.")
  }
  await updateMetaPublicationWorkflow(req.scope).run({ input: { id: req.params.id, scheduled_at: new Date().toISOString(), publish_now: true } })
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  publishMetaPublicationsWorkflow(req.scope)
    .run({ input: { publication_id: req.params.id } })
    .catch((error: Error) => logger.warn(`Meta publishing: publish now of ${req.params.id} left to the job: ${error.message}`))
  const row = await service.retrieveMetaPublication(req.params.id)
  res.json({ publication: presentPublication(row as never) })
}
