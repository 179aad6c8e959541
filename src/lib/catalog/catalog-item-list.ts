/**
 * What the catalog page's list offers: its statuses, orders and search length (the admin's URL parameters
 * and the route's validator use them). The statements that read it are src/medusa-tables/catalog-item-list.ts.
 */

export const CATALOG_ITEM_STATUSES = ["pending", "synced", "needs_attention", "error", "deleting", "removed"] as const
export type CatalogItemListStatus = (typeof CATALOG_ITEM_STATUSES)[number]

/** The orders the list offers; a leading "-" reverses one, as in Medusa's own `order` query parameter. */
export const CATALOG_ITEM_ORDER_FIELDS = ["title", "status", "last_synced_at", "updated_at"] as const
export type CatalogItemOrderField = (typeof CATALOG_ITEM_ORDER_FIELDS)[number]
export const CATALOG_ITEM_ORDERS = CATALOG_ITEM_ORDER_FIELDS.flatMap((field) => [field, `-${field}`]) as string[]
export const DEFAULT_CATALOG_ITEM_ORDER = "-updated_at"

/** Longest search text accepted: longer than any product title or SKU a search could usefully match. */
export const MAX_CATALOG_SEARCH_LENGTH = 200

export type CatalogItemListQuery = {
  status?: CatalogItemListStatus
  product_id?: string
  excluded?: boolean
  /** Matched, case-insensitively and anywhere, against the product title, the variant SKU and the retailer id. */
  q?: string
  order?: string
  limit: number
  offset: number
}
