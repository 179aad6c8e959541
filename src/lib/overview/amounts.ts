/**
 * Money and ratios of the overview and the ROI report, exact (BigInt decimals from src/lib/ads/money — never
 * floats). Store amounts are Medusa's decimals in the currency's main unit; Meta's spend is a decimal string in
 * the ad account currency's main unit (https://developers.facebook.com/docs/marketing-api/reference/ads-insights/
 * — `spend`).
 */
import { METRIC_DECIMALS } from "../ads/ad-metrics"
import { compareDecimals, divideToDecimal, formatDecimal, normalizeDecimal, parseDecimal, sumDecimals, type DecimalInput } from "../ads/money"

const decimalsByCurrency = new Map<string, number>()

/** ISO 4217 minor digits (2 for USD, 0 for JPY, 3 for BHD); 2 for a code Intl does not know. */
export function currencyDecimals(currency: string): number {
  const code = currency.trim().toUpperCase()
  let digits = decimalsByCurrency.get(code)
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en-US", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2
    } catch {
      digits = 2
    }
    decimalsByCurrency.set(code, digits)
  }
  return digits
}

/**
 * An amount in a currency written with at least the currency's usual decimals and never rounded: "19.9" USD
 * → "19.90", "1500" JPY → "1500", "0.125" USD stays "0.125" (a sum of exact amounts keeps every digit).
 */
export function formatAmount(value: DecimalInput, currency: string): string {
  return formatDecimal(normalizeDecimal(parseDecimal(value, "amount")), currencyDecimals(currency))
}

export function sumAmounts(values: Iterable<DecimalInput>, currency: string): string {
  return formatAmount(sumDecimals(values), currency)
}

/** revenue / spend to METRIC_DECIMALS places (half up); null without spend. */
export function roas(revenue: DecimalInput, spend: DecimalInput): string | null {
  const result = divideToDecimal(parseDecimal(revenue, "revenue"), parseDecimal(spend, "spend"), METRIC_DECIMALS)
  return result === null ? null : formatDecimal(normalizeDecimal(result))
}

/** Codes compared and shown upper case ("usd" from Medusa, "USD" from Meta are one currency). */
export function currencyCode(value: string): string {
  return value.trim().toUpperCase()
}

/** A positive amount written as plain decimal digits ("250", "12.50"): no exponent, sign or separators. */
export function isPositiveAmount(value: string): boolean {
  return /^\d{1,15}(\.\d{1,6})?$/.test(value) && compareDecimals(value, "0") > 0
}
