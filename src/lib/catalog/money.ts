/**
 * Meta catalog prices (items_batch and feeds) are strings "<amount> <ISO-4217 code>", e.g. "19.99 USD",
 * "1000 JPY": a period as decimal separator, no thousands separator, no symbol (https://developers.facebook.com/docs/commerce-platform/catalog/fields).
 * Medusa stores amounts as decimal numbers in the currency's main unit. All arithmetic here is on BigInt
 * scaled integers: a float would turn 0.1 + 0.2 into 0.30000000000000004 and 1e21 into exponent notation.
 */

/** ISO-4217 minor units that are not 2. Everything not listed has 2 decimals. */
const MINOR_UNITS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
}

export function currencyDecimals(currencyCode: string): number {
  return MINOR_UNITS[currencyCode.toUpperCase()] ?? 2
}

/** A decimal as `units / 10^scale`, exact. */
export type Decimal = { units: bigint; scale: number }

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/

/**
 * Reads a decimal from Medusa: a string ("19.99", "1e-7", " 5 ") or a number (read through its shortest
 * round-trip string, never through float arithmetic). Undefined for anything that is not a finite decimal.
 */
export function parseDecimal(input: unknown): Decimal | undefined {
  let text: string
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return undefined
    text = String(input)
  } else if (typeof input === "string") {
    text = input.trim()
  } else if (typeof input === "bigint") {
    return { units: input, scale: 0 }
  } else {
    return undefined
  }
  const match = DECIMAL.exec(text)
  if (!match) return undefined
  const [, sign, whole = "", fraction = "", exponentText] = match
  if (whole === "" && fraction === "") return undefined
  const exponent = exponentText ? Number(exponentText) : 0
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 1000) return undefined
  let digits = `${whole}${fraction}` || "0"
  let scale = fraction.length - exponent
  if (scale < 0) {
    digits += "0".repeat(-scale)
    scale = 0
  }
  const units = BigInt(digits) * (sign === "-" ? -1n : 1n)
  return { units, scale }
}

/** Rounds half away from zero to `decimals` places (commercial rounding, as Medusa's totals do). */
export function roundDecimal(value: Decimal, decimals: number): Decimal {
  if (value.scale <= decimals) {
    return { units: value.units * 10n ** BigInt(decimals - value.scale), scale: decimals }
  }
  const divisor = 10n ** BigInt(value.scale - decimals)
  const negative = value.units < 0n
  const magnitude = negative ? -value.units : value.units
  let quotient = magnitude / divisor
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n
  return { units: negative ? -quotient : quotient, scale: decimals }
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale)
  const left = a.units * 10n ** BigInt(scale - a.scale)
  const right = b.units * 10n ** BigInt(scale - b.scale)
  return left < right ? -1 : left > right ? 1 : 0
}

/** "19.99" / "1000" / "1.234": whole units when the fraction is zero, else every minor-unit digit. */
function decimalText(value: Decimal): string {
  const negative = value.units < 0n
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, "0")
  const whole = digits.slice(0, digits.length - value.scale)
  const fraction = digits.slice(digits.length - value.scale)
  const body = /^0*$/.test(fraction) ? whole : `${whole}.${fraction}`
  return negative ? `-${body}` : body
}

/**
 * Meta's price string for a Medusa amount, rounded to the currency's ISO-4217 minor units:
 * 19.99 USD → "19.99 USD", 12.5 USD → "12.50 USD", 50000 COP → "50000 COP", 1000 JPY → "1000 JPY",
 * 1.2345 KWD → "1.235 KWD". Undefined when the amount or the currency code is unusable.
 */
export function formatMetaPrice(amount: unknown, currencyCode: string): string | undefined {
  const code = typeof currencyCode === "string" ? currencyCode.trim().toUpperCase() : ""
  if (!/^[A-Z]{3}$/.test(code)) return undefined
  const value = parseDecimal(amount)
  if (!value) return undefined
  return `${decimalText(roundDecimal(value, currencyDecimals(code)))} ${code}`
}
