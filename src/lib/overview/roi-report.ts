/**
 * The paid + organic ROI report: per period, what the ads cost (Meta's spend), what the store sold through them
 * (orders attributed to an ad) and through organic publications (orders attributed to a publication), and the
 * return on ad spend both as Meta reports it (its purchase value / spend) and from the store's own orders.
 *
 * Inputs are per day of the report's time zone, already summed by the database; this file only puts days into
 * periods and adds exactly. Spend exists in one currency (the ad account's, the "report currency"); revenue may
 * come in several. Only revenue in the report currency goes into ROAS — 100 EUR over 50 USD of spend is no ratio —
 * the rest is listed apart per currency, never converted.
 */
import { addDecimals, isZeroDecimal } from "../ads/money"
import { currencyCode, formatAmount, roas } from "./amounts"
import { type DayRange, type ReportInterval, daysBetween, periodsBetween } from "./report-time"

/** Meta's account-level figures for one day (main unit of the account currency). */
export type SpendDay = { day: string; spend: string; purchase_value: string }
/** Attributed orders of one day in one currency. */
export type RevenueDay = { day: string; currency: string; orders: number; revenue: string }

export type RoiCurrencyFigures = {
  currency: string
  ad_revenue: string
  ad_orders: number
  publication_revenue: string
  publication_orders: number
}

export type RoiRow = DayRange &
  RoiCurrencyFigures & {
    ad_spend: string
    /** Purchase value as Meta attributes it to the ads (its own conversion windows). */
    meta_purchase_value: string
    /** ad_revenue / ad_spend (store orders); null without spend. */
    store_roas: string | null
    /** meta_purchase_value / ad_spend; null without spend. */
    meta_roas: string | null
    /** Attributed revenue in other currencies than the report's, never converted. */
    other_currencies: RoiCurrencyFigures[]
  }

export type RoiReport = {
  currency: string
  interval: ReportInterval
  from: string
  to: string
  rows: RoiRow[]
  totals: RoiRow
}

export type RoiInput = {
  from: string
  to: string
  interval: ReportInterval
  /** The ad account's currency; the store's default currency when there is no ad account. */
  currency: string
  spend: SpendDay[]
  adRevenue: RevenueDay[]
  publicationRevenue: RevenueDay[]
}

type Sums = { spend: string; purchase: string; byCurrency: Map<string, RoiCurrencyFigures> }

function emptyFigures(currency: string): RoiCurrencyFigures {
  return { currency, ad_revenue: "0", ad_orders: 0, publication_revenue: "0", publication_orders: 0 }
}

function figuresFor(sums: Sums, currency: string): RoiCurrencyFigures {
  let figures = sums.byCurrency.get(currency)
  if (!figures) {
    figures = emptyFigures(currency)
    sums.byCurrency.set(currency, figures)
  }
  return figures
}

function present(range: DayRange, sums: Sums, currency: string): RoiRow {
  const main = sums.byCurrency.get(currency) ?? emptyFigures(currency)
  const adRevenue = formatAmount(main.ad_revenue, currency)
  const spend = formatAmount(sums.spend, currency)
  const purchase = formatAmount(sums.purchase, currency)
  const others = [...sums.byCurrency.values()]
    .filter((f) => f.currency !== currency)
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map((f) => ({
      currency: f.currency,
      ad_revenue: formatAmount(f.ad_revenue, f.currency),
      ad_orders: f.ad_orders,
      publication_revenue: formatAmount(f.publication_revenue, f.currency),
      publication_orders: f.publication_orders,
    }))
  return {
    ...range,
    currency,
    ad_spend: spend,
    meta_purchase_value: purchase,
    ad_revenue: adRevenue,
    ad_orders: main.ad_orders,
    publication_revenue: formatAmount(main.publication_revenue, currency),
    publication_orders: main.publication_orders,
    store_roas: isZeroDecimal(spend) ? null : roas(adRevenue, spend),
    meta_roas: isZeroDecimal(spend) ? null : roas(purchase, spend),
    other_currencies: others,
  }
}

/**
 * Builds the report. Days outside `from`…`to` are ignored (the caller's query may be wider by a day at the
 * zone's edges); every period appears, empty ones with zeros, so a chart's axis has no holes.
 */
export function buildRoiReport(input: RoiInput): RoiReport {
  const currency = currencyCode(input.currency)
  const periods = periodsBetween(input.from, input.to, input.interval)
  const sums: Sums[] = periods.map(() => ({ spend: "0", purchase: "0", byCurrency: new Map() }))
  const total: Sums = { spend: "0", purchase: "0", byCurrency: new Map() }
  const periodOf = (day: string): Sums | undefined => {
    if (daysBetween(input.from, day) < 0 || daysBetween(day, input.to) < 0) return undefined
    // Periods are few (≤ 731 days) and ordered: a linear scan stays trivial next to the SQL behind it.
    const index = periods.findIndex((p) => daysBetween(p.from, day) >= 0 && daysBetween(day, p.to) >= 0)
    return index < 0 ? undefined : sums[index]
  }
  for (const row of input.spend) {
    const target = periodOf(row.day)
    if (!target) continue
    for (const s of [target, total]) {
      s.spend = addDecimals(s.spend, row.spend)
      s.purchase = addDecimals(s.purchase, row.purchase_value)
    }
  }
  const addRevenue = (rows: RevenueDay[], kind: "ad" | "publication") => {
    for (const row of rows) {
      const target = periodOf(row.day)
      if (!target) continue
      const code = currencyCode(row.currency)
      for (const s of [target, total]) {
        const figures = figuresFor(s, code)
        if (kind === "ad") {
          figures.ad_revenue = addDecimals(figures.ad_revenue, row.revenue)
          figures.ad_orders += row.orders
        } else {
          figures.publication_revenue = addDecimals(figures.publication_revenue, row.revenue)
          figures.publication_orders += row.orders
        }
      }
    }
  }
  addRevenue(input.adRevenue, "ad")
  addRevenue(input.publicationRevenue, "publication")
  return {
    currency,
    interval: input.interval,
    from: input.from,
    to: input.to,
    rows: periods.map((p, i) => present(p, sums[i], currency)),
    totals: present({ from: input.from, to: input.to }, total, currency),
  }
}

/** The CSV columns, in order: one line per period and currency (other currencies on lines of their own). */
export const ROI_CSV_COLUMNS = [
  "period_start",
  "period_end",
  "currency",
  "ad_spend",
  "ad_revenue",
  "ad_orders",
  "publication_revenue",
  "publication_orders",
  "store_roas",
  "meta_purchase_value",
  "meta_roas",
] as const

/** The report as CSV cells: the report currency's line of each period, then its other currencies' lines. */
export function roiCsvRecords(report: RoiReport): string[][] {
  const records: string[][] = []
  for (const row of report.rows) {
    records.push([
      row.from,
      row.to,
      row.currency,
      row.ad_spend,
      row.ad_revenue,
      String(row.ad_orders),
      row.publication_revenue,
      String(row.publication_orders),
      row.store_roas ?? "",
      row.meta_purchase_value,
      row.meta_roas ?? "",
    ])
    for (const other of row.other_currencies) {
      records.push([
        row.from,
        row.to,
        other.currency,
        "",
        other.ad_revenue,
        String(other.ad_orders),
        other.publication_revenue,
        String(other.publication_orders),
        "",
        "",
        "",
      ])
    }
  }
  return records
}
