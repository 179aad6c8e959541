import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { metaService } from "./catalog-context"

const PAGE = 5000

type Knex = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: { variant_id: string; product_id: string }[] }> }

/**
 * Starts a full sync: every variant (and every item the store still tracks) is marked dirty, page by
 * page so memory stays flat; the worker then maps them all and sends only what differs from Meta.
 */
export async function startFullSync(container: MedusaContainer): Promise<{ run_id: string; total: number }> {
  const service = metaService(container)
  const store = service.catalogItemStore()
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const connection = await service.retrieveLiveConnection()
  const running = await service.listMetaCatalogRuns({ kind: "full_sync", status: "running" } as any, { take: 1 })
  const run = running[0] ?? (await service.createMetaCatalogRuns({ kind: "full_sync", status: "running", started_at: new Date(), catalog_id: connection?.catalog_id ?? null } as any))
  await store.markAllDirty()
  // Keyset pages of plain rows: no ORM entities for 100k variants, and no OFFSET that rescans earlier pages.
  for (let after = ""; ; ) {
    const { rows } = await pg.raw(
      `SELECT "id" AS variant_id, "product_id" FROM "product_variant" WHERE "deleted_at" IS NULL AND "id" > ? ORDER BY "id" LIMIT ?`,
      [after, PAGE]
    )
    await store.markDirty(rows)
    if (rows.length < PAGE) break
    after = rows[rows.length - 1].variant_id
  }
  const counts = await store.countByStatus()
  const total = Object.entries(counts).filter(([k]) => !["dirty", "excluded"].includes(k)).reduce((s, [, n]) => s + n, 0)
  await service.updateMetaCatalogRuns({ id: run.id, total, processed: total - counts.dirty } as any)
  return { run_id: run.id, total }
}

/** Progress of running full syncs: done when nothing is dirty or in flight any more. */
export async function updateRunProgress(container: MedusaContainer): Promise<void> {
  const service = metaService(container)
  const running = await service.listMetaCatalogRuns({ kind: "full_sync", status: "running" } as any, { take: 5 })
  if (!running.length) return
  const counts = await service.catalogItemStore().countByStatus()
  const inFlight = await service.listAndCountMetaCatalogBatches({ status: ["sending", "submitted"] } as any, { take: 1 })
  for (const run of running) {
    const remaining = counts.dirty + (counts.deleting ?? 0)
    const done = remaining === 0 && inFlight[1] === 0
    await service.updateMetaCatalogRuns({
      id: run.id,
      processed: Math.max(0, run.total - remaining),
      ...(done ? { status: "completed", finished_at: new Date() } : {}),
    } as any)
  }
}
