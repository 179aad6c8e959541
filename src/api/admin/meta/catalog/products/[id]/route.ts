import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaCatalogProductResponse } from "../../../../../../types/http/catalog"
import { productItems, requireProduct } from "./exclusion"

/** GET /admin/meta/catalog/products/:id: each variant's Meta status, last sync and error hints. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaCatalogProductResponse>) {
  await requireProduct(req, req.params.id)
  res.json({ items: await productItems(req, req.params.id) })
}
