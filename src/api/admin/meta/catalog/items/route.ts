import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CatalogItemListQuery } from "../../../../../lib/catalog/catalog-item-list"
import type { MetaCatalogItemsResponse } from "../../../../../types/http/catalog"
import { listCatalogItems } from "./list-catalog-items"

/**
 * GET /admin/meta/catalog/items?q=tee&status=needs_attention&excluded=false&order=title: the items with
 * their product and variant names, searched by product title, variant SKU or retailer id.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaCatalogItemsResponse>) {
  const query = req.validatedQuery as unknown as CatalogItemListQuery
  const { items, count } = await listCatalogItems(req.scope, query)
  res.json({ items, count, offset: query.offset, limit: query.limit })
}
