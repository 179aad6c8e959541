import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { catalogItemTotal, fullSyncProgress } from "../lib/catalog/full-sync-progress"
import { listVariantIdsAfter } from "../medusa-tables"
import { metaService } from "../modules/meta/resolve-meta-service"
import { knexSqlExecutor } from "../modules/meta/sql-executor"

const PAGE = 5000

/**
 * Starts a full sync: every variant (and every item the store still tracks) is marked dirty, page by
 * page so memory stays flat; the worker then maps them all and sends only what differs from Meta.
 * While one runs, starting again returns it as it is: it already covers every variant (later changes
 * are marked dirty as they happen), and marking all again would put its progress back to 0.
 */
export async function startFullSync(container: MedusaContainer): Promise<{ run_id: string; total: number }> {
  const service = metaService(container)
  const [running] = await service.listMetaCatalogRuns({ kind: "full_sync", status: "running" }, { take: 1 })
  if (running) return { run_id: running.id, total: running.total }
  const db = knexSqlExecutor(container.resolve(ContainerRegistrationKeys.PG_CONNECTION))
  const connection = await service.retrieveLiveConnection()
  const startedAt = new Date()
  if (connection?.catalog_id) await service.forgetOtherCatalogs(connection.catalog_id)
  const markedSince = await service.markAllCatalogItemsDirty()
  for (let after = ""; ; ) {
    const rows = await listVariantIdsAfter(db, after, PAGE)
    await service.markCatalogItemsDirty(rows, { unlessMarkedSince: markedSince })
    if (rows.length < PAGE) break
    after = rows[rows.length - 1].variant_id
  }
  const counts = await service.countCatalogItemsByStatus()
  const total = catalogItemTotal(counts)
  const progress = fullSyncProgress(total, counts, 0)
  // Recorded once everything is marked: a start that failed half way leaves no run that would pass for one.
  // A store with nothing to sync is done at once (and no empty run stays "running" for the next start to join).
  const run = await service.createMetaCatalogRuns({
    kind: "full_sync",
    status: progress.done ? "completed" : "running",
    started_at: startedAt,
    ...(progress.done ? { finished_at: new Date() } : {}),
    catalog_id: connection?.catalog_id ?? null,
    total,
    processed: progress.processed,
  })
  return { run_id: run.id, total }
}

/** Progress of running full syncs: done when nothing is dirty or in flight any more. */
export async function updateRunProgress(container: MedusaContainer): Promise<void> {
  const service = metaService(container)
  const running = await service.listMetaCatalogRuns({ kind: "full_sync", status: "running" }, { take: 5 })
  if (!running.length) return
  const counts = await service.countCatalogItemsByStatus()
  const inFlight = await service.listAndCountMetaCatalogBatches({ status: ["sending", "submitted"] }, { take: 1 })
  for (const run of running) {
    const { processed, done } = fullSyncProgress(run.total, counts, inFlight[1])
    await service.updateMetaCatalogRuns({
      id: run.id,
      processed,
      ...(done ? { status: "completed", finished_at: new Date() } : {}),
    })
  }
}

/**
 * After connecting, or choosing another catalog: the catalog gets the whole store, including products
 * that existed before the plugin was installed (no event ever marked them). Nothing when sync has no
 * catalog to go to, or the catalog did not change.
 */
export async function startFullSyncForSelectedCatalog(
  container: MedusaContainer,
  previousCatalogId?: string | null
): Promise<{ run_id: string; total: number } | null> {
  const service = metaService(container)
  const connection = await service.retrieveLiveConnection()
  if (!connection?.catalog_id || connection.catalog_id === previousCatalogId) return null
  if (!service.featureFlags(connection).catalog.enabled) return null
  return startFullSync(container)
}
