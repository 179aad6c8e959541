import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaCatalogSyncResponse } from "../../../../../types/http/catalog"
import type { MetaFeatureNotReadyResponse } from "../../../../../types/http/connection"
import { startMetaCatalogFullSyncWorkflow } from "../../../../../workflows/catalog"
import { metaService } from "../../../../../modules/meta/resolve-meta-service"
import { refuseUnlessFeatureReady } from "../../connection/feature-ready"
import { presentRun } from "../present-catalog"

/**
 * POST /admin/meta/catalog/sync: a full sync; the catalog worker sends what differs, progress on GET
 * catalog. Refused with 409 (what is wrong, the next step) while nothing could be sent: not connected,
 * reconnect needed, catalog sync off, no catalog chosen.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaCatalogSyncResponse | MetaFeatureNotReadyResponse>) {
  if (await refuseUnlessFeatureReady(req.scope, res, "catalog")) return
  const { result } = await startMetaCatalogFullSyncWorkflow(req.scope).run()
  const run = await metaService(req.scope).retrieveMetaCatalogRun(result.run_id)
  res.status(202).json({ run: presentRun(run) })
}
