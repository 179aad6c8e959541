import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateMetaFeaturesWorkflow } from "../../../../../workflows"
import type { MetaConnectionResponse } from "../../../../../types/http/connection"
import { readConnectionView } from "../helpers"
import type { PostMetaConnectionFeaturesType } from "../validators"

export const POST = async (
  req: AuthenticatedMedusaRequest<PostMetaConnectionFeaturesType>,
  res: MedusaResponse<MetaConnectionResponse>
) => {
  await updateMetaFeaturesWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ connection: await readConnectionView(req.scope) })
}
