import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { catalogItemFix } from "../../../../../lib/catalog/catalog-item-fix"
import type { CatalogItemListQuery } from "../../../../../lib/catalog/catalog-item-list"
import { catalogItemListStatements } from "../../../../../medusa-tables"
import { knexSqlExecutor } from "../../../../../modules/meta/sql-executor"
import type { MetaCatalogListItem } from "../../../../../types/http/catalog"
import { presentCatalogItem } from "../present-catalog"

type CatalogItemRow = Parameters<typeof presentCatalogItem>[0]
type VariantName = { id: string; title?: string | null; sku?: string | null }
type ProductName = { id: string; title: string; thumbnail?: string | null }

/**
 * One page of the catalog list and its count. The search and the title order read Medusa's product and
 * variant titles and SKUs in the same statement (a page of 100,000 items cannot be sorted by a name read
 * afterwards); the names shown are then read for the page's rows only, through Medusa's product module.
 */
export async function listCatalogItems(
  scope: MedusaContainer,
  query: CatalogItemListQuery
): Promise<{ items: MetaCatalogListItem[]; count: number }> {
  const db = knexSqlExecutor(scope.resolve(ContainerRegistrationKeys.PG_CONNECTION))
  const statements = catalogItemListStatements(query)
  const [rows, counted] = await Promise.all([
    db.execute<CatalogItemRow[]>(statements.page.sql, statements.page.params),
    db.execute<{ count: number }[]>(statements.count.sql, statements.count.params),
  ])
  return { items: await withNames(scope, rows), count: Number(counted[0]?.count ?? 0) }
}

/** Rows (as the items table holds them) with their product and variant names, read in two batched queries. */
export async function withNames(scope: MedusaContainer, rows: CatalogItemRow[]): Promise<MetaCatalogListItem[]> {
  if (!rows.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const variantIds = [...new Set(rows.map((row) => row.variant_id))]
  const productIds = [...new Set(rows.map((row) => row.product_id).filter((id): id is string => !!id))]
  const [variants, products] = await Promise.all([
    query.graph({ entity: "product_variant", fields: ["id", "title", "sku"], filters: { id: variantIds } }),
    productIds.length ? query.graph({ entity: "product", fields: ["id", "title", "thumbnail"], filters: { id: productIds } }) : null,
  ])
  const variantById = new Map<string, VariantName>(variants.data.map((v: VariantName) => [v.id, v]))
  const productById = new Map<string, ProductName>((products?.data ?? []).map((p: ProductName) => [p.id, p]))
  return rows.map((row) => {
    const item = presentCatalogItem(row)
    const variant = variantById.get(row.variant_id)
    const product = row.product_id ? productById.get(row.product_id) : undefined
    return {
      ...item,
      product: product ? { id: product.id, title: product.title, thumbnail: product.thumbnail ?? null } : null,
      variant: variant ? { id: variant.id, title: variant.title ?? null, sku: variant.sku ?? null } : null,
      fix: catalogItemFix(item),
    }
  })
}
