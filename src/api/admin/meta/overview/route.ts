import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaOverviewResponse } from "../../../../types/http/overview"
import { readOverview } from "./read-overview"

/** GET /admin/meta/overview: whether everything works and what to do next, each figure with its screen. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaOverviewResponse>) => {
  res.json({ overview: await readOverview(req.scope) })
}
