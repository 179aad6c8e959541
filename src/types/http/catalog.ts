/**
 * Response types of the catalog routes (`/admin/meta/catalog*`). The routes answer with these and the
 * admin imports them type-only, so both sides read one definition.
 */

export type MetaCatalogItemStatus = "pending" | "synced" | "needs_attention" | "error" | "deleting" | "removed"

/** Meta's item error, or the reason the plugin could not send the item, with what to do about it. */
export type MetaCatalogItemError = { field?: string; message: string; hint?: string }

/** One Medusa variant as the Meta catalog knows it. */
export type MetaCatalogItem = {
  id: string
  variant_id: string
  product_id: string | null
  /** The id Meta knows the item by (SKU, else variant id), as last sent. */
  retailer_id: string | null
  status: MetaCatalogItemStatus
  /** Changed since the last send, or in a batch Meta has not finished. */
  pending: boolean
  excluded: boolean
  last_synced_at: string | null
  next_attempt_at: string | null
  errors: MetaCatalogItemError[]
}

/** A full sync or a reconcile, with its progress. */
export type MetaCatalogRun = {
  id: string
  kind: "full_sync" | "reconcile"
  status: "running" | "completed" | "failed" | "stopped"
  total: number
  processed: number
  deleted: number
  message: string | null
  started_at: string
  finished_at: string | null
}

export type MetaCatalog = {
  catalog_id: string | null
  /** Why the catalog worker waits (not connected, no catalog chosen, feature off, …); null when it runs. */
  paused_reason: string | null
  currency_code: string
  totals: {
    synced: number
    pending: number
    needs_attention: number
    errors: number
    excluded: number
    /** Changed and not sent yet. */
    waiting: number
  }
  full_sync: MetaCatalogRun | null
  last_reconcile: MetaCatalogRun | null
}

/** `GET /admin/meta/catalog`. */
export type MetaCatalogResponse = { catalog: MetaCatalog }

/** `POST /admin/meta/catalog/sync` (202): the full sync just started. */
export type MetaCatalogSyncResponse = { run: MetaCatalogRun }

/** A row of the catalog list: the item with the names a merchant knows it by and where to fix it. */
export type MetaCatalogListItem = MetaCatalogItem & {
  /** Null when Medusa no longer has the product (or the item never belonged to one). */
  product: { id: string; title: string; thumbnail: string | null } | null
  /** Null when Medusa no longer has the variant. */
  variant: { id: string; title: string | null; sku: string | null } | null
  /** The admin page that fixes the item's first problem; null when it has none. */
  fix: { label: string; to: string } | null
}

/** The orders `GET /admin/meta/catalog/items` offers (`order=title`, `order=-last_synced_at`, …). */
export type MetaCatalogItemOrder =
  | "title"
  | "-title"
  | "status"
  | "-status"
  | "last_synced_at"
  | "-last_synced_at"
  | "updated_at"
  | "-updated_at"

/** `GET /admin/meta/catalog/items?q=&status=&excluded=&order=&limit=&offset=`. */
export type MetaCatalogItemsResponse = { items: MetaCatalogListItem[]; count: number; offset: number; limit: number }

/** `POST /admin/meta/catalog/items/{exclude,include,sync}`: the selected rows' variants. */
export type MetaCatalogItemsBulkBody = { variant_ids: string[] }

/** What a bulk action did: how many variants it changed, and the rows as they are now. */
export type MetaCatalogItemsBulkResponse = { items: MetaCatalogListItem[]; updated: number }

/** `GET /admin/meta/catalog/products/:id` and its `exclude`, `include`, `sync` actions: the product's variants. */
export type MetaCatalogProductResponse = { items: MetaCatalogItem[] }

/** `POST /admin/meta/catalog/products/:id/{exclude,include}`: the variants to change (all when absent). */
export type MetaCatalogExclusionBody = { variant_ids?: string[] }
