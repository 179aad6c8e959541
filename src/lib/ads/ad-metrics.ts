/**
 * Performance figures from one Marketing API insights row
 * (https://developers.facebook.com/docs/marketing-api/reference/ads-insights/): every value arrives as a
 * string — `spend` a decimal in the account currency's main unit, counts as digit strings — and is kept as an
 * exact decimal string here. Derived ratios are null, not 0, when their denominator is 0: a CPM without
 * impressions is unknown, and a rule must not read it as "cheap".
 */
import { normalizeCurrency } from "./currency-offset"
import {
  AdsValueError,
  type Decimal,
  divideToDecimal,
  formatDecimal,
  normalizeDecimal,
  parseDecimal,
  sumDecimals,
  tryParseDecimal,
} from "./money"

export type InsightsActionStat = { action_type?: string; value?: string | number }

export type InsightsRow = {
  spend?: string | number | null
  impressions?: string | number | null
  reach?: string | number | null
  frequency?: string | number | null
  clicks?: string | number | null
  inline_link_clicks?: string | number | null
  actions?: InsightsActionStat[] | null
  action_values?: InsightsActionStat[] | null
  purchase_roas?: InsightsActionStat[] | null
}

export type AdMetrics = {
  /** Main unit of the account currency, e.g. "123.45". */
  spend: string
  impressions: string
  reach: string
  /** impressions / reach as Meta reports it; computed when absent; null without reach. */
  frequency: string | null
  /** All clicks, as Meta's `clicks` field. */
  clicks: string
  link_clicks: string
  /** Cost per 1,000 impressions (Meta's `cpm`). */
  cpm: string | null
  /** Cost per click (all), as Meta's `cpc` field defines it. */
  cpc: string | null
  /** Percent: clicks (all) / impressions × 100, as Meta's `ctr` ("1.5" = 1.5 %). */
  ctr: string | null
  purchases: string
  /** Main unit of the account currency. */
  purchase_value: string
  /** purchase_value / spend, a ratio ("2.5" = 2.5×); "0" when money was spent without a purchase. */
  roas: string | null
  cost_per_purchase: string | null
  /** Which action type the purchase figures came from (see PURCHASE_ACTION_TYPES); null when none was reported. */
  purchase_action_type: string | null
}

/**
 * Decimal places for derived figures (CPM, CPC, CTR, ROAS, cost per purchase, computed frequency), rounded
 * half up. Rules compare these rounded values, so a decision and the number shown beside it always agree.
 */
export const METRIC_DECIMALS = 4

/**
 * Purchase action types in order of preference; the first one present is used ALONE. They overlap and must not
 * be added: `omni_purchase` is Meta's de-duplicated total across website (pixel + Conversions API), app,
 * offline and on-Meta purchases — the figure Ads Manager shows as "Purchases"; `purchase` is the same family
 * on accounts that report it without the omni prefix; `offsite_conversion.fb_pixel_purchase` counts website
 * purchases only and is the fallback for older rows. Summing them would count one website purchase two or
 * three times. https://developers.facebook.com/docs/marketing-api/reference/ads-action-stats/
 */
export const PURCHASE_ACTION_TYPES = ["omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase"] as const

const ZERO: Decimal = { units: 0n, scale: 0 }

function nonNegative(value: unknown, field: string): Decimal {
  if (value === undefined || value === null || value === "") return ZERO
  const decimal = tryParseDecimal(value)
  if (!decimal || decimal.units < 0n) throw new AdsValueError("invalid_insights", `insights field ${field} is not a non-negative number: ${JSON.stringify(value)}`)
  return normalizeDecimal(decimal)
}

function pickAction(stats: InsightsActionStat[] | null | undefined, field: string): { type: string; value: Decimal } | null {
  if (!Array.isArray(stats)) return null
  for (const type of PURCHASE_ACTION_TYPES) {
    const stat = stats.find((entry) => entry?.action_type === type)
    if (stat) return { type, value: nonNegative(stat.value, `${field}[${type}]`) }
  }
  return null
}

function ratio(numerator: Decimal, denominator: Decimal, multiplier = 1n): string | null {
  const scaled = { units: numerator.units * multiplier, scale: numerator.scale }
  const result = divideToDecimal(scaled, denominator, METRIC_DECIMALS)
  return result === null ? null : formatDecimal(result)
}

/**
 * Metrics of one insights row. Throws an AdsValueError naming the field when a value is not a non-negative
 * number (a malformed row must not become "0 spend" silently); absent fields count as 0.
 */
