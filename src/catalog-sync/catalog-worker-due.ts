import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pricesChangedAfterSql } from "../medusa-tables"

type Knex = { raw<T = { rows: Record<string, any>[] }>(sql: string, bindings?: unknown[]): Promise<T> }

/**
 * Whether a worker tick would do anything: a connection with a catalog, and dirty items, batches
 * waiting for Meta's answer, a running full sync, dirty product sets, or prices changed since the
 * price watcher's watermark (or no watermark yet). One statement of EXISTS probes, so the tick that
 * runs every 5 seconds costs one short query on a quiet store instead of a workflow with three steps,
 * each reading the store settings and the connection (work that competes with shoppers' requests).
 */
const DUE_SQL = `
  WITH cursor AS (SELECT "position" FROM "meta_catalog_cursor" WHERE "name" = 'prices' AND "deleted_at" IS NULL)
  SELECT EXISTS (SELECT 1 FROM "meta_connection" WHERE "deleted_at" IS NULL AND "catalog_id" IS NOT NULL)
     AND (
          EXISTS (SELECT 1 FROM "meta_catalog_item" WHERE "deleted_at" IS NULL AND "dirty" = true)
       OR EXISTS (SELECT 1 FROM "meta_catalog_batch" WHERE "deleted_at" IS NULL AND "status" IN ('sending', 'submitted'))
       OR EXISTS (SELECT 1 FROM "meta_catalog_run" WHERE "deleted_at" IS NULL AND "status" = 'running')
       OR EXISTS (SELECT 1 FROM "meta_catalog_product_set" WHERE "deleted_at" IS NULL AND "dirty" = true)
       OR NOT EXISTS (SELECT 1 FROM cursor)
       OR ${pricesChangedAfterSql(`(SELECT "position" FROM cursor)`)}
     ) AS "due"`

export async function catalogWorkerDue(container: MedusaContainer): Promise<boolean> {
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const {
    rows: [row],
  } = await pg.raw<{ rows: { due: boolean }[] }>(DUE_SQL)
  return row?.due === true
}
