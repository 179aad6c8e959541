/** Shapes the catalog mapping reads (a plain projection of Medusa's product data) and what it sends to Meta. */

export type CatalogPriceListInput = {
  id: string
  /** Medusa price list types: "sale" lowers the price, "override" replaces it. */
  type: string
  status: string
  starts_at?: string | Date | null
  ends_at?: string | Date | null
}

export type CatalogPriceInput = {
  /** Medusa's decimal amount in the currency's main unit: raw string or number. */
  amount: unknown
  currency_code: string
  /** Prices with rules (region, customer group, quantity) don't apply to everyone and are skipped. */
  rules_count?: number
  min_quantity?: number | null
  price_list?: CatalogPriceListInput | null
}

export type CatalogOptionValueInput = { option_title: string; value: string }

export type CatalogVariantInput = {
  id: string
  sku?: string | null
  title?: string | null
  barcode?: string | null
  ean?: string | null
  upc?: string | null
  material?: string | null
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  metadata?: Record<string, unknown> | null
  options: CatalogOptionValueInput[]
  images?: string[]
  prices: CatalogPriceInput[]
  /** Units that can be sold: Σ(stocked − reserved) over the sales channel's locations; null when unknown. */
  available_quantity?: number | null
}

export type CatalogProductInput = {
  id: string
  title?: string | null
  subtitle?: string | null
  description?: string | null
  handle?: string | null
  status?: string | null
  thumbnail?: string | null
  images?: string[]
  material?: string | null
  metadata?: Record<string, unknown> | null
  type?: string | null
  collection?: string | null
  /** Category names from the root down, one path per category. */
  categories?: string[][]
  /** Every option of the product with all its values (to know which options distinguish variants). */
  options?: { title: string; values: string[] }[]
  variant_count: number
}

export type CatalogSettings = {
  currencyCode: string
  storefrontUrl?: string
  /** e.g. "{storefrontUrl}/products/{handle}"; also {id}, {variant_id}, {sku}. */
  productUrlTemplate: string
  storeName?: string
  brand?: string
  defaultCondition?: string
  /** Product type or category name/handle → Google product category id or path. */
  categoryMapping?: Record<string, string>
  now: Date
}

/**
 * An item in Meta's items_batch (feed-spec) field names; `id` is the retailer id. Optional fields are
 * always present: empty ("" or []) when the store has no value, because an UPDATE merges fields at Meta
 * and only an empty value clears one (see `CLEARED_OPTIONAL_FIELDS`).
 */
export type MetaCatalogItem = {
  id: string
  title: string
  description: string
  availability: MetaAvailability
  condition: string
  price: string
  link: string
  image_link: string
  brand: string
  additional_image_link: string[]
  sale_price: string
  sale_price_effective_date: string
  item_group_id: string
  gtin: string
  mpn: string
  color: string
  size: string
  material: string
  pattern: string
  gender: string
  age_group: string
  additional_variant_attribute: string
  google_product_category: string
  product_type: string
  /** "" for variants without managed inventory: Meta then goes by `availability` alone. */
  quantity_to_sell_on_facebook: number | ""
}

export type MetaAvailability = "in stock" | "out of stock" | "available for order"

export type NeedsAttentionReason = { field: string; message: string }

export type MappedCatalogItem =
  | { ok: true; item: MetaCatalogItem; hash: string }
  | { ok: false; reasons: NeedsAttentionReason[] }
