import { currencyDigits, isCurrencyCode, minorToDecimalString, toMetaValue, toMinorUnits } from "../money"

describe("money without float arithmetic", () => {
  it.each([
    [19.99, "usd", 1999n],
    ["19.99", "USD", 1999n],
    [0.1 + 0.2, "usd", 30n],
    ["33.333333333", "eur", 3333n],
    ["0.005", "usd", 1n],
    ["0.004", "usd", 0n],
    [1000, "jpy", 1000n],
    ["1000.5", "jpy", 1001n],
    ["1.2345", "kwd", 1235n],
    [{ value: "12.50" }, "usd", 1250n],
    [{ numeric: 12.5 }, "usd", 1250n],
    [1e21, "usd", 100000000000000000000000n],
    [-5.5, "usd", -550n],
    ["abc", "usd", null],
    ["", "usd", null],
    [null, "usd", null],
    [Number.NaN, "usd", null],
  ])("%p %s → %p minor units", (amount, currency, expected) => {
    expect(toMinorUnits(amount as never, currency)).toBe(expected)
  })

  it.each([
    [1999n, "usd", "19.99"],
    [5n, "usd", "0.05"],
    [1000n, "jpy", "1000"],
    [1235n, "kwd", "1.235"],
    [-550n, "usd", "-5.50"],
  ])("%p %s → %s", (minor, currency, expected) => {
    expect(minorToDecimalString(minor, currency)).toBe(expected)
  })

  it("gives Meta a number parsed from the exact decimal", () => {
    expect(toMetaValue(0.1 + 0.2, "usd")).toBe(0.3)
    expect(toMetaValue("1234567.891", "eur")).toBe(1234567.89)
    expect(toMetaValue("50000", "cop")).toBe(50000)
  })

  it("knows currency precision and codes", () => {
    expect(currencyDigits("usd")).toBe(2)
    expect(currencyDigits("JPY")).toBe(0)
    expect(currencyDigits("kwd")).toBe(3)
    expect(isCurrencyCode("eur")).toBe(true)
    expect(isCurrencyCode("eu")).toBe(false)
    expect(isCurrencyCode("€€€")).toBe(false)
  })
})
