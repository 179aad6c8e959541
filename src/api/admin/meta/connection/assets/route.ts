import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateMetaSelectionWorkflow } from "../../../../../workflows"
import type { MetaConnectionResponse } from "../../../../../types/http/connection"
import { readConnectionView } from "../helpers"
import type { PostMetaConnectionAssetsType } from "../validators"

export const POST = async (
  req: AuthenticatedMedusaRequest<PostMetaConnectionAssetsType>,
  res: MedusaResponse<MetaConnectionResponse>
) => {
  await updateMetaSelectionWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ connection: await readConnectionView(req.scope) })
}
