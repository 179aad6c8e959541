import {
  CATALOG_ITEM_ORDERS,
  DEFAULT_CATALOG_ITEM_ORDER,
  type CatalogItemListQuery,
  type CatalogItemListStatus,
  type CatalogItemOrderField,
} from "../lib/catalog/catalog-item-list"

// Reads of Medusa's product and product_variant tables (titles, SKUs) for the catalog page's list. See
// index.ts; integration-tests/http/meta-catalog-list.spec.ts proves search and order against Medusa's rows.

/**
 * The catalog page's list as two statements (the page, its count) over `meta_catalog_item`, reading
 * Medusa's `product` (title) and `product_variant` (title, SKU) rows only when a search or the title order
 * needs them. Built with no database, so what a search matches and how each order sorts reads as a spec.
 */
export type CatalogItemListStatements = {
  page: { sql: string; params: unknown[] }
  count: { sql: string; params: unknown[] }
}

/**
 * Status order "by what needs the merchant first": problems, then work under way, then done, then gone.
 * Ascending puts problems on top.
 */
const STATUS_RANK: Record<CatalogItemListStatus, number> = {
  needs_attention: 0,
  error: 1,
  pending: 2,
  deleting: 3,
  synced: 4,
  removed: 5,
}

const STATUS_RANK_SQL = `CASE i."status" ${Object.entries(STATUS_RANK)
  .map(([status, rank]) => `WHEN '${status}' THEN ${rank}`)
  .join(" ")} ELSE ${Object.keys(STATUS_RANK).length} END`

/** The LIKE escape character: not a backslash, which knex's `\?` and string literals would both reinterpret. */
const LIKE_ESCAPE = "!"

/** A search text as a LIKE pattern matching it anywhere, its own `%`, `_` and `!` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `${LIKE_ESCAPE}${c}`)}%`
}

/** The search text as given, or null when there is nothing to search for (empty or only spaces). */
export function normalizeSearch(q: string | undefined): string | null {
  const text = q?.trim().replace(/\s+/g, " ") ?? ""
  return text.length ? text : null
}

/**
 * ORDER BY for one of the list's orders. Every order ends with the item id, so pages never repeat or
 * skip a row whose sort key equals its neighbour's. Items never synced sort as the oldest (first when
 * ascending, last when the most recent come first); items without a Medusa product sort after titled ones.
 */
export function catalogItemOrderBy(order: string | undefined): string {
  const value = order && CATALOG_ITEM_ORDERS.includes(order) ? order : DEFAULT_CATALOG_ITEM_ORDER
  const desc = value.startsWith("-")
  const field = (desc ? value.slice(1) : value) as CatalogItemOrderField
  const dir = desc ? "DESC" : "ASC"
  switch (field) {
    case "title":
      return `p."title" ${dir} NULLS LAST, v."title" ${dir} NULLS LAST, i."id" ${dir}`
    case "status":
      return `${STATUS_RANK_SQL} ${dir}, i."updated_at" DESC, i."id" ${dir}`
    case "last_synced_at":
      return `i."last_synced_at" ${dir} ${desc ? "NULLS LAST" : "NULLS FIRST"}, i."id" ${dir}`
    case "updated_at":
      return `i."updated_at" ${dir}, i."id" ${dir}`
  }
}

const ITEM_COLUMNS = `i."id", i."variant_id", i."product_id", i."retailer_id", i."status", i."dirty", i."batch_id", i."excluded",
       i."last_synced_at", i."next_attempt_at", i."errors"`

/**
 * The page and the count for a validated list query. Every filter is on the items table and its indexes;
 * the count never joins.
 */
export function catalogItemListStatements(query: CatalogItemListQuery): CatalogItemListStatements {
  const where: string[] = [`i."deleted_at" IS NULL`]
  const params: unknown[] = []
  if (query.status) {
    where.push(`i."status" = ?`)
    params.push(query.status)
  }
  if (query.product_id) {
    where.push(`i."product_id" = ?`)
    params.push(query.product_id)
  }
  if (query.excluded !== undefined) {
    where.push(`i."excluded" = ?`)
    params.push(query.excluded)
  }
  const search = normalizeSearch(query.q)
  if (search) {
    // Semi-joins: each of Medusa's tables is scanned once for the text, instead of matching it on every
    // row of a three-way join (about twice as fast on 100,000 items).
    const pattern = containsPattern(search)
    const like = (column: string) => `${column} ILIKE ? ESCAPE '${LIKE_ESCAPE}'`
    where.push(`(i."product_id" IN (SELECT sp."id" FROM "product" sp WHERE sp."deleted_at" IS NULL AND ${like(`sp."title"`)})
       OR i."variant_id" IN (SELECT sv."id" FROM "product_variant" sv WHERE sv."deleted_at" IS NULL AND ${like(`sv."sku"`)})
       OR ${like(`i."retailer_id"`)})`)
    params.push(pattern, pattern, pattern)
  }
  const orderBy = catalogItemOrderBy(query.order)
  // Only the title order reads Medusa's rows for every item; the plain list stays on the items table.
  const joins = orderBy.includes(`p."title"`)
    ? `LEFT JOIN "product_variant" v ON v."id" = i."variant_id" AND v."deleted_at" IS NULL
       LEFT JOIN "product" p ON p."id" = i."product_id" AND p."deleted_at" IS NULL`
    : ""
  const filters = `WHERE ${where.join(" AND ")}`
  return {
    page: {
      sql: `SELECT ${ITEM_COLUMNS} FROM "meta_catalog_item" i ${joins} ${filters} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
      params: [...params, query.limit, query.offset],
    },
    count: { sql: `SELECT count(*)::int AS count FROM "meta_catalog_item" i ${filters}`, params },
  }
}
