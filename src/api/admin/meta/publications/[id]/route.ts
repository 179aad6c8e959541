import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { META_PUBLISHING_MODULE } from "../../../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../../../modules/meta-publishing/service"
import type { MetaPublicationDeleteResponse, MetaPublicationResponse } from "../../../../../types/http/publishing"
import { updateMetaPublicationWorkflow } from "../../../../../workflows/publishing"
import { presentPublication } from "../present-publication"
import type { PostMetaPublicationUpdateType } from "../validators"

const service = (req: AuthenticatedMedusaRequest<unknown>) => req.scope.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaPublicationResponse>) => {
  const row = await service(req).retrieveMetaPublication(req.params.id)
  res.json({ publication: presentPublication(row as never) })
}

/** Edit or reschedule (`{ scheduled_at }`; null makes it a draft again). */
export const POST = async (
  req: AuthenticatedMedusaRequest<PostMetaPublicationUpdateType>,
  res: MedusaResponse<MetaPublicationResponse>
) => {
  await updateMetaPublicationWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  const row = await service(req).retrieveMetaPublication(req.params.id)
  res.json({ publication: presentPublication(row as never) })
}

/** Deletes a publication that is not live (a published post stays on record; delete it on Meta). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaPublicationDeleteResponse>) => {
  const row = await service(req).retrieveMetaPublication(req.params.id)
  if (row.status === "published" || row.status === "publishing" || row.publish_requested_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A ${row.status} publication cannot be deleted; cancel it first or keep it as a record.`)
  }
  await service(req).softDeleteMetaPublications(row.id)
  res.json({ id: row.id, object: "meta_publication", deleted: true })
}
