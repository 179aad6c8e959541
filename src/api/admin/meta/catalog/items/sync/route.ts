import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaCatalogItemsBulkBody, MetaCatalogItemsBulkResponse } from "../../../../../../types/http/catalog"
import type { MetaFeatureNotReadyResponse } from "../../../../../../types/http/connection"
import { markMetaCatalogItemsDirtyWorkflow, syncMetaCatalogWorkflow } from "../../../../../../workflows/catalog"
import { refuseUnlessFeatureReady } from "../../../connection/feature-ready"
import { selectedVariants, selectionRows } from "../bulk"

/**
 * POST /admin/meta/catalog/items/sync { variant_ids }: "sync selected" — marks the variants changed and
 * flushes at once. Refused with 409 while catalog sync could not send anything (not connected, off, …).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<MetaCatalogItemsBulkBody>,
  res: MedusaResponse<MetaCatalogItemsBulkResponse | MetaFeatureNotReadyResponse>
) {
  const { ids } = await selectedVariants(req)
  if (await refuseUnlessFeatureReady(req.scope, res, "catalog")) return
  await markMetaCatalogItemsDirtyWorkflow(req.scope).run({ input: { kind: "variants", ids } })
  await syncMetaCatalogWorkflow(req.scope).run({ input: { force: true } })
  res.json({ items: await selectionRows(req, ids), updated: ids.length })
}
