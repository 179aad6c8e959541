import {
  addDecimals,
  AdsValueError,
  compareDecimals,
  divideDecimals,
  formatDecimal,
  isZeroDecimal,
  lowerBudgetByPercent,
  maxDecimal,
  minDecimal,
  multiplyDecimals,
  parseDecimal,
  raiseBudgetByPercent,
  roundDecimal,
  subtractDecimals,
  sumDecimals,
  tryParseDecimal,
} from "../money"

describe("tryParseDecimal", () => {
  it.each([
    ["123.45", "123.45"],
    [" 5 ", "5"],
    ["+7", "7"],
    ["-3.50", "-3.5"],
    ["0.000", "0"],
    ["-0", "0"],
    ["1.5e3", "1500"],
    ["1E-2", "0.01"],
    ["00012.3400", "12.34"],
    [19.99, "19.99"],
    [0.1 + 0.2, "0.30000000000000004"],
    [1e21, "1000000000000000000000"],
    [5e-7, "0.0000005"],
    [-0, "0"],
    [123n, "123"],
    ["99999999999999999999999999.99", "99999999999999999999999999.99"],
  ])("%p reads as %s", (input, expected) => {
    const value = tryParseDecimal(input)
    expect(value).toBeDefined()
    expect(formatDecimal(value!)).toBe(expected)
  })

  it.each([["" ], ["abc"], ["1,5"], ["12."], [".5"], ["0x10"], ["1e"], ["--1"], ["1 000"], ["NaN"], ["Infinity"], [Number.NaN], [Infinity], [-Infinity], [null], [undefined], [{}], [[]], ["1e999999999"], [true]])(
    "%p is not a decimal",
    (input) => {
      expect(tryParseDecimal(input)).toBeUndefined()
    },
  )

  it("parseDecimal names the field in its error", () => {
    expect(() => parseDecimal("x", "spend")).toThrow("spend must be a decimal number like 12.34")
    try {
      parseDecimal("x")
    } catch (error) {
      expect(error).toBeInstanceOf(AdsValueError)
      expect((error as AdsValueError).code).toBe("invalid_decimal")
    }
  })
})

describe("formatDecimal", () => {
  it("pads to a minimum of decimals and never shows -0", () => {
    expect(formatDecimal({ units: 1250n, scale: 2 }, 2)).toBe("12.50")
    expect(formatDecimal({ units: 5n, scale: 0 }, 2)).toBe("5.00")
    expect(formatDecimal({ units: -5n, scale: 3 })).toBe("-0.005")
    expect(formatDecimal({ units: 0n, scale: 4 })).toBe("0")
    expect(formatDecimal({ units: 0n, scale: 4 }, 2)).toBe("0.00")
  })
})

describe("add, subtract, sum", () => {
  it("0.1 + 0.2 is exactly 0.3", () => {
    expect(addDecimals("0.1", "0.2")).toBe("0.3")
    expect(compareDecimals(addDecimals("0.1", "0.2"), "0.3")).toBe(0)
  })

  it.each([
    ["12.34", "0.66", "13"],
    ["-1", "0.25", "-0.75"],
    ["99999999999999999999.99", "0.01", "100000000000000000000"],
    ["1e3", "0.001", "1000.001"],
  ])("%s + %s = %s", (a, b, expected) => {
    expect(addDecimals(a, b)).toBe(expected)
  })

  it("subtracts", () => {
    expect(subtractDecimals("10", "0.01")).toBe("9.99")
    expect(subtractDecimals("0.3", "0.1")).toBe("0.2")
    expect(subtractDecimals("1", "2.5")).toBe("-1.5")
  })

  it("sums a day's spend without drift", () => {
    expect(sumDecimals(Array.from({ length: 1000 }, () => "0.01"))).toBe("10")
    expect(sumDecimals(Array.from({ length: 10 }, () => "0.1"))).toBe("1")
    expect(sumDecimals([])).toBe("0")
  })

  it("refuses a bad operand, naming its position", () => {
    expect(() => sumDecimals(["1", "x"])).toThrow("values[1]")
    expect(() => addDecimals("1", "")).toThrow(AdsValueError)
  })
})

