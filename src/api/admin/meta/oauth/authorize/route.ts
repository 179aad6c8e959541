import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaOAuthAuthorizeResponse } from "../../../../../types/http/connection"
import { startMetaOAuthWorkflow } from "../../../../../workflows"

/** Returns Meta's login dialog URL; the admin navigates the browser there. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaOAuthAuthorizeResponse>) => {
  const { result } = await startMetaOAuthWorkflow(req.scope).run({
    input: { user_id: req.auth_context.actor_id },
  })
  res.json({ url: result.url })
}
