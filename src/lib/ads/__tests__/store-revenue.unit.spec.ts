import { deriveAdMetrics } from "../ad-metrics"
import { StoreRevenueIndex, storeFigures } from "../store-revenue"

const row = (level: "ad" | "ad_set" | "campaign" | "account", meta_id: string, lookback: string, currency_code: string, orders: number, revenue: string) => ({
  level,
  meta_id,
  lookback,
  currency_code,
  orders,
  revenue,
})

describe("StoreRevenueIndex", () => {
  const index = new StoreRevenueIndex([
    row("ad", "1", "today", "eur", 2, "89.60"),
    row("ad", "1", "today", "usd", 1, "10"),
    row("ad", "1", "last_7d", "eur", 1, "5.5"),
    row("campaign", "1", "today", "eur", 9, "900"),
    row("account", "", "today", "eur", 3, "95.10"),
  ])

  it("finds an object's revenue per currency for one lookback", () => {
    expect(index.get("ad", "1", "today")).toEqual([
      { currency: "EUR", amount: "89.60", orders: 2 },
      { currency: "USD", amount: "10", orders: 1 },
    ])
    expect(index.get("ad", "1", "last_7d")).toEqual([{ currency: "EUR", amount: "5.5", orders: 1 }])
  })

  it("keeps levels apart even when Meta ids coincide", () => {
    expect(index.get("campaign", "1", "today")).toEqual([{ currency: "EUR", amount: "900", orders: 9 }])
    expect(index.get("ad_set", "1", "today")).toEqual([])
  })

  it("answers empty for what has no orders", () => {
    expect(index.get("ad", "2", "today")).toEqual([])
    expect(index.get("ad", "1", "last_30d")).toEqual([])
    expect(new StoreRevenueIndex().get("account", "", "today")).toEqual([])
  })
})

describe("storeFigures", () => {
  const spend = (value: string) => deriveAdMetrics({ spend: value, impressions: "1000" })

  it("divides the account currency's revenue by Meta's spend", () => {
    expect(storeFigures([{ currency: "EUR", amount: "44.80", orders: 1 }], "EUR", spend("175.00"))).toEqual({
      store_orders: 1,
      store_revenue: "44.8",
      store_roas: "0.256",
      store_revenue_other_currencies: [],
    })
  })

  it("keeps other currencies out of revenue and ROAS, listed with their orders, sorted", () => {
    const figures = storeFigures(
      [
        { currency: "usd", amount: "10.00", orders: 1 },
        { currency: "EUR", amount: "20", orders: 2 },
        { currency: "CHF", amount: "7.5", orders: 1 },
        { currency: "USD", amount: "5", orders: 2 },
      ],
      "eur",
      spend("10")
    )
    expect(figures).toEqual({
      store_orders: 2,
      store_revenue: "20",
      store_roas: "2",
      store_revenue_other_currencies: [
        { currency: "CHF", amount: "7.5", orders: 1 },
        { currency: "USD", amount: "15", orders: 3 },
      ],
    })
  })

  it("only other currencies: revenue 0 and ROAS 0 when money was spent", () => {
    const figures = storeFigures([{ currency: "EUR", amount: "44.80", orders: 1 }], "USD", spend("3"))
    expect(figures.store_revenue).toBe("0")
    expect(figures.store_roas).toBe("0")
    expect(figures.store_orders).toBe(0)
    expect(figures.store_revenue_other_currencies).toEqual([{ currency: "EUR", amount: "44.8", orders: 1 }])
  })

  it("without spend (or without insights) ROAS is unknown, not infinite", () => {
    expect(storeFigures([{ currency: "JPY", amount: "5000", orders: 1 }], "JPY").store_roas).toBeNull()
    expect(storeFigures([{ currency: "JPY", amount: "5000", orders: 1 }], "JPY", spend("0")).store_roas).toBeNull()
    expect(storeFigures([], "JPY")).toEqual({ store_orders: 0, store_revenue: "0", store_roas: null, store_revenue_other_currencies: [] })
  })

  it("stays exact where floats would not (0.1 + 0.2)", () => {
    const figures = storeFigures(
      [
        { currency: "USD", amount: "0.1", orders: 1 },
        { currency: "USD", amount: "0.2", orders: 1 },
      ],
      "USD",
      spend("0.3")
    )
    expect(figures.store_revenue).toBe("0.3")
    expect(figures.store_roas).toBe("1")
  })

  it("refuses a revenue that is not a decimal rather than guessing", () => {
    expect(() => storeFigures([{ currency: "USD", amount: "12,50", orders: 1 }], "USD")).toThrow(/amount/)
  })
})
