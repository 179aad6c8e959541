import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CatalogPriceInput, CatalogProductInput, CatalogVariantInput } from "../../../lib/catalog"

export type CatalogSource = {
  product: CatalogProductInput
  variant: CatalogVariantInput
  salesChannelIds: string[]
}

const VARIANT_FIELDS = [
  "id", "sku", "title", "barcode", "ean", "upc", "material", "manage_inventory", "allow_backorder", "metadata",
  "options.value", "options.option.title",
  "images.url",
  "product.id", "product.title", "product.subtitle", "product.description", "product.handle", "product.status",
  "product.thumbnail", "product.material", "product.metadata", "product.images.url", "product.type.value",
  "product.collection.title", "product.categories.name", "product.categories.parent_category.name",
  "product.sales_channels.id",
  "price_set.prices.amount", "price_set.prices.raw_amount", "price_set.prices.currency_code",
  "price_set.prices.min_quantity", "price_set.prices.rules_count",
  "price_set.prices.price_list.id", "price_set.prices.price_list.type", "price_set.prices.price_list.status",
  "price_set.prices.price_list.starts_at", "price_set.prices.price_list.ends_at",
  "inventory_items.required_quantity",
  "inventory_items.inventory.location_levels.stocked_quantity",
  "inventory_items.inventory.location_levels.reserved_quantity",
]

type Row = Record<string, any>

/** Exact decimal string of a price: Medusa's raw amount when present (never a rounded float). */
function amountOf(price: Row): unknown {
  return price.raw_amount?.value ?? price.amount
}

/**
 * Units sellable now: for each inventory item Σ(stocked − reserved) over its locations, divided by the
 * quantity one variant needs; a kit is limited by its scarcest part.
 */
function availableQuantity(variant: Row): number | null {
  const links: Row[] = variant.inventory_items ?? []
  if (!links.length) return null
  let available = Infinity
  for (const link of links) {
    const levels: Row[] = link.inventory?.location_levels ?? []
    const units = levels.reduce((sum, l) => sum + Number(l.stocked_quantity ?? 0) - Number(l.reserved_quantity ?? 0), 0)
    const required = Math.max(1, Number(link.required_quantity ?? 1))
    available = Math.min(available, Math.floor(units / required))
  }
  return Number.isFinite(available) ? available : null
}

function categoryPath(category: Row): string[] {
  const path = [category.name]
  if (category.parent_category?.name) path.unshift(category.parent_category.name)
  return path.filter(Boolean)
}

function toSource(variant: Row): CatalogSource | undefined {
  const product: Row | undefined = variant.product
  if (!product) return undefined
  const prices: CatalogPriceInput[] = (variant.price_set?.prices ?? []).map((p: Row) => ({
    amount: amountOf(p),
    currency_code: p.currency_code,
    rules_count: p.rules_count ?? 0,
    min_quantity: p.min_quantity ?? null,
    price_list: p.price_list ?? null,
  }))
  return {
    salesChannelIds: (product.sales_channels ?? []).map((s: Row) => s.id),
    product: {
      id: product.id,
      title: product.title,
      subtitle: product.subtitle,
      description: product.description,
      handle: product.handle,
      status: product.status,
      thumbnail: product.thumbnail,
      images: (product.images ?? []).map((i: Row) => i.url),
      material: product.material,
      metadata: product.metadata,
      type: product.type?.value ?? null,
      collection: product.collection?.title ?? null,
      categories: (product.categories ?? []).map(categoryPath),
      options: (product.options ?? []).map((o: Row) => ({ title: o.title, values: (o.values ?? []).map((v: Row) => v.value) })),
      variant_count: (product.variants ?? []).length,
    },
    variant: {
      id: variant.id,
      sku: variant.sku,
      title: variant.title,
      barcode: variant.barcode,
      ean: variant.ean,
      upc: variant.upc,
      material: variant.material,
      manage_inventory: variant.manage_inventory,
      allow_backorder: variant.allow_backorder,
      metadata: variant.metadata,
      options: (variant.options ?? []).map((o: Row) => ({ option_title: o.option?.title ?? "", value: o.value })),
      images: (variant.images ?? []).map((i: Row) => i.url),
      prices,
      available_quantity: availableQuantity(variant),
    },
  }
}

/** The Medusa data the catalog mapping reads, for a set of variants (missing ones are simply absent). */
export async function loadCatalogSources(container: MedusaContainer, variantIds: string[]): Promise<Map<string, CatalogSource>> {
  const result = new Map<string, CatalogSource>()
  const ids = variantIds.filter((id) => !id.startsWith("orphan:"))
  if (!ids.length) return result
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: VARIANT_FIELDS, filters: { id: ids } })
  // Siblings and options are read per product: nested under a variant, Query returns only that variant.
  const productIds = [...new Set((data as Row[]).map((v) => v.product?.id).filter(Boolean))]
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "variants.id", "options.title", "options.values.value"],
    filters: { id: productIds },
  })
  const productsById = new Map((products as Row[]).map((p) => [p.id, p]))
  for (const variant of data as Row[]) {
    const siblings = productsById.get(variant.product?.id)
    const source = toSource(siblings ? { ...variant, product: { ...variant.product, variants: siblings.variants, options: siblings.options } } : variant)
    if (source) result.set(variant.id, source)
  }
  return result
}

/** Variant ids (with their product) of products, for subscribers and full sync. */
export async function variantsOfProducts(
  container: MedusaContainer,
  productIds: string[]
): Promise<{ variant_id: string; product_id: string }[]> {
  if (!productIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { product_id: productIds } })
  return (data as Row[]).map((v) => ({ variant_id: v.id, product_id: v.product_id }))
}
