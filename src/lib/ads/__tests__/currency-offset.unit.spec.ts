import {
  formatMetaAmount,
  fromMetaBudget,
  isMetaCurrency,
  MAX_META_UNITS,
  META_CURRENCY_OFFSETS,
  metaBudgetDecimals,
  metaCurrencyOffset,
  parseMetaUnits,
  toMetaBudget,
} from "../currency-offset"
import { AdsValueError } from "../money"

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return error instanceof AdsValueError ? error.code : "other"
  }
  return undefined
}

describe("Meta's currency offsets", () => {
  it.each(["CLP", "COP", "CRC", "HUF", "ISK", "IDR", "JPY", "KRW", "PYG", "TWD", "VND"])("%s has offset 1", (code) => {
    expect(metaCurrencyOffset(code)).toBe(1)
    expect(metaBudgetDecimals(code)).toBe(0)
  })

  it.each(["USD", "EUR", "GBP", "BHD", "JOD", "KWD", "BRL", "MXN", "INR", "CHF", "AED", "FBZ"])("%s has offset 100 (not its ISO exponent)", (code) => {
    expect(metaCurrencyOffset(code)).toBe(100)
    expect(metaBudgetDecimals(code)).toBe(2)
  })

  it("lists exactly Meta's table plus KWD, and offset 1 only for the eleven whole-unit currencies", () => {
    expect(Object.keys(META_CURRENCY_OFFSETS)).toHaveLength(67)
    const whole = Object.entries(META_CURRENCY_OFFSETS)
      .filter(([, offset]) => offset === 1)
      .map(([code]) => code)
      .sort()
    expect(whole).toEqual(["CLP", "COP", "CRC", "HUF", "IDR", "ISK", "JPY", "KRW", "PYG", "TWD", "VND"])
  })

  it("reads codes case- and space-insensitively", () => {
    expect(metaCurrencyOffset(" cop ")).toBe(1)
    expect(isMetaCurrency("usd")).toBe(true)
  })

  it.each(["XYZ", "", "US", "OMR", "constructor", "__proto__", "toString"])("refuses %p", (code) => {
    expect(isMetaCurrency(code)).toBe(false)
    expect(codeOf(() => metaCurrencyOffset(code))).toBe("unknown_currency")
  })

  it("refuses a non-string currency", () => {
    expect(codeOf(() => metaCurrencyOffset(undefined))).toBe("unknown_currency")
    expect(codeOf(() => metaCurrencyOffset(840))).toBe("unknown_currency")
  })
})

