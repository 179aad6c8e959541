/**
 * The store's own figures for an ad object: revenue Medusa booked for the orders attributed to it, per
 * currency, over a lookback window, joined with Meta's spend. Orders in a currency other than the ad
 * account's are kept apart (no exchange rate is guessed): they are listed, never added to store_revenue.
 */
import { deriveAdMetrics, mergeStoreMetrics, type AdMetrics } from "./ad-metrics"
import { normalizeCurrency } from "./currency-offset"

export type StoreRevenueLevelName = "ad" | "ad_set" | "campaign" | "account"

/** One aggregate row: an object's orders and revenue in one currency over one lookback. */
export type StoreRevenueAggregate = {
  level: StoreRevenueLevelName
  meta_id: string
  lookback: string
  currency_code: string
  orders: number
  revenue: string
}

export type StoreRevenueEntry = { currency: string; amount: string; orders: number }

/** Aggregate rows by object and lookback, for lookups while presenting or evaluating. */
export class StoreRevenueIndex {
  private readonly entries = new Map<string, StoreRevenueEntry[]>()

  constructor(rows: readonly StoreRevenueAggregate[] = []) {
    for (const row of rows) {
      const key = StoreRevenueIndex.key(row.level, row.meta_id, row.lookback)
      const list = this.entries.get(key) ?? []
      list.push({ currency: normalizeCurrency(row.currency_code), amount: row.revenue, orders: row.orders })
      this.entries.set(key, list)
    }
  }

  private static key(level: string, metaId: string, lookback: string): string {
    return `${level}\u0000${metaId}\u0000${lookback}`
  }

  /** The object's revenue per currency in the window; empty without attributed orders. */
  get(level: StoreRevenueLevelName, metaId: string, lookback: string): StoreRevenueEntry[] {
    return this.entries.get(StoreRevenueIndex.key(level, metaId, lookback)) ?? []
  }
}

export type StoreFigures = {
  /** Orders in the account currency. */
  store_orders: number
  /** Account currency, main unit. */
  store_revenue: string
  /** store_revenue / spend; null when nothing was spent. */
  store_roas: string | null
  /** Orders in other currencies, per currency, sorted by code; not in store_revenue / store_roas. */
  store_revenue_other_currencies: StoreRevenueEntry[]
}

/** The store's figures beside Meta's (spend from `metrics`, or none for an object without insights). */
export function storeFigures(entries: readonly StoreRevenueEntry[], accountCurrency: string, metrics?: AdMetrics): StoreFigures {
  const account = normalizeCurrency(accountCurrency)
  const inAccount = entries.filter((e) => normalizeCurrency(e.currency) === account)
  const merged = mergeStoreMetrics(
    metrics ?? deriveAdMetrics({}),
    entries.map((e) => ({ currency: e.currency, amount: e.amount })),
    account,
    inAccount.reduce((sum, e) => sum + e.orders, 0)
  )
  const orders = new Map<string, number>()
  for (const e of entries) {
    const currency = normalizeCurrency(e.currency)
    if (currency !== account) orders.set(currency, (orders.get(currency) ?? 0) + e.orders)
  }
  return {
    store_orders: merged.store_orders,
    store_revenue: merged.store_revenue,
    store_roas: merged.store_roas,
    store_revenue_other_currencies: merged.store_revenue_other_currencies.map((o) => ({ ...o, orders: orders.get(o.currency) ?? 0 })),
  }
}
