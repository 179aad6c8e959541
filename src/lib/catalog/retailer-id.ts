/**
 * The catalog item id (Meta's retailer id, `data.id` in items_batch) of a variant: its SKU when it has one,
 * else the variant id. It must stay the same forever — Pixel/CAPI `content_ids` match catalog items by it.
 */
export const MAX_RETAILER_ID_LENGTH = 100

export function retailerIdOf(variant: { id: string; sku?: string | null }): string {
  const sku = typeof variant.sku === "string" ? variant.sku.trim() : ""
  return sku !== "" ? sku : variant.id
}
