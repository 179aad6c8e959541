import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import { readPriceChangesSince } from "../medusa-tables"
import { metaService } from "../modules/meta/resolve-meta-service"
import { knexSqlExecutor } from "../modules/meta/sql-executor"

const CURSOR = "prices"

type Knex = { raw<T = { rows: Record<string, any>[] }>(sql: string, bindings: readonly unknown[]): Promise<T> }

/**
 * Medusa 2.21 emits no event when a price or a price list changes (prices edited through price lists,
 * imports or the pricing module directly), and core-flows offers no workflow hook on the price-list
 * workflows. So the catalog worker reads every price and price list changed since a watermark, maps them
 * to variants through the variant ↔ price set link and marks those dirty. Run every few seconds, this
 * keeps price edits well within the one-minute promise.
 */
export async function watchPriceChanges(container: MedusaContainer): Promise<{ variants: number }> {
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const {
    rows: [cursor],
  } = await pg.raw(`SELECT "id", "position"::text AS position FROM "meta_catalog_cursor" WHERE "name" = ? AND "deleted_at" IS NULL`, [CURSOR])
  if (!cursor) {
    // First run: a full sync sends everything anyway; from now on only changes matter.
    await pg.raw(
      `INSERT INTO "meta_catalog_cursor" ("id", "name", "position") VALUES (?, ?, clock_timestamp())
       ON CONFLICT ("name") WHERE "deleted_at" IS NULL DO NOTHING`,
      [generateEntityId(undefined, "metacc"), CURSOR]
    )
    return { variants: 0 }
  }
  const changes = await readPriceChangesSince(knexSqlExecutor(pg), cursor.position)
  const variants = await metaService(container).catalogItemStore().markDirty(changes.variants)
  // The newest change seen (not "now"): a change committed while we read is picked up next time. Moved
  // only after the variants are dirty, so a crash in between marks them again rather than losing them.
  if (changes.newest) {
    await pg.raw(`UPDATE "meta_catalog_cursor" SET "position" = ?::timestamptz, "updated_at" = now() WHERE "id" = ?`, [changes.newest, cursor.id])
  }
  return { variants }
}
