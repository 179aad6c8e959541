import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaCatalogProductResponse } from "../../../../../../../types/http/catalog"
import { markMetaCatalogItemsDirtyWorkflow, syncMetaCatalogWorkflow } from "../../../../../../../workflows/catalog"
import { productItems, requireProduct } from "../exclusion"

/** POST /admin/meta/catalog/products/:id/sync: "sync now" — marks the product's variants and flushes at once. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaCatalogProductResponse>) {
  const productId = req.params.id
  await requireProduct(req, productId)
  await markMetaCatalogItemsDirtyWorkflow(req.scope).run({ input: { kind: "products", ids: [productId] } })
  await syncMetaCatalogWorkflow(req.scope).run({ input: { force: true } })
  res.json({ items: await productItems(req, productId) })
}
