import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startMetaOAuthWorkflow } from "../../../../../workflows"

/** Returns Meta's login dialog URL; the admin navigates the browser there. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await startMetaOAuthWorkflow(req.scope).run({
    input: { user_id: req.auth_context.actor_id },
  })
  res.json({ url: result.url })
}
