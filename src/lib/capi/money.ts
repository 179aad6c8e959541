/**
 * Money for custom_data.value / contents.item_price: Medusa amounts are decimals in the currency's main unit
 * (number, numeric string, or a BigNumber-like `{ value }` / `{ numeric }`). They are handled as decimal
 * strings and integer minor units (BigInt), never added as floats.
 */
export type AmountLike = number | string | { value?: unknown; numeric?: unknown } | null | undefined

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/

/**
 * Minor-unit digits per upper-case code, null for a code the runtime does not know. Building an
 * Intl.NumberFormat costs ~10 µs, several times per event; the cache is bounded by the 26³ possible codes.
 */
const digitsByCode = new Map<string, number | null>()

function lookupDigits(code: string): number | null {
  let digits = digitsByCode.get(code)
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2
    } catch {
      digits = null
    }
    digitsByCode.set(code, digits)
  }
  return digits
}

/** The currency's minor-unit digits per ISO 4217, as the runtime's Intl data knows them (USD 2, JPY 0, KWD 3). */
export function currencyDigits(currency: string): number {
  return lookupDigits(currency.toUpperCase()) ?? 2
}

export function isCurrencyCode(value: string): boolean {
  return /^[a-z]{3}$/i.test(value) && lookupDigits(value.toUpperCase()) !== null
}

function decimalText(amount: AmountLike): string | null {
  if (amount === null || amount === undefined) return null
  if (typeof amount === "object") return decimalText((amount.value ?? amount.numeric) as AmountLike)
  if (typeof amount === "number") {
    if (!Number.isFinite(amount)) return null
    // toString of a double is the shortest decimal that round-trips: 19.99 stays "19.99".
    const text = String(amount)
    if (!/e/i.test(text)) return text
    // Exponent notation: very large integers, or amounts below 1e-6 (which round to zero anyway).
    return Number.isInteger(amount) ? BigInt(amount).toString() : amount.toFixed(20).replace(/0+$/, "").replace(/\.$/, "")
  }
  const text = amount.trim()
  return DECIMAL.test(text) ? text : null
}

/** Integer minor units, rounded half away from zero at the currency's precision. */
export function toMinorUnits(amount: AmountLike, currency: string): bigint | null {
  const text = decimalText(amount)
  const match = text?.match(DECIMAL)
  if (!match) return null
  const [, sign, whole, fraction = ""] = match
  const digits = currencyDigits(currency)
  const kept = (fraction + "0".repeat(digits)).slice(0, digits)
  let minor = BigInt(whole + kept)
  if ((fraction[digits] ?? "0") >= "5") minor += 1n
  return sign ? -minor : minor
}

/** Minor units → the decimal Meta reads as custom_data.value ("1999" USD → 19.99). */
export function minorToDecimalString(minor: bigint, currency: string): string {
  const digits = currencyDigits(currency)
  const negative = minor < 0n
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, "0")
  const whole = digits ? text.slice(0, -digits) : text
  const fraction = digits ? `.${text.slice(-digits)}` : ""
  return `${negative ? "-" : ""}${whole}${fraction}`
}

/** A Medusa amount as the JSON number Meta expects (parsed from the exact decimal string, no arithmetic). */
export function toMetaValue(amount: AmountLike, currency: string): number | null {
  if (typeof amount === "number" && Number.isFinite(amount)) {
    // A number already at the currency's precision (44.8 EUR, 1500 JPY) comes back unchanged from the
    // decimal-string path: its shortest decimal, padded with zeros, parses to the same double. Only -0
    // differs (the string path gives 0).
    const text = String(amount)
    const dot = text.indexOf(".")
    const decimals = dot === -1 ? 0 : text.length - dot - 1
    if (!text.includes("e") && decimals <= currencyDigits(currency)) return amount === 0 ? 0 : amount
  }
  const minor = toMinorUnits(amount, currency)
  return minor === null ? null : Number(minorToDecimalString(minor, currency))
}
