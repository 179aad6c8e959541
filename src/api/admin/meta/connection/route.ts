import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaConnectionDeleteResponse, MetaConnectionResponse } from "../../../../types/http/connection"
import { connectMetaWorkflow, disconnectMetaWorkflow } from "../../../../workflows"
import { readConnectionView } from "./helpers"
import type { PostMetaConnectionType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaConnectionResponse>) => {
  res.json({ connection: await readConnectionView(req.scope) })
}

/** Connect with a system-user token instead of OAuth. */
export const POST = async (
  req: AuthenticatedMedusaRequest<PostMetaConnectionType>,
  res: MedusaResponse<MetaConnectionResponse>
) => {
  const { access_token, ...selection } = req.validatedBody
  await connectMetaWorkflow(req.scope).run({
    input: {
      method: "system_user",
      access_token,
      user_id: req.auth_context.actor_id,
      selection,
    },
  })
  res.json({ connection: await readConnectionView(req.scope) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaConnectionDeleteResponse>) => {
  const { result } = await disconnectMetaWorkflow(req.scope).run()
  res.json({
    id: result.connection_id,
    object: "meta_connection",
    deleted: true,
    revoked_at_meta: result.revoked_at_meta,
  })
}
