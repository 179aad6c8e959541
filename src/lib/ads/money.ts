/**
 * Exact decimals for ads money and ratios. Marketing API insights report `spend` as a decimal string in the
 * account currency's main unit ("123.45"), budgets are integers in Meta's offset units (currency-offset.ts),
 * and rules compare both against merchant-entered thresholds. A float would make 0.1 + 0.2 exceed 0.3 and
 * turn a 20 % raise of 1005 cents into 1205.9999…; everything here is BigInt fixed point instead.
 */

/** `units / 10^scale`, exact. */
export type Decimal = { units: bigint; scale: number }

export type DecimalInput = string | number | bigint | Decimal

/** Why a value was refused; `code` is stable for callers, `message` is for people. */
export class AdsValueError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = "AdsValueError"
    this.code = code
  }
}

const DECIMAL_TEXT = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/

/**
 * Exponents beyond this are refused before any digits are built: "1e999999999" would otherwise allocate a
 * billion-character string. No budget or insights figure comes near 10^400.
 */
const MAX_EXPONENT = 400

function isDecimal(value: unknown): value is Decimal {
  return typeof value === "object" && value !== null && typeof (value as Decimal).units === "bigint" && Number.isInteger((value as Decimal).scale)
}

/**
 * Reads a decimal: a string such as "19.99", "-3", "1.5e3" (surrounding spaces ignored), a finite number (read
 * through its shortest round-trip text, never through float arithmetic: 0.1 + 0.2 reads as
 * 0.30000000000000004, which is what that double is), a bigint, or a Decimal. Undefined for anything else:
 * "", "1,5", "12.", ".5", "0x10", NaN, Infinity.
 */
export function tryParseDecimal(input: unknown): Decimal | undefined {
  if (isDecimal(input)) return input.scale >= 0 ? input : { units: input.units * 10n ** BigInt(-input.scale), scale: 0 }
  if (typeof input === "bigint") return { units: input, scale: 0 }
  let text: string
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return undefined
    text = String(input)
  } else if (typeof input === "string") {
    text = input
  } else {
    return undefined
  }
  // A rule evaluation compares the same figures and thresholds again for every rule: read each text once.
  if (text.length > PARSED_MAX_LENGTH) return parseDecimalText(text.trim())
  const known = PARSED.get(text)
  if (known !== undefined) return known ?? undefined
  const value = parseDecimalText(text.trim())
  if (PARSED.size >= PARSED_MAX) PARSED.clear()
  PARSED.set(text, value ?? null)
  return value
}

/** Texts already read (a Decimal is a value: nothing here or in its callers changes one); short ones only. */
const PARSED = new Map<string, Decimal | null>()
const PARSED_MAX = 100_000
const PARSED_MAX_LENGTH = 48

function parseDecimalText(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text)
  if (!match) return undefined
  const [, sign, whole, fraction = "", exponentText] = match
  const exponent = exponentText === undefined ? 0 : Number(exponentText)
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) return undefined
  let digits = whole + fraction
  let scale = fraction.length - exponent
  if (scale < 0) {
    digits += "0".repeat(-scale)
    scale = 0
  }
  const units = BigInt(digits)
  return { units: sign === "-" ? -units : units, scale }
}

/** Like tryParseDecimal, but throws an AdsValueError naming `what` ("spend", "conditions[0].value"). */
export function parseDecimal(input: unknown, what = "value"): Decimal {
  const value = tryParseDecimal(input)
  if (!value) throw new AdsValueError("invalid_decimal", `${what} must be a decimal number like 12.34`)
  return value
}

/** Powers of ten up to 10^64, made once: `10n ** BigInt(n)` costs more than the arithmetic it feeds. */
const POWERS_OF_TEN: bigint[] = Array.from({ length: 65 }, (_, n) => 10n ** BigInt(n))

function pow10(exponent: number): bigint {
  return exponent >= 0 && exponent < POWERS_OF_TEN.length ? POWERS_OF_TEN[exponent] : 10n ** BigInt(exponent)
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * pow10(scale - value.scale)
}

/** Drops trailing fractional zeros: 12.3400 → 12.34, 5.00 → 5. */
export function normalizeDecimal(value: Decimal): Decimal {
  let { units, scale } = value
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n
    scale -= 1
  }
  return { units, scale }
}

/**
 * The canonical text: no exponent, no "+", no "-0", no trailing fractional zeros ("13", "0.3", "-1.25").
 * `minDecimals` pads the fraction ("12.50" with 2), for amounts shown in a currency.
 */
export function formatDecimal(value: Decimal, minDecimals = 0): string {
  const normalized = normalizeDecimal(value)
  const scale = Math.max(normalized.scale, minDecimals)
  const units = rescale(normalized, scale)
  const negative = units < 0n
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0")
  const whole = digits.slice(0, digits.length - scale)
  const fraction = digits.slice(digits.length - scale)
  const body = scale > 0 ? `${whole}.${fraction}` : whole
  return negative ? `-${body}` : body
}

function toDecimal(input: DecimalInput, what: string): Decimal {
  return parseDecimal(input, what)
}

export function compareDecimals(a: DecimalInput, b: DecimalInput): -1 | 0 | 1 {
  const left = toDecimal(a, "a")
  const right = toDecimal(b, "b")
  const scale = Math.max(left.scale, right.scale)
  const l = rescale(left, scale)
  const r = rescale(right, scale)
  return l < r ? -1 : l > r ? 1 : 0
}

export function addDecimals(a: DecimalInput, b: DecimalInput): string {
  return formatDecimal(addExact(toDecimal(a, "a"), toDecimal(b, "b")))
}

