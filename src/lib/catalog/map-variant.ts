import { contentHash } from "./content-hash"
import { normalizeGtin } from "./gtin"
import { pickCatalogPricing } from "./pricing"
import { MAX_RETAILER_ID_LENGTH, retailerIdOf } from "./retailer-id"
import { htmlToPlainText, singleLine, truncateText } from "./text"
import type {
  CatalogProductInput,
  CatalogSettings,
  CatalogVariantInput,
  MappedCatalogItem,
  MetaAvailability,
  MetaCatalogItem,
  NeedsAttentionReason,
} from "./types"
import { normalizeCondition, variantAttributes } from "./variant-attributes"

/** Meta's own WooCommerce plugin truncates titles to 150 characters (spec maximum 200). */
export const MAX_TITLE_LENGTH = 150
/** Meta's own plugins truncate descriptions to 5,000 characters (spec maximum 9,999). */
export const MAX_DESCRIPTION_LENGTH = 5000
/** `additional_image_link` holds up to 20 URLs (WooCommerce slices to 20). */
export const MAX_ADDITIONAL_IMAGES = 20
/** Brand is capped at 100 characters by Meta's plugins. */
export const MAX_BRAND_LENGTH = 100
/** Meta keeps the last 750 characters of `product_type`. */
export const MAX_PRODUCT_TYPE_LENGTH = 750

function text(value: unknown): string {
  return singleLine(value)
}

/**
 * "Tee - Blue / M": the product title, plus the values of the options that actually differ between the
 * product's variants (an option with a single value, like "Default", tells nothing apart).
 */
export function catalogTitle(product: CatalogProductInput, variant: CatalogVariantInput): string {
  const base = text(product.title) || text(variant.title)
  if (!base) return ""
  if (product.variant_count <= 1) return truncateText(base, MAX_TITLE_LENGTH)
  const distinguishing = new Set(
    (product.options ?? [])
      .filter((option) => new Set(option.values.map((v) => text(v).toLowerCase())).size > 1)
      .map((option) => text(option.title).toLowerCase())
  )
  const values = variant.options
    .filter((o) => distinguishing.size === 0 || distinguishing.has(text(o.option_title).toLowerCase()))
    .map((o) => text(o.value))
    .filter((v) => v && !base.toLowerCase().includes(v.toLowerCase()))
  const suffix = values.length ? values.join(" / ") : text(variant.title)
  if (!suffix || suffix.toLowerCase() === base.toLowerCase()) return truncateText(base, MAX_TITLE_LENGTH)
  // Keep the distinguishing part whole: shorten the product title, not the option values.
  const suffixChars = Array.from(` - ${suffix}`).length
  if (suffixChars >= MAX_TITLE_LENGTH / 2) return truncateText(`${base} - ${suffix}`, MAX_TITLE_LENGTH)
  return `${truncateText(base, MAX_TITLE_LENGTH - suffixChars)} - ${suffix}`
}

export function catalogDescription(product: CatalogProductInput, title: string): string {
  const plain = htmlToPlainText(product.description) || text(product.subtitle)
  return truncateText(plain || title, MAX_DESCRIPTION_LENGTH)
}

export function availabilityOf(variant: CatalogVariantInput): MetaAvailability {
  if (variant.manage_inventory === false) return "in stock"
  if ((variant.available_quantity ?? 0) > 0) return "in stock"
  return variant.allow_backorder ? "available for order" : "out of stock"
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === "https:" || url.protocol === "http:"
  } catch {
    return false
  }
}

/** The storefront page of the variant, from the URL template; undefined when it cannot be built. */
export function productLink(
  product: CatalogProductInput,
  variant: CatalogVariantInput,
  settings: CatalogSettings
): string | undefined {
  const template = settings.productUrlTemplate
  if (template.includes("{storefrontUrl}") && !settings.storefrontUrl) return undefined
  if (template.includes("{handle}") && !product.handle) return undefined
  const values: Record<string, string> = {
    storefrontUrl: (settings.storefrontUrl ?? "").replace(/\/+$/, ""),
    handle: encodeURIComponent(product.handle ?? ""),
    id: encodeURIComponent(product.id),
    variant_id: encodeURIComponent(variant.id),
    sku: encodeURIComponent(variant.sku ?? ""),
  }
  const link = template.replace(/\{(storefrontUrl|handle|id|variant_id|sku)\}/g, (_, name: string) => values[name])
  return isHttpUrl(link) ? link : undefined
}

/** Variant images first, then the product's; duplicates and non-web URLs dropped. */
export function imageLinks(product: CatalogProductInput, variant: CatalogVariantInput): string[] {
  const seen = new Set<string>()
  const links: string[] = []
  for (const candidate of [...(variant.images ?? []), product.thumbnail, ...(product.images ?? [])]) {
    const url = typeof candidate === "string" ? candidate.trim() : ""
    if (!url || seen.has(url) || !isHttpUrl(url)) continue
    seen.add(url)
    links.push(url)
  }
  return links
}

function metadataText(metadata: Record<string, unknown> | null | undefined, key: string): string | undefined {
  const value = metadata?.[key]
  return typeof value === "string" && value.trim() ? text(value) : undefined
}