describe("compare, min, max", () => {
  it.each([
    ["10", "10.00", 0],
    ["9.999", "10", -1],
    ["-0", "0", 0],
    ["1e2", "99.99", 1],
    ["100000000000000000000000000001", "100000000000000000000000000000", 1],
  ])("compare(%s, %s) = %i", (a, b, expected) => {
    expect(compareDecimals(a, b)).toBe(expected)
  })

  it("picks the smallest and largest; ties keep the first written form canonical", () => {
    expect(minDecimal("3", "1.50", "2")).toBe("1.5")
    expect(maxDecimal("3", "3.000", "2")).toBe("3")
    expect(maxDecimal("-1", "-0.5")).toBe("-0.5")
    expect(() => minDecimal()).toThrow(AdsValueError)
  })

  it("knows zero", () => {
    expect(isZeroDecimal("0.000")).toBe(true)
    expect(isZeroDecimal("0.001")).toBe(false)
  })
})

describe("multiply, divide, round", () => {
  it("multiplies exactly", () => {
    expect(multiplyDecimals("0.1", "3")).toBe("0.3")
    expect(multiplyDecimals("19.99", "100")).toBe("1999")
    expect(multiplyDecimals("-1.5", "1.5")).toBe("-2.25")
  })

  it("divides to a fixed precision, half away from zero; null for a zero divisor", () => {
    expect(divideDecimals("10", "3", 4)).toBe("3.3333")
    expect(divideDecimals("20", "3", 4)).toBe("6.6667")
    expect(divideDecimals("-20", "3", 4)).toBe("-6.6667")
    expect(divideDecimals("1", "8", 2)).toBe("0.13")
    expect(divideDecimals("1", "8", 2, "down")).toBe("0.12")
    expect(divideDecimals("1", "3", 0, "up")).toBe("1")
    expect(divideDecimals("5", "0", 4)).toBeNull()
    expect(divideDecimals("0", "0.000", 4)).toBeNull()
    expect(divideDecimals("123.45", "0.5", 4)).toBe("246.9")
  })

  it("rounds", () => {
    expect(formatDecimal(roundDecimal("2.345", 2))).toBe("2.35")
    expect(formatDecimal(roundDecimal("-2.345", 2))).toBe("-2.35")
    expect(formatDecimal(roundDecimal("2.344", 2))).toBe("2.34")
    expect(formatDecimal(roundDecimal("2.349", 2, "down"))).toBe("2.34")
    expect(formatDecimal(roundDecimal("2.341", 2, "up"))).toBe("2.35")
    expect(formatDecimal(roundDecimal("2", 2), 2)).toBe("2.00")
  })
})

describe("budget percentages in Meta units", () => {
  it.each([
    ["1000", "20", "1200"],
    ["1005", "20", "1206"],
    ["999", "10", "1098"],
    ["1", "20", "1"],
    ["5", "20", "6"],
    ["50000", "20", "60000"],
    ["333", "33.33", "443"],
    ["100", "0", "100"],
    ["9223372036854775807", "0.01", "9224294374058461284"],
  ])("raise %s by %s %% → %s (rounded down)", (budget, percent, expected) => {
    expect(raiseBudgetByPercent(budget, percent)).toBe(expected)
  })

  it("never rounds a raise up, over many budgets", () => {
    for (let cents = 1n; cents < 3000n; cents += 7n) {
      const raised = BigInt(raiseBudgetByPercent(cents.toString(), "15"))
      // raised ≤ cents × 1.15 < raised + 1
      expect(raised * 100n).toBeLessThanOrEqual(cents * 115n)
      expect((raised + 1n) * 100n).toBeGreaterThan(cents * 115n)
    }
  })

  it.each([
    ["1000", "20", "800"],
    ["1000", "33.3", "667"],
    ["999", "50", "499"],
    ["1", "50", "0"],
    ["1000", "100", "0"],
  ])("lower %s by %s %% → %s (rounded down)", (budget, percent, expected) => {
    expect(lowerBudgetByPercent(budget, percent)).toBe(expected)
  })

  it.each([
    ["12.5", "20"],
    ["-100", "20"],
    ["abc", "20"],
    ["100", "-5"],
    ["100", "x"],
  ])("refuses budget %p / percent %p", (budget, percent) => {
    expect(() => raiseBudgetByPercent(budget, percent)).toThrow(AdsValueError)
  })

  it("refuses lowering by more than 100 %", () => {
    expect(() => lowerBudgetByPercent("100", "100.01")).toThrow("more than 100 %")
  })
})
