import { compareDecimal, currencyDecimals, formatMetaPrice, parseDecimal, roundDecimal } from "../money"

describe("formatMetaPrice", () => {
  it.each([
    ["19.99", "USD", "19.99 USD"],
    [19.99, "usd", "19.99 USD"],
    ["12.5", "USD", "12.50 USD"],
    ["20", "USD", "20 USD"],
    ["20.00", "EUR", "20 EUR"],
    ["50000", "COP", "50000 COP"],
    ["50000.00", "COP", "50000 COP"],
    ["1000", "JPY", "1000 JPY"],
    ["999.5", "JPY", "1000 JPY"],
    ["999.4999", "JPY", "999 JPY"],
    ["1.2345", "KWD", "1.235 KWD"],
    ["1.2344", "BHD", "1.234 BHD"],
    ["7", "TND", "7 TND"],
    ["0.005", "USD", "0.01 USD"],
    ["0.004", "USD", "0 USD"],
    [0.1 + 0.2, "USD", "0.30 USD"],
    ["0.30000000000000004", "USD", "0.30 USD"],
    ["1e3", "USD", "1000 USD"],
    ["1.5e-1", "USD", "0.15 USD"],
    [1e21, "USD", "1000000000000000000000 USD"],
    ["123456789012345678901234.567", "USD", "123456789012345678901234.57 USD"],
    ["  42.10 ", "GBP", "42.10 GBP"],
    [".5", "USD", "0.50 USD"],
    ["5.", "USD", "5 USD"],
    ["-3.333", "USD", "-3.33 USD"],
    ["-0.005", "USD", "-0.01 USD"],
    ["1.23456", "CLF", "1.2346 CLF"],
  ])("%p %s → %s", (amount, currency, expected) => {
    expect(formatMetaPrice(amount, currency)).toBe(expected)
  })

  it.each([
    ["abc", "USD"],
    ["", "USD"],
    [".", "USD"],
    ["1,000.00", "USD"],
    ["$5", "USD"],
    [NaN, "USD"],
    [Infinity, "USD"],
    [null, "USD"],
    [undefined, "USD"],
    [{}, "USD"],
    ["5", "US"],
    ["5", "US$"],
    ["5", ""],
    ["1e99999", "USD"],
  ])("rejects %p %p", (amount, currency) => {
    expect(formatMetaPrice(amount, currency as string)).toBeUndefined()
  })
})

describe("decimal helpers", () => {
  it("knows ISO-4217 minor units", () => {
    expect([currencyDecimals("usd"), currencyDecimals("JPY"), currencyDecimals("KWD"), currencyDecimals("COP")]).toEqual([2, 0, 3, 2])
  })
  it("parses exactly and compares across scales", () => {
    expect(parseDecimal("19.990")).toEqual({ units: 19990n, scale: 3 })
    expect(parseDecimal(10n)).toEqual({ units: 10n, scale: 0 })
    expect(compareDecimal(parseDecimal("19.99")!, parseDecimal("19.990")!)).toBe(0)
    expect(compareDecimal(parseDecimal("9.99")!, parseDecimal("10")!)).toBe(-1)
    expect(compareDecimal(parseDecimal("10.001")!, parseDecimal("10")!)).toBe(1)
    expect(roundDecimal({ units: 5n, scale: 0 }, 2)).toEqual({ units: 500n, scale: 2 })
  })
})
