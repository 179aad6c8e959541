/** A variant's stock at one counted location: Medusa's inventory level (decimal columns, so numbers or strings). */
export type StockLevelInput = {
  stocked_quantity?: number | string | null
  reserved_quantity?: number | string | null
}

/** One inventory item a variant is made of, with its levels at the locations that count. */
export type VariantInventoryInput = {
  /** Units of this item one variant uses (a pack of two: 2); Medusa's default is 1. */
  required_quantity?: number | string | null
  levels: StockLevelInput[]
}

function quantity(value: number | string | null | undefined): number {
  const n = Number(value ?? 0)
  return Number.isFinite(n) ? n : 0
}

/**
 * Units of a variant that can be sold now, computed as Medusa computes a variant's inventory_quantity for
 * a sales channel (`getVariantAvailability` in @medusajs/utils 2.21): for each inventory item,
 * Σ(stocked − reserved) over the counted locations — an over-reserved level (negative) takes from the
 * others — divided by the units one variant needs and rounded down; the scarcest item limits the variant.
 * An item with no level at a counted location has 0. Like Medusa, the result may be negative (map it to
 * 0 for Meta), and it is null when the variant has no inventory item at all.
 */
export function sellableQuantity(items: VariantInventoryInput[] | null | undefined): number | null {
  if (!items?.length) return null
  let sellable = Infinity
  for (const item of items) {
    // The link's column is NOT NULL with default 1; a non-positive value would divide by zero or flip signs.
    const needed = quantity(item.required_quantity ?? 1)
    const required = needed > 0 ? needed : 1
    const available = item.levels.reduce((sum, level) => sum + quantity(level.stocked_quantity) - quantity(level.reserved_quantity), 0)
    sellable = Math.min(sellable, Math.floor(available / required))
  }
  return sellable
}
