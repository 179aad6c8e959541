import { compareDecimal, formatMetaPrice, parseDecimal, type Decimal } from "./money"
import type { CatalogPriceInput } from "./types"

/** WooCommerce's bounds for an open-ended sale window (Meta wants a full start/end interval). */
const OPEN_START = "1970-01-29T00:00+00:00"
const OPEN_END = "2038-01-17T23:59+00:00"

export type CatalogPricing = {
  price: string
  sale_price?: string
  sale_price_effective_date?: string
}

function toDate(value: string | Date | null | undefined): Date | undefined {
  if (value === null || value === undefined || value === "") return undefined
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** Meta's interval format "2026-11-01T00:00+00:00" (minutes, UTC offset spelled out). */
function metaDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 16)}+00:00`
}

type Candidate = { value: Decimal; amount: unknown; price: CatalogPriceInput }

function isUnconditional(price: CatalogPriceInput): boolean {
  return (price.rules_count ?? 0) === 0 && (price.min_quantity === null || price.min_quantity === undefined || price.min_quantity <= 1)
}

/**
 * The variant's price in the catalog currency — the base price every shopper pays (no rules, no quantity
 * tiers, no price list) — and, when an active sale price list lowers it, Meta's `sale_price` with its
 * `sale_price_effective_date` window. Meta rejects a sale_price that is not lower than the price.
 */
export function pickCatalogPricing(
  prices: CatalogPriceInput[],
  currencyCode: string,
  now: Date
): CatalogPricing | undefined {
  const code = currencyCode.toLowerCase()
  const candidates: Candidate[] = []
  for (const price of prices) {
    if (typeof price.currency_code !== "string" || price.currency_code.toLowerCase() !== code) continue
    if (!isUnconditional(price)) continue
    const value = parseDecimal(price.amount)
    if (!value || value.units < 0n) continue
    candidates.push({ value, amount: price.amount, price })
  }
  const base = candidates
    .filter((c) => !c.price.price_list)
    .sort((a, b) => compareDecimal(a.value, b.value))[0]
  if (!base) return undefined
  const price = formatMetaPrice(base.amount, currencyCode)
  if (!price) return undefined

  const sale = candidates
    .filter((c) => {
      const list = c.price.price_list
      if (!list || list.type !== "sale" || list.status !== "active") return false
      const ends = toDate(list.ends_at)
      // An ended list no longer applies; a future one is sent with its window so Meta switches on time.
      return !(ends && ends.getTime() <= now.getTime())
    })
    .filter((c) => compareDecimal(c.value, base.value) < 0)
    .sort((a, b) => compareDecimal(a.value, b.value))[0]
  if (!sale) return { price }
  const salePrice = formatMetaPrice(sale.amount, currencyCode)
  if (!salePrice || salePrice === price) return { price }
  const starts = toDate(sale.price.price_list?.starts_at)
  const ends = toDate(sale.price.price_list?.ends_at)
  return {
    price,
    sale_price: salePrice,
    sale_price_effective_date: `${starts ? metaDateTime(starts) : OPEN_START}/${ends ? metaDateTime(ends) : OPEN_END}`,
  }
}
