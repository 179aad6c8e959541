import { parseCsvObjects } from "../../../../integration-tests/helpers/parse-csv"
import { currencyDecimals, formatAmount, roas } from "../amounts"
import { toCsv } from "../csv"
import { ROI_CSV_COLUMNS, buildRoiReport, roiCsvRecords } from "../roi-report"

const base = { from: "2026-06-01", to: "2026-06-14", interval: "week" as const, currency: "USD", spend: [], adRevenue: [], publicationRevenue: [] }

describe("amounts", () => {
  it("keeps every digit and pads to the currency's decimals", () => {
    expect(formatAmount("19.9", "usd")).toBe("19.90")
    expect(formatAmount("1500", "JPY")).toBe("1500")
    expect(formatAmount("0.125", "USD")).toBe("0.125")
    expect(formatAmount("1.5", "BHD")).toBe("1.500")
    expect(currencyDecimals("XYZ")).toBe(2)
    expect(currencyDecimals("nope!")).toBe(2)
  })

  it("ROAS is exact to four places and null without spend", () => {
    expect(roas("100", "30")).toBe("3.3333")
    expect(roas("0.1", "0.3")).toBe("0.3333")
    expect(roas("5", "0")).toBeNull()
  })
})

describe("buildRoiReport", () => {
  it("an empty store gives every period with zeros and no ROAS", () => {
    const report = buildRoiReport(base)
    expect(report.rows).toHaveLength(2)
    expect(report.rows[0]).toMatchObject({ from: "2026-06-01", to: "2026-06-07", ad_spend: "0.00", ad_revenue: "0.00", ad_orders: 0, store_roas: null, meta_roas: null, other_currencies: [] })
    expect(report.totals).toMatchObject({ from: "2026-06-01", to: "2026-06-14", ad_spend: "0.00", publication_orders: 0 })
  })

  it("adds exactly (no float drift) and puts each day in its week", () => {
    const spend = Array.from({ length: 14 }, (_, i) => ({ day: `2026-06-${String(i + 1).padStart(2, "0")}`, spend: "0.1", purchase_value: "0.2" }))
    const report = buildRoiReport({
      ...base,
      spend,
      adRevenue: [
        { day: "2026-06-07", currency: "usd", orders: 2, revenue: "0.30" },
        { day: "2026-06-08", currency: "USD", orders: 1, revenue: "10.005" },
      ],
      publicationRevenue: [{ day: "2026-06-02", currency: "usd", orders: 3, revenue: "45" }],
    })
    expect(report.rows[0]).toMatchObject({ ad_spend: "0.70", meta_purchase_value: "1.40", ad_revenue: "0.30", ad_orders: 2, publication_revenue: "45.00", publication_orders: 3, store_roas: "0.4286", meta_roas: "2" })
    expect(report.rows[1]).toMatchObject({ ad_spend: "0.70", ad_revenue: "10.005", ad_orders: 1, store_roas: "14.2929" })
    expect(report.totals).toMatchObject({ ad_spend: "1.40", ad_revenue: "10.305", ad_orders: 3, publication_orders: 3 })
  })

  it("revenue in other currencies is listed apart and stays out of ROAS", () => {
    const report = buildRoiReport({
      ...base,
      spend: [{ day: "2026-06-03", spend: "50", purchase_value: "80" }],
      adRevenue: [
        { day: "2026-06-03", currency: "usd", orders: 1, revenue: "20" },
        { day: "2026-06-03", currency: "eur", orders: 4, revenue: "400" },
      ],
      publicationRevenue: [{ day: "2026-06-04", currency: "jpy", orders: 1, revenue: "3000" }],
    })
    expect(report.rows[0]).toMatchObject({ ad_revenue: "20.00", store_roas: "0.4", meta_roas: "1.6" })
    expect(report.rows[0].other_currencies).toEqual([
      { currency: "EUR", ad_revenue: "400.00", ad_orders: 4, publication_revenue: "0.00", publication_orders: 0 },
      { currency: "JPY", ad_revenue: "0", ad_orders: 0, publication_revenue: "3000", publication_orders: 1 },
    ])
    expect(report.totals.other_currencies).toHaveLength(2)
  })

  it("ignores days outside the range (a query widened at the zone's edges)", () => {
    const report = buildRoiReport({
      ...base,
      spend: [
        { day: "2026-05-31", spend: "999", purchase_value: "0" },
        { day: "2026-06-15", spend: "999", purchase_value: "0" },
        { day: "2026-06-14", spend: "1", purchase_value: "0" },
      ],
    })
    expect(report.totals.ad_spend).toBe("1.00")
  })

  it("monthly and daily intervals", () => {
    const monthly = buildRoiReport({ ...base, from: "2026-05-20", to: "2026-06-10", interval: "month", spend: [{ day: "2026-05-31", spend: "5", purchase_value: "0" }] })
    expect(monthly.rows.map((r) => [r.from, r.to, r.ad_spend])).toEqual([
      ["2026-05-20", "2026-05-31", "5.00"],
      ["2026-06-01", "2026-06-10", "0.00"],
    ])
    expect(buildRoiReport({ ...base, interval: "day" }).rows).toHaveLength(14)
  })

  it("a zero-decimal report currency (JPY) keeps whole amounts", () => {
    const report = buildRoiReport({ ...base, currency: "jpy", spend: [{ day: "2026-06-01", spend: "12000", purchase_value: "30000" }], adRevenue: [{ day: "2026-06-01", currency: "JPY", orders: 1, revenue: "24000" }] })
    expect(report.currency).toBe("JPY")
    expect(report.rows[0]).toMatchObject({ ad_spend: "12000", ad_revenue: "24000", store_roas: "2", meta_roas: "2.5" })
  })

  it("as CSV: one line per period and currency that parses back to the same figures", () => {
    const report = buildRoiReport({
      ...base,
      spend: [{ day: "2026-06-03", spend: "50", purchase_value: "80" }],
      adRevenue: [{ day: "2026-06-03", currency: "eur", orders: 4, revenue: "400" }],
    })
    const rows = parseCsvObjects(toCsv(ROI_CSV_COLUMNS, roiCsvRecords(report)))
    expect(rows).toHaveLength(3)
    expect(rows[0]).toEqual({
      period_start: "2026-06-01",
      period_end: "2026-06-07",
      currency: "USD",
      ad_spend: "50.00",
      ad_revenue: "0.00",
      ad_orders: "0",
      publication_revenue: "0.00",
      publication_orders: "0",
      store_roas: "0",
      meta_purchase_value: "80.00",
      meta_roas: "1.6",
    })
    expect(rows[1]).toMatchObject({ period_start: "2026-06-01", currency: "EUR", ad_spend: "", ad_revenue: "400.00", ad_orders: "4" })
    expect(rows[2]).toMatchObject({ period_start: "2026-06-08", store_roas: "", meta_roas: "" })
  })
})
