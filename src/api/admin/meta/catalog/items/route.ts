import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaCatalogItemsResponse } from "../../../../../types/http/catalog"
import { metaService } from "../../../../../modules/meta/resolve-meta-service"
import { presentCatalogItem } from "../present-catalog"

type Query = { status?: string; product_id?: string; limit: number; offset: number }

/** GET /admin/meta/catalog/items?status=needs_attention: the items, e.g. the ones a merchant must fix. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaCatalogItemsResponse>) {
  const { status, product_id, limit, offset } = req.validatedQuery as unknown as Query
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (product_id) filters.product_id = product_id
  const [rows, count] = await metaService(req.scope).listAndCountMetaCatalogItems(filters, {
    take: limit,
    skip: offset,
    order: { updated_at: "DESC" },
  })
  res.json({ items: rows.map((r) => presentCatalogItem(r)), count, offset, limit })
}
