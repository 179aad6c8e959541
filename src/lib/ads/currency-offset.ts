/**
 * Marketing API budgets, bids and `amount_spent` / `spend_cap` are integers scaled by Meta's own per-currency
 * offset — not the ISO 4217 exponent. https://developers.facebook.com/docs/marketing-api/currencies
 * ("Supported currencies" table and "Offset"): with offset 100 a budget of "1" is 0.01 of the main unit
 * (USD 12.34 → "1234"); with offset 1 it is one main unit (COP 50 000 → "50000", JPY 1 000 → "1000").
 * BHD and JOD have three ISO decimals but offset 100 at Meta; COP, HUF, TWD, IDR have ISO decimals but
 * offset 1. Insights `spend` is different again: a decimal string in the main unit (money.ts).
 */
import { AdsValueError, formatDecimal, normalizeDecimal, tryParseDecimal } from "./money"

export type MetaCurrencyOffset = 1 | 100

/**
 * Meta's "Supported currencies" table, verbatim (page updated 2024-04-16, checked 2026-09 copy), plus KWD.
 * VND is offset 1 in Meta's table, like JPY. KWD is not in that table; ad accounts billed in KWD exist, and it
 * is read like its neighbours BHD and JOD (offset 100) — the same rule the plugin's design states.
 */
export const META_CURRENCY_OFFSETS: Readonly<Record<string, MetaCurrencyOffset>> = Object.freeze({
  AED: 100, ARS: 100, AUD: 100, BDT: 100, BGN: 100, BHD: 100, BOB: 100, BRL: 100, CAD: 100, CHF: 100,
  CLP: 1, CNY: 100, COP: 1, CRC: 1, CZK: 100, DKK: 100, DZD: 100, EGP: 100, EUR: 100, FBZ: 100,
  GBP: 100, GTQ: 100, HKD: 100, HNL: 100, HRK: 100, HUF: 1, IDR: 1, ILS: 100, INR: 100, ISK: 1,
  JOD: 100, JPY: 1, KES: 100, KRW: 1, KWD: 100, LTL: 100, LVL: 100, MOP: 100, MXN: 100, MYR: 100,
  NGN: 100, NIO: 100, NOK: 100, NZD: 100, PEN: 100, PHP: 100, PKR: 100, PLN: 100, PYG: 1, QAR: 100,
  RON: 100, RSD: 100, RUB: 100, SAR: 100, SEK: 100, SGD: 100, SKK: 100, THB: 100, TRY: 100, TWD: 1,
  UAH: 100, USD: 100, UYU: 100, VEF: 100, VES: 100, VND: 1, ZAR: 100,
})

/**
 * Upper bound for a budget in Meta units: a signed 64-bit integer, the widest integer a Graph field holds.
 * Anything above is a typo or an exponent gone wrong, never a real budget.
 */
export const MAX_META_UNITS = 2n ** 63n - 1n

export function normalizeCurrency(currency: unknown): string {
  return typeof currency === "string" ? currency.trim().toUpperCase() : ""
}

export function isMetaCurrency(currency: unknown): boolean {
  return Object.prototype.hasOwnProperty.call(META_CURRENCY_OFFSETS, normalizeCurrency(currency))
}

/** Meta's offset for an ad account currency ("usd" and " USD " are read as USD); throws for one Meta does not list. */
export function metaCurrencyOffset(currency: unknown): MetaCurrencyOffset {
  const code = normalizeCurrency(currency)
  if (!isMetaCurrency(code)) {
    const shown = typeof currency === "string" && currency.trim() ? `"${currency.trim()}"` : "an empty currency"
    throw new AdsValueError("unknown_currency", `${shown} is not a currency Meta's Marketing API supports`)
  }
  return META_CURRENCY_OFFSETS[code]
}

/** Decimal places a main-unit amount may have for Meta: 2 for offset 100, 0 for offset 1. */
export function metaBudgetDecimals(currency: unknown): 0 | 2 {
  return metaCurrencyOffset(currency) === 100 ? 2 : 0
}

/**
 * A main-unit amount ("12.34" USD, 50000 COP) as the integer string Meta expects for `daily_budget`,
 * `lifetime_budget`, `bid_amount`, `spend_cap`: "1234", "50000". Exact, never rounded: an amount with more
 * decimals than the currency's offset allows ("12.345" USD, "50000.5" COP, 0.1 + 0.2 as a number) is refused
 * rather than silently changed, and so are negatives, NaN, Infinity, thousands separators and values beyond
 * MAX_META_UNITS. Exponent notation is read exactly ("1.5e3" → 1500; the number 1e21 → "1e+21").
 */
export function toMetaBudget(amount: string | number, currency: string): string {
  const offset = metaCurrencyOffset(currency)
  const code = normalizeCurrency(currency)
  const value = typeof amount === "string" || typeof amount === "number" ? tryParseDecimal(amount) : undefined
  if (!value) {
    const example = offset === 100 ? "12.34" : "50000"
    throw new AdsValueError("invalid_amount", `the amount must be a number in ${code}'s main unit, like ${example}`)
  }
  if (value.units < 0n) throw new AdsValueError("negative_amount", "the amount cannot be negative")
  const decimals = offset === 100 ? 2 : 0
  const exact = normalizeDecimal(value)
  if (exact.scale > decimals) {
    throw new AdsValueError(
      "too_many_decimals",
      decimals === 0
        ? `${code} budgets are whole ${code} at Meta (no decimals)`
        : `${code} budgets can have at most 2 decimals at Meta`,
    )
  }
  const units = exact.units * 10n ** BigInt(decimals - exact.scale)
  if (units > MAX_META_UNITS) throw new AdsValueError("too_large", "the amount is too large")
  return units.toString()
}

/**
 * Meta units back to the main unit as a decimal string: ("1234", "USD") → "12.34", ("5", "USD") → "0.05",
 * ("50000", "COP") → "50000". Offset-100 currencies always show 2 decimals. Throws for a value that is not a
 * non-negative integer (Meta returns budgets as strings of digits).
 */
export function fromMetaBudget(metaUnits: string | number | bigint, currency: string): string {
  const offset = metaCurrencyOffset(currency)
  const value = parseMetaUnits(metaUnits)
  return formatDecimal({ units: value, scale: offset === 100 ? 2 : 0 }, offset === 100 ? 2 : 0)
}

/** A Meta-unit value (budget, minimum budget) as a bigint; throws unless it is a non-negative whole number. */
export function parseMetaUnits(metaUnits: unknown): bigint {
  let value: bigint | undefined
  if (typeof metaUnits === "bigint") value = metaUnits
  else if (typeof metaUnits === "number") value = Number.isSafeInteger(metaUnits) ? BigInt(metaUnits) : undefined
  else if (typeof metaUnits === "string" && /^\d+$/.test(metaUnits.trim())) value = BigInt(metaUnits.trim())
  if (value === undefined || value < 0n || value > MAX_META_UNITS) {
    throw new AdsValueError("invalid_meta_units", `${JSON.stringify(String(metaUnits))} is not a budget in Meta units (a whole number)`)
  }
  return value
}

/** "9.18 USD", "4000 COP": a Meta-unit value as merchants read it. */
export function formatMetaAmount(metaUnits: string | number | bigint, currency: string): string {
  return `${fromMetaBudget(metaUnits, currency)} ${normalizeCurrency(currency)}`
}
