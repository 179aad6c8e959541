import { contentHash } from "./content-hash"

/**
 * Product sets in Meta mirror Medusa collections and categories (for catalog ads): one set per
 * collection/category whose filter lists the retailer ids of its variants (https://developers.facebook.com/docs/marketing-api/reference/product-set/:
 * `{"retailer_id":{"is_any":[…]}}`, the filter is sent as a JSON string).
 */

/**
 * Meta documents no maximum for an is_any list; a rule per 1,000 ids (joined with "or", an operator Meta
 * documents for filters) keeps each rule small and the whole filter readable in Commerce Manager.
 */
export const MAX_RETAILER_IDS_PER_RULE = 1000
/** Commerce Manager shows set names in one line; longer collection titles are cut. */
export const MAX_PRODUCT_SET_NAME_LENGTH = 100

export type ProductSetSourceKind = "collection" | "category"

export type ProductSetSource = { kind: ProductSetSourceKind; id: string; title: string | null | undefined }

type RetailerIdRule = { retailer_id: { is_any: string[] } }
export type ProductSetFilter = RetailerIdRule | { or: RetailerIdRule[] }

export type ProductSetContent = { name: string; filter: ProductSetFilter; hash: string }

/** The set's own retailer id in Meta: ties the set to its Medusa source, stable across renames. */
export function productSetRetailerId(source: Pick<ProductSetSource, "kind" | "id">): string {
  return `medusa-${source.kind}-${source.id}`
}

export function productSetName(source: ProductSetSource): string {
  const label = source.kind === "collection" ? "Collection" : "Category"
  const title = (source.title ?? "").replace(/\s+/g, " ").trim() || source.id
  const name = `${label}: ${title}`
  return name.length <= MAX_PRODUCT_SET_NAME_LENGTH ? name : `${name.slice(0, MAX_PRODUCT_SET_NAME_LENGTH - 1).trimEnd()}…`
}

/** The filter matching exactly these retailer ids (deduplicated, sorted so the same ids give the same filter); null when none. */
export function productSetFilter(retailerIds: Iterable<string>): ProductSetFilter | null {
  const ids = [...new Set([...retailerIds].filter((id) => typeof id === "string" && id.trim() !== ""))].sort()
  if (!ids.length) return null
  const rules: RetailerIdRule[] = []
  for (let i = 0; i < ids.length; i += MAX_RETAILER_IDS_PER_RULE) {
    rules.push({ retailer_id: { is_any: ids.slice(i, i + MAX_RETAILER_IDS_PER_RULE) } })
  }
  return rules.length === 1 ? rules[0] : { or: rules }
}

/** What Meta should hold for a source, or null when it has no variants to show (then the set goes). */
export function productSetContent(source: ProductSetSource, retailerIds: Iterable<string>): ProductSetContent | null {
  const filter = productSetFilter(retailerIds)
  if (!filter) return null
  const name = productSetName(source)
  return { name, filter, hash: contentHash({ name, filter }) }
}

export type ProductSetAction = "create" | "update" | "delete" | "none"

/** Create when Meta has no set yet, update when the content changed, delete when the source is gone or empty. */
export function planProductSetAction(desired: ProductSetContent | null, current: { metaId: string | null; hash: string | null }): ProductSetAction {
  if (!desired) return current.metaId ? "delete" : "none"
  if (!current.metaId) return "create"
  return current.hash === desired.hash ? "none" : "update"
}
