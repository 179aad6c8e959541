import { sellableQuantity, type CatalogPriceInput, type CatalogProductInput, type CatalogVariantInput } from "../lib/catalog"
import type { SqlExecutor } from "../modules/meta/sql-executor"

// Reads of Medusa's product, pricing, inventory, sales-channel and stock-location tables (and their
// links) for the catalog mapping. See index.ts: the contract test proves they say what Medusa says.

export type CatalogSource = {
  product: CatalogProductInput
  variant: CatalogVariantInput
  salesChannelIds: string[]
}

type Row = Record<string, any>

/**
 * What the mapping reads of each variant, one row per variant, in one set-based statement per page
 * (a full sync of 100k variants would otherwise spend its time and memory building Query's object trees).
 * It reads what `query.graph` did: live rows only (soft-deleted ones are absent), Medusa's raw decimal
 * amount (never a rounded float), the variant's own images plus the product images no variant claims,
 * and a price set's base prices plus the prices of price lists that apply to every shopper (no list
 * rules such as customer groups), with their list's type, status and window — a sale list becomes
 * Meta's sale_price. Images go by rank; option values and categories in the order they were
 * created (as Query returned them), so titles like "Tee - M / Black" keep their option order.
 * Stock counts, as Medusa does for a sales channel, only the levels at the stock locations linked to the
 * catalog's sales channel (the caller's, from resolveCatalogContext); with no channel at all, every location.
 */
const VARIANTS_SQL = `
  WITH channel AS (
    SELECT ?::text AS id
  ), counted AS (
    SELECT CASE WHEN channel.id IS NULL THEN NULL ELSE
             (SELECT coalesce(array_agg(scl.stock_location_id), '{}') FROM sales_channel_stock_location scl
               WHERE scl.sales_channel_id = channel.id AND scl.deleted_at IS NULL) END AS location_ids
      FROM channel
  )
  SELECT v.id, v.sku, v.title, v.barcode, v.ean, v.upc, v.material, v.manage_inventory, v.allow_backorder, v.metadata, v.product_id,
    (SELECT coalesce(json_agg(json_build_object('option_title', coalesce(o.title, ''), 'value', ov.value) ORDER BY ov.created_at, ov.ctid), '[]')
       FROM product_variant_option vo
       JOIN product_option_value ov ON ov.id = vo.option_value_id AND ov.deleted_at IS NULL
       LEFT JOIN product_option o ON o.id = ov.option_id AND o.deleted_at IS NULL
      WHERE vo.variant_id = v.id) AS options,
    (SELECT coalesce(array_agg(i.url ORDER BY i.rank, i.id), '{}') FROM image i
      WHERE i.product_id = v.product_id AND i.deleted_at IS NULL
        AND (NOT EXISTS (SELECT 1 FROM product_variant_product_image vi WHERE vi.image_id = i.id AND vi.deleted_at IS NULL)
             OR EXISTS (SELECT 1 FROM product_variant_product_image vi WHERE vi.image_id = i.id AND vi.variant_id = v.id AND vi.deleted_at IS NULL))) AS images,
    (SELECT coalesce(json_agg(json_build_object(
              'amount', coalesce(p.raw_amount->>'value', p.amount::text), 'currency_code', p.currency_code,
              'rules_count', coalesce(p.rules_count, 0), 'min_quantity', p.min_quantity::float8,
              'price_list', CASE WHEN pl.id IS NULL THEN NULL ELSE json_build_object(
                'type', pl.type, 'status', pl.status, 'starts_at', pl.starts_at, 'ends_at', pl.ends_at) END)
            ORDER BY p.id), '[]')
       FROM product_variant_price_set link
       JOIN price_set s ON s.id = link.price_set_id AND s.deleted_at IS NULL
       JOIN price p ON p.price_set_id = s.id AND p.deleted_at IS NULL
       LEFT JOIN price_list pl ON pl.id = p.price_list_id AND pl.deleted_at IS NULL
      WHERE link.variant_id = v.id AND link.deleted_at IS NULL
        AND (p.price_list_id IS NULL OR (pl.id IS NOT NULL AND coalesce(pl.rules_count, 0) = 0))) AS prices,
    (SELECT json_agg(json_build_object('required_quantity', link.required_quantity, 'levels',
              (SELECT coalesce(json_agg(json_build_object('stocked_quantity', l.stocked_quantity, 'reserved_quantity', l.reserved_quantity)), '[]')
                 FROM inventory_level l
                WHERE l.inventory_item_id = item.id AND l.deleted_at IS NULL
                  AND (counted.location_ids IS NULL OR l.location_id = ANY(counted.location_ids)))))
       FROM product_variant_inventory_item link
       LEFT JOIN inventory_item item ON item.id = link.inventory_item_id AND item.deleted_at IS NULL
      WHERE link.variant_id = v.id AND link.deleted_at IS NULL) AS stock
  FROM product_variant v
  JOIN product pr ON pr.id = v.product_id AND pr.deleted_at IS NULL
  CROSS JOIN counted
  WHERE v.id = ANY(?::text[]) AND v.deleted_at IS NULL`

