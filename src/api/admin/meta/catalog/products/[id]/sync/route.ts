import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaCatalogProductResponse } from "../../../../../../../types/http/catalog"
import type { MetaFeatureNotReadyResponse } from "../../../../../../../types/http/connection"
import { markMetaCatalogItemsDirtyWorkflow, syncMetaCatalogWorkflow } from "../../../../../../../workflows/catalog"
import { refuseUnlessFeatureReady } from "../../../../connection/feature-ready"
import { productItems, requireProduct } from "../exclusion"

/**
 * POST /admin/meta/catalog/products/:id/sync: "sync now" — marks the product's variants and flushes at once.
 * Refused with 409 while catalog sync cannot send (not connected, reconnect needed, off, no catalog).
 */
export async function POST(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<MetaCatalogProductResponse | MetaFeatureNotReadyResponse>
) {
  const productId = req.params.id
  await requireProduct(req, productId)
  if (await refuseUnlessFeatureReady(req.scope, res, "catalog")) return
  await markMetaCatalogItemsDirtyWorkflow(req.scope).run({ input: { kind: "products", ids: [productId] } })
  await syncMetaCatalogWorkflow(req.scope).run({ input: { force: true } })
  res.json({ items: await productItems(req, productId) })
}
