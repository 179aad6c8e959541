import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncMetaAdsWorkflow } from "../../../../../workflows/ads"

/** Mirrors the ad account now instead of waiting for the next scheduled pass. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await syncMetaAdsWorkflow(req.scope).run()
  res.json({ sync: result })
}