/** The products of a page, once each: siblings count and all options (to know which options tell variants apart). */
const PRODUCTS_SQL = `
  SELECT p.id, p.title, p.subtitle, p.description, p.handle, p.status, p.thumbnail, p.material, p.metadata,
    t.value AS type, c.title AS collection,
    (SELECT coalesce(array_agg(i.url ORDER BY i.rank, i.id), '{}') FROM image i WHERE i.product_id = p.id AND i.deleted_at IS NULL) AS images,
    (SELECT coalesce(json_agg(json_build_array(parent.name, cat.name) ORDER BY cat.created_at, cat.ctid), '[]')
       FROM product_category_product pc
       JOIN product_category cat ON cat.id = pc.product_category_id AND cat.deleted_at IS NULL
       LEFT JOIN product_category parent ON parent.id = cat.parent_category_id AND parent.deleted_at IS NULL
      WHERE pc.product_id = p.id) AS categories,
    (SELECT coalesce(array_agg(sc.id ORDER BY sc.id), '{}') FROM product_sales_channel psc
       JOIN sales_channel sc ON sc.id = psc.sales_channel_id AND sc.deleted_at IS NULL
      WHERE psc.product_id = p.id AND psc.deleted_at IS NULL) AS sales_channel_ids,
    (SELECT coalesce(json_agg(json_build_object('title', o.title, 'values',
              (SELECT coalesce(json_agg(ov.value ORDER BY ov.rank, ov.id), '[]') FROM product_option_value ov
                WHERE ov.option_id = o.id AND ov.deleted_at IS NULL)) ORDER BY o.id), '[]')
       FROM product_product_option ppo
       JOIN product_option o ON o.id = ppo.product_option_id AND o.deleted_at IS NULL
      WHERE ppo.product_id = p.id AND ppo.deleted_at IS NULL) AS options,
    (SELECT count(*)::int FROM product_variant sibling WHERE sibling.product_id = p.id AND sibling.deleted_at IS NULL) AS variant_count
  FROM product p
  LEFT JOIN product_type t ON t.id = p.type_id AND t.deleted_at IS NULL
  LEFT JOIN product_collection c ON c.id = p.collection_id AND c.deleted_at IS NULL
  WHERE p.id = ANY(?::text[]) AND p.deleted_at IS NULL`

type ProductPart = { product: CatalogProductInput; salesChannelIds: string[] }

function toProduct(row: Row): ProductPart {
  return {
    salesChannelIds: row.sales_channel_ids,
    product: {
      id: row.id,
      title: row.title,
      subtitle: row.subtitle,
      description: row.description,
      handle: row.handle,
      status: row.status,
      thumbnail: row.thumbnail,
      images: row.images,
      material: row.material,
      metadata: row.metadata,
      type: row.type ?? null,
      collection: row.collection ?? null,
      // Root down: the parent's name first when there is one.
      categories: (row.categories as (string | null)[][]).map((path) => path.filter(Boolean) as string[]),
      options: row.options,
      variant_count: row.variant_count,
    },
  }
}

function toVariant(row: Row): CatalogVariantInput {
  return {
    id: row.id,
    sku: row.sku,
    title: row.title,
    barcode: row.barcode,
    ean: row.ean,
    upc: row.upc,
    material: row.material,
    manage_inventory: row.manage_inventory,
    allow_backorder: row.allow_backorder,
    metadata: row.metadata,
    options: row.options,
    images: row.images,
    prices: row.prices as CatalogPriceInput[],
    available_quantity: sellableQuantity(row.stock),
  }
}

/**
 * The Medusa data the catalog mapping reads, for a set of variants (missing ones are simply absent).
 * `salesChannelId` is the catalog's channel as resolveCatalogContext settled it (the one place that rule
 * lives); without one, stock at every location counts. Plain SQL on the executor given, nothing of the
 * framework: the catalog pass thread runs it on its own connection.
 */
export async function loadCatalogSources(
  db: SqlExecutor,
  variantIds: string[],
  salesChannelId: string | null | undefined
): Promise<Map<string, CatalogSource>> {
  const result = new Map<string, CatalogSource>()
  const ids = variantIds.filter((id) => !id.startsWith("orphan:"))
  if (!ids.length) return result
  const variants = await db.execute<Row[]>(VARIANTS_SQL, [salesChannelId ?? null, ids])
  if (!variants.length) return result
  const products = await db.execute<Row[]>(PRODUCTS_SQL, [[...new Set(variants.map((v) => v.product_id))]])
  const productsById = new Map(products.map((p) => [p.id as string, toProduct(p)]))
  for (const row of variants) {
    const part = productsById.get(row.product_id)
    if (part) result.set(row.id, { product: part.product, variant: toVariant(row), salesChannelIds: part.salesChannelIds })
  }
  return result
}
