import type {
  MetaCatalogItem,
  MetaCatalogItemError,
  MetaCatalogItemStatus,
  MetaCatalogRun,
} from "../../../../types/http/catalog"

type DateLike = Date | string | null

type CatalogItemRow = {
  id: string
  variant_id: string
  product_id: string | null
  retailer_id: string | null
  status: MetaCatalogItemStatus
  dirty: boolean
  batch_id: string | null
  excluded: boolean
  last_synced_at: DateLike
  next_attempt_at: DateLike
  errors: unknown
}

type CatalogRunRow = {
  id: string
  kind: MetaCatalogRun["kind"]
  status: MetaCatalogRun["status"]
  total: number
  processed: number
  deleted: number
  message: string | null
  started_at: Date | string
  finished_at: DateLike
}

const iso = (value: DateLike) => (value ? new Date(value).toISOString() : null)

/** What the admin sees of a catalog item: status, last sync and the errors with their fix hints. */
export function presentCatalogItem(row: CatalogItemRow): MetaCatalogItem {
  return {
    id: row.id,
    variant_id: row.variant_id,
    product_id: row.product_id,
    retailer_id: row.retailer_id,
    status: row.status,
    pending: row.dirty || row.batch_id !== null,
    excluded: row.excluded,
    last_synced_at: iso(row.last_synced_at),
    next_attempt_at: iso(row.next_attempt_at),
    errors: (row.errors as MetaCatalogItemError[] | null) ?? [],
  }
}

export function presentRun(run: CatalogRunRow): MetaCatalogRun {
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    total: run.total,
    processed: run.processed,
    deleted: run.deleted,
    message: run.message,
    started_at: new Date(run.started_at).toISOString(),
    finished_at: iso(run.finished_at),
  }
}
