import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkMetaConnectionHealthWorkflow } from "../../../../../workflows"
import type { MetaConnectionHealthResponse } from "../../../../../types/http/connection"
import { readConnectionView } from "../helpers"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaConnectionHealthResponse>) => {
  const { result } = await checkMetaConnectionHealthWorkflow(req.scope).run()
  res.json({ health: result.health, connection: await readConnectionView(req.scope) })
}