export function deriveAdMetrics(row: InsightsRow): AdMetrics {
  const spend = nonNegative(row.spend, "spend")
  const impressions = nonNegative(row.impressions, "impressions")
  const reach = nonNegative(row.reach, "reach")
  const clicks = nonNegative(row.clicks, "clicks")
  const linkClicks = nonNegative(row.inline_link_clicks, "inline_link_clicks")

  const reportedFrequency = row.frequency === undefined || row.frequency === null || row.frequency === "" ? null : nonNegative(row.frequency, "frequency")
  const frequency = reportedFrequency ? formatDecimal(reportedFrequency) : ratio(impressions, reach)

  const purchaseCount = pickAction(row.actions, "actions")
  const purchaseValue = pickAction(row.action_values, "action_values")
  const reportedRoas = pickAction(row.purchase_roas, "purchase_roas")
  const purchases = purchaseCount?.value ?? ZERO
  const value = purchaseValue?.value ?? ZERO

  // ROAS from the exact value when Meta reported one; otherwise Meta's own purchase_roas; otherwise 0 per
  // unit spent (money went out, nothing came back). Unknown only when nothing was spent.
  let roas: string | null
  if (spend.units === 0n) roas = null
  else if (purchaseValue) roas = ratio(value, spend)
  else if (reportedRoas) roas = formatDecimal(reportedRoas.value)
  else roas = "0"

  return {
    spend: formatDecimal(spend),
    impressions: formatDecimal(impressions),
    reach: formatDecimal(reach),
    frequency,
    clicks: formatDecimal(clicks),
    link_clicks: formatDecimal(linkClicks),
    cpm: ratio(spend, impressions, 1000n),
    cpc: ratio(spend, clicks),
    ctr: ratio(clicks, impressions, 100n),
    purchases: formatDecimal(purchases),
    purchase_value: formatDecimal(value),
    roas,
    cost_per_purchase: ratio(spend, purchases),
    purchase_action_type: purchaseCount?.type ?? purchaseValue?.type ?? reportedRoas?.type ?? null,
  }
}

/** Revenue of the store's orders attributed to one ad object, per order currency (from Medusa, main unit). */
export type StoreRevenue = { currency: string; amount: string | number }

export type StoreMetrics = {
  /** Revenue in the ad account's currency, main unit; "0" without attributed orders. */
  store_revenue: string
  /** store_revenue / spend; null when nothing was spent. */
  store_roas: string | null
  store_orders: number
  /**
   * Revenue in other currencies, summed per currency and left out of store_revenue / store_roas: no exchange
   * rate is guessed. Sorted by currency code.
   */
  store_revenue_other_currencies: { currency: string; amount: string }[]
}

/**
 * Meta's figures joined with the store's own truth: `store_roas` is the revenue Medusa actually booked for
 * orders attributed to the ad divided by Meta's spend — what Meta's pixel-based ROAS cannot know (refunds,
 * offline payment, blocked pixels). `orders` counts the attributed orders when the caller knows it.
 */
export function mergeStoreMetrics(
  metrics: AdMetrics,
  revenue: readonly StoreRevenue[],
  accountCurrency: string,
  orders?: number,
): AdMetrics & StoreMetrics {
  const account = normalizeCurrency(accountCurrency)
  const amounts = new Map<string, Decimal[]>()
  revenue.forEach((entry, index) => {
    const currency = normalizeCurrency(entry.currency)
    if (!/^[A-Z]{3}$/.test(currency)) throw new AdsValueError("invalid_currency", `revenue[${index}].currency is not a currency code`)
    const amount = tryParseDecimal(entry.amount)
    if (!amount) throw new AdsValueError("invalid_decimal", `revenue[${index}].amount must be a decimal number like 12.34`)
    amounts.set(currency, [...(amounts.get(currency) ?? []), amount])
  })
  const inAccount = parseDecimal(sumDecimals(amounts.get(account) ?? []))
  const spend = tryParseDecimal(metrics.spend) ?? ZERO
  const others = [...amounts.entries()]
    .filter(([currency]) => currency !== account)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, list]) => ({ currency, amount: sumDecimals(list) }))
  return {
    ...metrics,
    store_revenue: formatDecimal(inAccount),
    store_roas: ratio(inAccount, spend),
    store_orders: orders !== undefined && Number.isSafeInteger(orders) && orders >= 0 ? orders : revenue.length,
    store_revenue_other_currencies: others,
  }
}
