/**
 * A GTIN Meta accepts: GTIN-8, UPC-A (12), EAN-13 or GTIN-14 digits with a valid GS1 check digit.
 * Spaces and dashes that merchants type are ignored; anything else is not a GTIN (and is not sent).
 */
export function normalizeGtin(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined
  const digits = String(value).replace(/[\s-]/g, "")
  if (!/^\d+$/.test(digits) || ![8, 12, 13, 14].includes(digits.length)) return undefined
  if (/^0+$/.test(digits)) return undefined
  const body = digits.slice(0, -1)
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i])
    sum += i % 2 === 0 ? digit * 3 : digit
  }
  const check = (10 - (sum % 10)) % 10
  return check === Number(digits[digits.length - 1]) ? digits : undefined
}