export function subtractDecimals(a: DecimalInput, b: DecimalInput): string {
  const right = toDecimal(b, "b")
  return formatDecimal(addExact(toDecimal(a, "a"), { units: -right.units, scale: right.scale }))
}

/** Sum of any number of decimals; "0" for none. */
export function sumDecimals(values: Iterable<DecimalInput>): string {
  let total: Decimal = { units: 0n, scale: 0 }
  let index = 0
  for (const value of values) total = addExact(total, toDecimal(value, `values[${index++}]`))
  return formatDecimal(total)
}

export function multiplyDecimals(a: DecimalInput, b: DecimalInput): string {
  const left = toDecimal(a, "a")
  const right = toDecimal(b, "b")
  return formatDecimal({ units: left.units * right.units, scale: left.scale + right.scale })
}

/**
 * How a result that does not fit the requested precision is rounded: `half_up` = half away from zero
 * (2.345 → 2.35, -2.345 → -2.35), `down` = toward zero (truncate), `up` = away from zero.
 */
export type RoundingMode = "half_up" | "down" | "up"

function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const negative = numerator < 0n !== denominator < 0n
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  let quotient = n / d
  const remainder = n % d
  if (remainder !== 0n) {
    if (mode === "up" || (mode === "half_up" && remainder * 2n >= d)) quotient += 1n
  }
  return negative ? -quotient : quotient
}

export function roundDecimal(value: DecimalInput, decimals: number, mode: RoundingMode = "half_up"): Decimal {
  const decimal = toDecimal(value, "value")
  if (decimal.scale <= decimals) return { units: rescale(decimal, decimals), scale: decimals }
  return { units: divideRounded(decimal.units, pow10(decimal.scale - decimals), mode), scale: decimals }
}

/**
 * a / b rounded to `decimals` places; null when b is zero (a CPM without impressions is not 0, it is
 * unknown). Exact: the quotient is computed on integers scaled far enough for the requested precision.
 */
export function divideDecimals(a: DecimalInput, b: DecimalInput, decimals: number, mode: RoundingMode = "half_up"): string | null {
  const quotient = divideToDecimal(toDecimal(a, "a"), toDecimal(b, "b"), decimals, mode)
  return quotient === null ? null : formatDecimal(quotient)
}

export function divideToDecimal(a: Decimal, b: Decimal, decimals: number, mode: RoundingMode = "half_up"): Decimal | null {
  if (b.units === 0n) return null
  // a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale); scaled by 10^decimals:
  // a.units * 10^(b.scale + decimals) / (b.units * 10^a.scale)
  const numerator = a.units * pow10(b.scale + decimals)
  const denominator = b.units * pow10(a.scale)
  return { units: divideRounded(numerator, denominator, mode), scale: decimals }
}

/** The smallest value (the first one on ties), in canonical text. Throws for an empty list. */
export function minDecimal(...values: DecimalInput[]): string {
  return formatDecimal(pick(values, -1))
}

/** The largest value (the first one on ties), in canonical text. Throws for an empty list. */
export function maxDecimal(...values: DecimalInput[]): string {
  return formatDecimal(pick(values, 1))
}

function pick(values: DecimalInput[], direction: 1 | -1): Decimal {
  if (values.length === 0) throw new AdsValueError("empty", "at least one value is needed")
  let best = toDecimal(values[0], "values[0]")
  for (let i = 1; i < values.length; i++) {
    const candidate = toDecimal(values[i], `values[${i}]`)
    if (compareDecimals(candidate, best) === direction) best = candidate
  }
  return best
}

export function isZeroDecimal(value: DecimalInput): boolean {
  return toDecimal(value, "value").units === 0n
}

function addExact(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale)
  return { units: rescale(a, scale) + rescale(b, scale), scale }
}

function budgetUnits(budget: DecimalInput): bigint {
  const value = tryParseDecimal(budget)
  if (!value || value.units < 0n || normalizeDecimal(value).scale !== 0) {
    throw new AdsValueError("invalid_budget", "a budget in Meta units must be a non-negative whole number")
  }
  return rescale(value, 0)
}

function percentValue(percent: DecimalInput): Decimal {
  const value = tryParseDecimal(percent)
  if (!value || value.units < 0n) throw new AdsValueError("invalid_percent", "the percentage must be a non-negative decimal like 20 or 12.5")
  return value
}

/**
 * `budget` (an integer in Meta units) raised by `percent` %, rounded DOWN to a whole Meta unit: a raise never
 * lands even one cent (or one yen) above the exact result, so a ceiling computed on exact values holds.
 * raiseBudgetByPercent("1005", "20") → "1206" (exact 1206), ("999", "10") → "1098" (exact 1098.9).
 */
export function raiseBudgetByPercent(budget: DecimalInput, percent: DecimalInput): string {
  const units = budgetUnits(budget)
  const pct = percentValue(percent)
  // units * (100 + pct) / 100, with pct = pct.units / 10^pct.scale
  const factor = 100n * pow10(pct.scale) + pct.units
  return divideRounded(units * factor, 100n * pow10(pct.scale), "down").toString()
}

/**
 * `budget` lowered by `percent` % (0 ≤ percent ≤ 100), rounded DOWN as well: the merchant asked to spend less,
 * and the rounded result never spends more than the exact one. lowerBudgetByPercent("1000", "33.3") → "667".
 */
export function lowerBudgetByPercent(budget: DecimalInput, percent: DecimalInput): string {
  const units = budgetUnits(budget)
  const pct = percentValue(percent)
  const hundred = 100n * pow10(pct.scale)
  if (pct.units > hundred) throw new AdsValueError("invalid_percent", "a budget cannot be lowered by more than 100 %")
  return divideRounded(units * (hundred - pct.units), hundred, "down").toString()
}
