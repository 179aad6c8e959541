/** What the admin sees of a catalog item: status, last sync and the errors with their fix hints. */
export function presentCatalogItem(row: Record<string, any>) {
  return {
    id: row.id,
    variant_id: row.variant_id,
    product_id: row.product_id,
    retailer_id: row.retailer_id,
    status: row.status,
    pending: row.dirty || row.batch_id !== null,
    excluded: row.excluded,
    last_synced_at: row.last_synced_at,
    next_attempt_at: row.next_attempt_at,
    errors: row.errors ?? [],
  }
}

export function presentRun(run: Record<string, any> | undefined | null) {
  if (!run) return null
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    total: run.total,
    processed: run.processed,
    deleted: run.deleted,
    message: run.message,
    started_at: run.started_at,
    finished_at: run.finished_at,
  }
}
