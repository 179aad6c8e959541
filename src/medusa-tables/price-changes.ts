import type { SqlExecutor } from "../modules/meta/sql-executor"

// Reads of Medusa's pricing tables (price, price_list) and the variant ↔ price set link, for the price
// watcher. See index.ts: the contract test proves they find what Medusa's pricing module changed.

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

export type PriceChanges = {
  /** The newest change seen, as PostgreSQL's own timestamptz text (microseconds kept); null: none. */
  newest: string | null
  variants: { variant_id: string; product_id: string | null }[]
}

/** The variants whose prices (or price lists) changed after `position` (a timestamptz text). */
export async function readPriceChangesSince(db: SqlExecutor, position: string): Promise<PriceChanges> {
  const [row] = await db.execute<PriceChanges[]>(CHANGES_SQL, [position])
  return { newest: row?.newest ?? null, variants: row?.variants ?? [] }
}

/**
 * The same question as a boolean SQL expression, for the catalog worker's one-statement probe:
 * `position` is an SQL expression of the watermark (a column of the caller's statement).
 */
export function pricesChangedAfterSql(position: string): string {
  return `(EXISTS (SELECT 1 FROM "price" p WHERE p."updated_at" > ${position} OR p."deleted_at" > ${position})
       OR EXISTS (SELECT 1 FROM "price_list" l WHERE l."updated_at" > ${position}))`
}
