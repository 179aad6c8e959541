export type MetaCatalogItemStatus = "pending" | "synced" | "needs_attention" | "error" | "deleting" | "removed"

export type MetaCatalogItemError = { field?: string; message: string; hint?: string }

export type AdminMetaCatalogItem = {
  id: string
  variant_id: string
  product_id: string | null
  retailer_id: string | null
  status: MetaCatalogItemStatus
  pending: boolean
  excluded: boolean
  last_synced_at: string | null
  next_attempt_at: string | null
  errors: MetaCatalogItemError[]
}

export type AdminMetaCatalogRun = {
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

export type AdminMetaCatalog = {
  catalog_id: string | null
  paused_reason: string | null
  currency_code: string
  totals: {
    synced: number
    pending: number
    needs_attention: number
    errors: number
    excluded: number
    waiting: number
  }
  full_sync: AdminMetaCatalogRun | null
  last_reconcile: AdminMetaCatalogRun | null
}

export type AdminMetaCatalogResponse = { catalog: AdminMetaCatalog }

export type AdminMetaCatalogItemsResponse = {
  items: AdminMetaCatalogItem[]
  count: number
  offset: number
  limit: number
}

export type AdminMetaCatalogProductResponse = { items: AdminMetaCatalogItem[] }