/** The merchant's mapping, tried for the product type, then each category (deepest first). */
function googleCategory(product: CatalogProductInput, settings: CatalogSettings): string | undefined {
  const explicit = metadataText(product.metadata, "google_product_category")
  if (explicit) return explicit
  const mapping = settings.categoryMapping ?? {}
  const keys = [product.type, ...(product.categories ?? []).flatMap((path) => [...path].reverse())]
  for (const candidate of keys) {
    if (candidate && mapping[candidate]) return mapping[candidate]
  }
  return undefined
}

function productType(product: CatalogProductInput): string | undefined {
  const path = (product.categories ?? []).find((p) => p.length > 0)
  const value = path ? path.map(text).join(" > ") : text(product.type)
  if (!value) return undefined
  const chars = Array.from(value)
  return chars.length > MAX_PRODUCT_TYPE_LENGTH ? chars.slice(-MAX_PRODUCT_TYPE_LENGTH).join("") : value
}

/**
 * One Meta catalog item for one Medusa variant (items_batch feed-spec fields, https://developers.facebook.com/docs/commerce-platform/catalog/fields),
 * or the reasons it cannot be sent. Items missing a required field are not sent: the merchant sees why.
 */
export function mapVariantToCatalogItem(
  product: CatalogProductInput,
  variant: CatalogVariantInput,
  settings: CatalogSettings
): MappedCatalogItem {
  const reasons: NeedsAttentionReason[] = []
  const id = retailerIdOf(variant)
  if (Array.from(id).length > MAX_RETAILER_ID_LENGTH) {
    reasons.push({ field: "sku", message: `The SKU is longer than Meta's ${MAX_RETAILER_ID_LENGTH}-character limit for item ids.` })
  }
  const title = catalogTitle(product, variant)
  if (!title) reasons.push({ field: "title", message: "The product has no title." })

  const pricing = pickCatalogPricing(variant.prices, settings.currencyCode, settings.now)
  if (!pricing) {
    reasons.push({
      field: "price",
      message: `The variant has no price in ${settings.currencyCode.toUpperCase()} (a base price, without rules or price list).`,
    })
  }
  const link = productLink(product, variant, settings)
  if (!link) {
    reasons.push({
      field: "link",
      message: settings.storefrontUrl
        ? "The product URL could not be built: check the product handle and the productUrlTemplate option."
        : "Set the storefrontUrl plugin option (or META_STOREFRONT_URL) so products link to the storefront.",
    })
  }
  const images = imageLinks(product, variant)
  if (images.length === 0) reasons.push({ field: "image", message: "The product has no image; Meta requires one." })
  if (reasons.length > 0 || !pricing || !link) return { ok: false, reasons }

  const attributes = variantAttributes(variant.options)
  const brand = truncateText(
    metadataText(variant.metadata, "brand") ??
      metadataText(product.metadata, "brand") ??
      attributes.brand ??
      (settings.brand ? text(settings.brand) : undefined) ??
      (text(settings.storeName) || "Unbranded"),
    MAX_BRAND_LENGTH
  )
  const condition =
    normalizeCondition(product.metadata?.condition) ??
    attributes.condition ??
    normalizeCondition(settings.defaultCondition) ??
    "new"
  const gtin = normalizeGtin(variant.barcode) ?? normalizeGtin(variant.ean) ?? normalizeGtin(variant.upc)
  const mpn = metadataText(variant.metadata, "mpn")
  const material = attributes.material ?? (text(variant.material) || text(product.material) || undefined)

  // items_batch UPDATE merges fields at Meta: a field left out keeps its old value. So every optional
  // field is always sent, empty when the store has none, and a barcode, colour, sale or extra image that
  // disappears is cleared at Meta instead of lingering. Meta's WooCommerce plugin sends "" for absent
  // attributes and [] for no additional images; the feed spec reads an empty value as "no value".
  const item: MetaCatalogItem = {
    id,
    title,
    description: catalogDescription(product, title),
    availability: availabilityOf(variant),
    condition,
    price: pricing.price,
    sale_price: pricing.sale_price ?? "",
    sale_price_effective_date: pricing.sale_price_effective_date ?? "",
    link,
    image_link: images[0],
    additional_image_link: images.slice(1, 1 + MAX_ADDITIONAL_IMAGES),
    brand,
    // Meta groups variants by item_group_id; a single-variant product stands alone.
    item_group_id: product.variant_count > 1 ? product.id : "",
    gtin: gtin ?? "",
    mpn: mpn ? truncateText(mpn, 70) : "",
    color: attributes.color ?? "",
    size: attributes.size ?? "",
    material: material ? truncateText(material, 100) : "",
    pattern: attributes.pattern ?? "",
    gender: attributes.gender ?? "",
    age_group: attributes.age_group ?? "",
    additional_variant_attribute: attributes.additional_variant_attribute ?? "",
    google_product_category: googleCategory(product, settings) ?? "",
    product_type: productType(product) ?? "",
    quantity_to_sell_on_facebook:
      variant.manage_inventory === false ? "" : Math.max(0, Math.floor(Number(variant.available_quantity ?? 0)) || 0),
  }
  return { ok: true, item, hash: contentHash(item) }
}
