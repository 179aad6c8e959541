import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { productItems, requireProduct } from "./exclusion"

/** GET /admin/meta/catalog/products/:id: each variant's Meta status, last sync and error hints. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await requireProduct(req, req.params.id)
  res.json({ items: await productItems(req, req.params.id) })
}
