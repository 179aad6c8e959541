import { deriveAdMetrics, mergeStoreMetrics, PURCHASE_ACTION_TYPES } from "../ad-metrics"
import { AdsValueError } from "../money"

const row = {
  spend: "123.45",
  impressions: "10000",
  reach: "4000",
  frequency: "2.5",
  clicks: "250",
  inline_link_clicks: "180",
  actions: [
    { action_type: "link_click", value: "180" },
    { action_type: "offsite_conversion.fb_pixel_purchase", value: "4" },
    { action_type: "omni_purchase", value: "5" },
    { action_type: "purchase", value: "5" },
  ],
  action_values: [
    { action_type: "offsite_conversion.fb_pixel_purchase", value: "400.00" },
    { action_type: "omni_purchase", value: "512.30" },
    { action_type: "purchase", value: "512.30" },
  ],
  purchase_roas: [{ action_type: "omni_purchase", value: "4.149858" }],
}

describe("deriveAdMetrics", () => {
  it("derives Meta's metrics exactly", () => {
    expect(deriveAdMetrics(row)).toEqual({
      spend: "123.45",
      impressions: "10000",
      reach: "4000",
      frequency: "2.5",
      clicks: "250",
      link_clicks: "180",
      cpm: "12.345",
      cpc: "0.4938",
      ctr: "2.5",
      purchases: "5",
      purchase_value: "512.3",
      roas: "4.1499",
      cost_per_purchase: "24.69",
      purchase_action_type: "omni_purchase",
    })
  })

  it("uses one purchase action type, never the sum of overlapping ones", () => {
    const metrics = deriveAdMetrics(row)
    // 5 (omni) — not 4 + 5 + 5 = 14.
    expect(metrics.purchases).toBe("5")
    expect(PURCHASE_ACTION_TYPES[0]).toBe("omni_purchase")
  })

  it("falls back to purchase, then to the pixel purchase", () => {
    const purchaseOnly = deriveAdMetrics({ spend: "10", actions: [{ action_type: "purchase", value: "2" }], action_values: [{ action_type: "purchase", value: "30" }] })
    expect(purchaseOnly.purchases).toBe("2")
    expect(purchaseOnly.purchase_action_type).toBe("purchase")
    expect(purchaseOnly.roas).toBe("3")
    const pixelOnly = deriveAdMetrics({
      spend: "10",
      actions: [{ action_type: "offsite_conversion.fb_pixel_purchase", value: "1" }],
      action_values: [{ action_type: "offsite_conversion.fb_pixel_purchase", value: "9.99" }],
    })
    expect(pixelOnly.purchases).toBe("1")
    expect(pixelOnly.purchase_value).toBe("9.99")
    expect(pixelOnly.cost_per_purchase).toBe("10")
  })

  it("gives null, not 0, for ratios without a denominator", () => {
    const empty = deriveAdMetrics({})
    expect(empty).toEqual({
      spend: "0",
      impressions: "0",
      reach: "0",
      frequency: null,
      clicks: "0",
      link_clicks: "0",
      cpm: null,
      cpc: null,
      ctr: null,
      purchases: "0",
      purchase_value: "0",
      roas: null,
      cost_per_purchase: null,
      purchase_action_type: null,
    })
  })

  it("reports ROAS 0 when money was spent and nothing came back", () => {
    const metrics = deriveAdMetrics({ spend: "50", impressions: "1000" })
    expect(metrics.roas).toBe("0")
    expect(metrics.cost_per_purchase).toBeNull()
  })

  it("uses Meta's purchase_roas when no purchase value is reported", () => {
    expect(deriveAdMetrics({ spend: "10", purchase_roas: [{ action_type: "omni_purchase", value: "2.75" }] }).roas).toBe("2.75")
  })

  it("computes frequency when Meta leaves it out", () => {
    expect(deriveAdMetrics({ impressions: "1000", reach: "300" }).frequency).toBe("3.3333")
    expect(deriveAdMetrics({ impressions: "1000", reach: "0" }).frequency).toBeNull()
  })

  it("works in whole-unit currencies and with huge numbers", () => {
    const cop = deriveAdMetrics({ spend: "1523400", impressions: "98765", clicks: "1234" })
    expect(cop.cpm).toBe("15424.4925")
    expect(cop.cpc).toBe("1234.5219")
    const huge = deriveAdMetrics({ spend: "123456789012345678.90", impressions: "9007199254740993", clicks: "3" })
    expect(huge.cpm).toBe("13706.457")
    expect(huge.ctr).toBe("0")
  })

  it("rounds half up at 4 decimals", () => {
    // 0.00005 / 1 click → 0.0001; 0.00004 → 0
    expect(deriveAdMetrics({ spend: "0.00005", clicks: "1" }).cpc).toBe("0.0001")
    expect(deriveAdMetrics({ spend: "0.00004", clicks: "1" }).cpc).toBe("0")
  })

  it("accepts numbers where Meta sends strings, and empty strings as absent", () => {
    expect(deriveAdMetrics({ spend: 10, impressions: 2000, clicks: "" }).cpm).toBe("5")
  })

  it.each([
    [{ spend: "-1" }, "spend"],
    [{ spend: "12,5" }, "spend"],
    [{ impressions: "lots" }, "impressions"],
    [{ actions: [{ action_type: "omni_purchase", value: "x" }] }, "actions[omni_purchase]"],
  ])("refuses a malformed row %p, naming %s", (bad, field) => {
    expect(() => deriveAdMetrics(bad as never)).toThrow(AdsValueError)
    expect(() => deriveAdMetrics(bad as never)).toThrow(field)
  })

  it("ignores malformed entries in action arrays that are not purchases", () => {
    expect(deriveAdMetrics({ actions: [null as never, { action_type: "link_click" }] }).purchases).toBe("0")
  })
})

