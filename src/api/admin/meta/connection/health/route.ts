import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkMetaConnectionHealthWorkflow } from "../../../../../workflows"
import { readConnectionView } from "../helpers"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await checkMetaConnectionHealthWorkflow(req.scope).run()
  res.json({ health: result.health, connection: await readConnectionView(req.scope) })
}