describe("toMetaBudget", () => {
  it.each<[string | number, string, string]>([
    ["12.34", "USD", "1234"],
    [12.34, "USD", "1234"],
    ["12.3", "USD", "1230"],
    ["12", "USD", "1200"],
    ["0.01", "USD", "1"],
    ["12.340", "USD", "1234"],
    ["50000", "COP", "50000"],
    [50000, "COP", "50000"],
    ["50000.00", "COP", "50000"],
    ["1000", "JPY", "1000"],
    ["10000", "KRW", "10000"],
    ["918", "CLP", "918"],
    ["12.345", "EUR", "too_many_decimals"],
    ["1.234", "BHD", "too_many_decimals"],
    ["1.23", "BHD", "123"],
    ["5.5", "JOD", "550"],
    ["50000.5", "COP", "too_many_decimals"],
    ["1000.1", "JPY", "too_many_decimals"],
    ["0", "USD", "0"],
    ["-5", "USD", "negative_amount"],
    [-0.01, "USD", "negative_amount"],
    ["abc", "USD", "invalid_amount"],
    ["", "USD", "invalid_amount"],
    ["1,000", "USD", "invalid_amount"],
    ["$12", "USD", "invalid_amount"],
    [Number.NaN, "USD", "invalid_amount"],
    [Infinity, "USD", "invalid_amount"],
    ["1.5e3", "USD", "150000"],
    ["5e4", "COP", "50000"],
    ["1.2345e2", "USD", "12345"],
    ["1e-3", "USD", "too_many_decimals"],
    [0.1 + 0.2, "USD", "too_many_decimals"],
    [1e21, "USD", "too_large"],
    ["92233720368547758.07", "USD", "9223372036854775807"],
    ["92233720368547758.08", "USD", "too_large"],
    ["9223372036854775807", "JPY", "9223372036854775807"],
    ["9223372036854775808", "JPY", "too_large"],
    ["12.34", "XYZ", "unknown_currency"],
  ])("%p %s → %s", (amount, currency, expected) => {
    if (/^\d+$/.test(expected)) expect(toMetaBudget(amount, currency)).toBe(expected)
    else expect(codeOf(() => toMetaBudget(amount, currency))).toBe(expected)
  })

  it("catches the 100× slip: COP 50 000 a day is 50000, not 5000000 as an ISO-exponent converter sends", () => {
    expect(toMetaBudget("50000", "COP")).toBe("50000")
    expect(toMetaBudget("50000", "COP")).not.toBe("5000000")
    // And the opposite slip: BHD has 3 ISO decimals, but Meta counts it in hundredths.
    expect(toMetaBudget("10", "BHD")).toBe("1000")
    expect(toMetaBudget("10", "BHD")).not.toBe("10000")
  })

  it("says what is wrong in the currency's terms", () => {
    expect(() => toMetaBudget("50000.5", "COP")).toThrow("COP budgets are whole COP at Meta (no decimals)")
    expect(() => toMetaBudget("1.234", "BHD")).toThrow("BHD budgets can have at most 2 decimals at Meta")
    expect(() => toMetaBudget("x", "JPY")).toThrow("like 50000")
    expect(() => toMetaBudget("x", "USD")).toThrow("like 12.34")
  })

  it("refuses an exponent that would build a gigantic number", () => {
    expect(codeOf(() => toMetaBudget("1e999999", "USD"))).toBe("invalid_amount")
    expect(codeOf(() => toMetaBudget("1e400", "USD"))).toBe("too_large")
  })
})

describe("fromMetaBudget", () => {
  it.each<[string | number | bigint, string, string]>([
    ["1234", "USD", "12.34"],
    ["5", "USD", "0.05"],
    ["0", "USD", "0.00"],
    ["1200", "USD", "12.00"],
    [1234, "EUR", "12.34"],
    [1234n, "BHD", "12.34"],
    ["50000", "COP", "50000"],
    ["1000", "JPY", "1000"],
    ["0012", "USD", "0.12"],
    ["9223372036854775807", "USD", "92233720368547758.07"],
  ])("%p %s → %s", (units, currency, expected) => {
    expect(fromMetaBudget(units, currency)).toBe(expected)
  })

  it.each([
    ["12.34", "USD", "12.34"],
    ["0.1", "EUR", "0.10"],
    ["7", "JOD", "7.00"],
    ["50000", "COP", "50000"],
    ["1", "JPY", "1"],
  ])("round-trips %s %s as %s", (amount, currency, shown) => {
    expect(fromMetaBudget(toMetaBudget(amount, currency), currency)).toBe(shown)
  })

  it.each([["12.5"], ["-1"], ["1e3"], [""], ["abc"], [1.5], [-1], [Number.MAX_SAFE_INTEGER + 2], ["9223372036854775808"]])("refuses %p", (units) => {
    expect(codeOf(() => fromMetaBudget(units as never, "USD"))).toBe("invalid_meta_units")
  })

  it("refuses an unknown currency", () => {
    expect(codeOf(() => fromMetaBudget("100", "XXX"))).toBe("unknown_currency")
  })

  it("formats amounts for messages", () => {
    expect(formatMetaAmount("918", "USD")).toBe("9.18 USD")
    expect(formatMetaAmount("4000", "cop")).toBe("4000 COP")
  })

  it("parses Meta units strictly", () => {
    expect(parseMetaUnits(" 42 ")).toBe(42n)
    expect(parseMetaUnits(MAX_META_UNITS)).toBe(MAX_META_UNITS)
    expect(() => parseMetaUnits(MAX_META_UNITS + 1n)).toThrow(AdsValueError)
    expect(() => parseMetaUnits(null)).toThrow(AdsValueError)
  })
})
