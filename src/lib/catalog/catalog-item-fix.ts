/**
 * Where in Medusa Admin the merchant fixes what keeps a catalog item out of Meta: the variant page for
 * what a variant holds (price, SKU, barcode, stock), the product page for what the product holds (title,
 * description, images, category), the Meta settings for the storefront link the plugin builds.
 */

export type CatalogItemFix = { label: string; to: string }

type FixableItem = {
  variant_id: string
  product_id: string | null
  status: string
  errors: { field?: string }[]
}

/** The error fields (map-variant's reasons, item-error-hint's fields) that a variant's own page fixes. */
const VARIANT_FIELDS = new Set(["price", "sale_price", "sku", "gtin", "availability"])
/** The storefront link comes from the plugin's storefrontUrl / productUrlTemplate options, shown in the Meta settings. */
const SETTINGS_FIELDS = new Set(["link"])

const FIXABLE_STATUSES = new Set(["needs_attention", "error"])

/**
 * The one place to go for an item's first problem, or null when there is none (not a problem status,
 * no errors) or no Medusa product to open (an item Meta held that the store no longer knows).
 */
export function catalogItemFix(item: FixableItem): CatalogItemFix | null {
  if (!FIXABLE_STATUSES.has(item.status) || !item.errors.length || !item.product_id) return null
  const fields = item.errors.map((error) => error.field ?? "")
  const product = `/products/${encodeURIComponent(item.product_id)}`
  const first = fields[0]
  if (VARIANT_FIELDS.has(first)) {
    return { label: "Fix on the variant", to: `${product}/variants/${encodeURIComponent(item.variant_id)}` }
  }
  if (SETTINGS_FIELDS.has(first)) return { label: "Check the storefront link", to: "/settings/meta" }
  return { label: "Fix on the product", to: product }
}
