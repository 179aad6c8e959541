import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_PUBLISHING_MODULE } from "../../../../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../../../../modules/meta-publishing/service"
import type { MetaPublicationResponse } from "../../../../../../types/http/publishing"
import { cancelMetaPublicationWorkflow } from "../../../../../../workflows/publishing"
import { presentPublication } from "../../present-publication"

/** Never published: refused (400, with the reason) once the publish call has gone out. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaPublicationResponse>) => {
  await cancelMetaPublicationWorkflow(req.scope).run({ input: { id: req.params.id } })
  const row = await req.scope.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE).retrieveMetaPublication(req.params.id)
  res.json({ publication: presentPublication(row as never) })
}
