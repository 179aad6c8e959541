import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import { metaService } from "../modules/meta/resolve-meta-service"

const CURSOR = "prices"

type Knex = { raw<T = { rows: Record<string, any>[] }>(sql: string, bindings?: unknown[]): Promise<T> }

/**
 * Prices and price lists changed after the watermark (their `updated_at`/`deleted_at`), the variants
 * whose price set holds them, and the newest change seen. The watermark never leaves PostgreSQL as a
 * JavaScript Date: `updated_at` has microseconds and a Date only milliseconds, so a rounded watermark
 * would make the latest edit look new on every tick. It travels as the database's own text instead.
 */
const CHANGES_SQL = `
  WITH since AS (SELECT ?::timestamptz AS position),
  changed_prices AS (
    SELECT p.price_set_id, p.updated_at AS at FROM price p, since WHERE p.updated_at > since.position
    UNION ALL
    SELECT p.price_set_id, p.deleted_at FROM price p, since WHERE p.deleted_at > since.position
  ),
  changed_lists AS (
    SELECT l.id, l.updated_at AS at FROM price_list l, since WHERE l.updated_at > since.position AND l.deleted_at IS NULL
  ),
  price_sets AS (
    SELECT price_set_id FROM changed_prices
    UNION SELECT p.price_set_id FROM price p JOIN changed_lists l ON l.id = p.price_list_id
  )
  SELECT (SELECT max(at)::text FROM (SELECT at FROM changed_prices UNION ALL SELECT at FROM changed_lists) stamps) AS newest,
         coalesce((SELECT json_agg(json_build_object('variant_id', link.variant_id, 'product_id', v.product_id))
            FROM product_variant_price_set link
            JOIN price_sets s ON s.price_set_id = link.price_set_id
            LEFT JOIN product_variant v ON v.id = link.variant_id
           WHERE link.deleted_at IS NULL), '[]'::json) AS variants`

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
  const {
    rows: [changes],
  } = await pg.raw<{ rows: { newest: string | null; variants: { variant_id: string; product_id: string | null }[] }[] }>(CHANGES_SQL, [
    cursor.position,
  ])
  const variants = await metaService(container).catalogItemStore().markDirty(changes.variants)
  // The newest change seen (not "now"): a change committed while we read is picked up next time. Moved
  // only after the variants are dirty, so a crash in between marks them again rather than losing them.
  if (changes.newest) {
    await pg.raw(`UPDATE "meta_catalog_cursor" SET "position" = ?::timestamptz, "updated_at" = now() WHERE "id" = ?`, [changes.newest, cursor.id])
  }
  return { variants }
}