describe("mergeStoreMetrics", () => {
  const metrics = deriveAdMetrics({ spend: "100", impressions: "1000" })

  it("adds store revenue and store ROAS in the account currency", () => {
    const merged = mergeStoreMetrics(metrics, [
      { currency: "usd", amount: "0.1" },
      { currency: "USD", amount: "0.2" },
      { currency: "USD", amount: 249.7 },
    ], "USD")
    expect(merged.store_revenue).toBe("250")
    expect(merged.store_roas).toBe("2.5")
    expect(merged.store_orders).toBe(3)
    expect(merged.store_revenue_other_currencies).toEqual([])
    expect(merged.cpm).toBe("100")
  })

  it("keeps other currencies apart instead of guessing a rate", () => {
    const merged = mergeStoreMetrics(metrics, [
      { currency: "EUR", amount: "10" },
      { currency: "USD", amount: "50" },
      { currency: "COP", amount: "200000" },
      { currency: "EUR", amount: "5.5" },
    ], "usd", 7)
    expect(merged.store_revenue).toBe("50")
    expect(merged.store_roas).toBe("0.5")
    expect(merged.store_orders).toBe(7)
    expect(merged.store_revenue_other_currencies).toEqual([
      { currency: "COP", amount: "200000" },
      { currency: "EUR", amount: "15.5" },
    ])
  })

  it("has no store ROAS without spend, and zero revenue without orders", () => {
    const none = mergeStoreMetrics(deriveAdMetrics({}), [{ currency: "USD", amount: "10" }], "USD")
    expect(none.store_roas).toBeNull()
    const noOrders = mergeStoreMetrics(metrics, [], "USD")
    expect(noOrders.store_revenue).toBe("0")
    expect(noOrders.store_roas).toBe("0")
  })

  it("refuses bad revenue rows", () => {
    expect(() => mergeStoreMetrics(metrics, [{ currency: "dollars", amount: "1" }], "USD")).toThrow("revenue[0].currency")
    expect(() => mergeStoreMetrics(metrics, [{ currency: "USD", amount: "1" }, { currency: "USD", amount: "one" }], "USD")).toThrow("revenue[1].amount")
  })
})
