import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaCatalogSyncResponse } from "../../../../../types/http/catalog"
import { startMetaCatalogFullSyncWorkflow } from "../../../../../workflows/catalog"
import { metaService } from "../../../../../modules/meta/resolve-meta-service"
import { presentRun } from "../present-catalog"

/** POST /admin/meta/catalog/sync: a full sync; the catalog worker sends what differs, progress on GET catalog. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaCatalogSyncResponse>) {
  const { result } = await startMetaCatalogFullSyncWorkflow(req.scope).run()
  const run = await metaService(req.scope).retrieveMetaCatalogRun(result.run_id)
  res.status(202).json({ run: presentRun(run) })
}
