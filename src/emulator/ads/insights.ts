import { requestErrors } from "../errors"
import type { AdAccountRecord } from "../world"
import { countsPurchases, cumulativeFigures, periodReach, profileOf } from "./delivery"
import { AdsApiError, badParam } from "./errors"
import { addDays, currencyOffset, localDate, mainUnitText, ratioText } from "./money"
import { jsonValue, listParam, text, type Params } from "./params"
import type { AdRecord, AdsWorld } from "./store"

/**
 * Ads Insights (https://developers.facebook.com/docs/marketing-api/insights): figures of an account,
 * campaign, ad set or ad over a date range in the account's time zone, per `level` and
 * `time_increment`, computed from the emulated delivery. Values are strings; `spend` is a decimal in the
 * main unit of the account currency; objects (and days) without delivery are left out, as Meta does.
 */

export type Level = "account" | "campaign" | "adset" | "ad"
const LEVELS: Level[] = ["account", "campaign", "adset", "ad"]

export type InsightsQuery = {
  level: Level
  since: string
  until: string
  increment: number | "monthly" | "all_days"
  fields: string[]
  filtering: { field: string; operator: string; value: unknown }[]
}

const INSIGHTS_DOC = "https://developers.facebook.com/docs/marketing-api/reference/ads-insights/"

/** Fields the emulator computes (Ads Insights reference); any other name is refused as Meta refuses unknown ones. */
export const INSIGHTS_FIELDS = [
  "account_currency", "account_id", "account_name", "campaign_id", "campaign_name", "adset_id", "adset_name", "ad_id", "ad_name",
  "objective", "optimization_goal", "buying_type", "date_start", "date_stop",
  "spend", "impressions", "reach", "frequency", "clicks", "inline_link_clicks", "unique_clicks", "cpm", "cpc", "ctr", "cpp",
  "actions", "action_values", "cost_per_action_type", "purchase_roas", "website_purchase_roas", "conversions", "conversion_values",
]

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Preset ranges (Ads Insights `date_preset`), relative to today in the account's zone. */
export function presetRange(preset: string, today: string, earliest: () => string): { since: string; until: string } {
  const lastDays = /^last_(\d+)d$/.exec(preset)
  if (lastDays && ["3", "7", "14", "28", "30", "90"].includes(lastDays[1])) {
    // last_Nd: the N days before today, today excluded.
    return { since: addDays(today, -Number(lastDays[1])), until: addDays(today, -1) }
  }
  const [y, m] = today.split("-").map(Number)
  const monthStart = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}-01`
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay()
  const quarterStartMonth = Math.floor((m - 1) / 3) * 3 + 1
  switch (preset) {
    case "today":
      return { since: today, until: today }
    case "yesterday":
      return { since: addDays(today, -1), until: addDays(today, -1) }
    case "this_month":
      return { since: monthStart(y, m), until: today }
    case "last_month": {
      const start = m === 1 ? monthStart(y - 1, 12) : monthStart(y, m - 1)
      return { since: start, until: addDays(monthStart(y, m), -1) }
    }
    case "this_quarter":
      return { since: monthStart(y, quarterStartMonth), until: today }
    case "last_quarter": {
      const start = quarterStartMonth === 1 ? monthStart(y - 1, 10) : monthStart(y, quarterStartMonth - 3)
      return { since: start, until: addDays(monthStart(y, quarterStartMonth), -1) }
    }
    case "this_year":
      return { since: `${y}-01-01`, until: today }
    case "last_year":
      return { since: `${y - 1}-01-01`, until: `${y - 1}-12-31` }
    case "this_week_mon_today":
      return { since: addDays(today, -((weekday + 6) % 7)), until: today }
    case "this_week_sun_today":
      return { since: addDays(today, -weekday), until: today }
    case "last_week_mon_sun": {
      const monday = addDays(today, -((weekday + 6) % 7) - 7)
      return { since: monday, until: addDays(monday, 6) }
    }
    case "last_week_sun_sat": {
      const sunday = addDays(today, -weekday - 7)
      return { since: sunday, until: addDays(sunday, 6) }
    }
    case "maximum":
    case "data_maximum":
    case "lifetime":
      return { since: earliest(), until: today }
    default:
      throw badParam("date_preset", `Param date_preset must be one of {today, yesterday, this_month, last_month, this_quarter, maximum, data_maximum, last_3d, last_7d, last_14d, last_28d, last_30d, last_90d, last_week_mon_sun, last_week_sun_sat, last_quarter, last_year, this_week_mon_today, this_week_sun_today, this_year} - got "${preset}"`)
  }
}

function parseTimeRange(value: unknown): { since: string; until: string } {
  const range = value && typeof value === "object" ? (value as Record<string, unknown>) : undefined
  const since = range?.since
  const until = range?.until
  if (typeof since !== "string" || typeof until !== "string" || !DATE.test(since) || !DATE.test(until)) {
    throw badParam("time_range", `Param time_range must be {"since":"YYYY-MM-DD","until":"YYYY-MM-DD"}`)
  }
  if (since > until) throw badParam("time_range", "Param time_range: since must be on or before until")
  return { since, until }
}

/**
 * The query of a GET /{object}/insights call (or an `insights.date_preset(…){…}` field): `level`,
 * `date_preset` (default last_30d) or `time_range`, `time_increment` (1–90, monthly, all_days),
 * `fields`, `filtering`. Breakdowns are not emulated and refused, so no caller mistakes an unsplit
 * figure for a breakdown.
 */
export function parseInsightsQuery(
  params: Params,
  objectLevel: Level,
  fields: string[] | undefined,
  today: string,
  earliest: () => string
): InsightsQuery {
  const levelText = text(params, "level")
  if (levelText !== undefined && !LEVELS.includes(levelText as Level)) {
    throw badParam("level", `Param level must be one of {ad, adset, campaign, account} - got "${levelText}"`)
  }
  const level = (levelText as Level | undefined) ?? objectLevel
  if (LEVELS.indexOf(level) < LEVELS.indexOf(objectLevel)) {
    throw badParam("level", `Param level ${level} is above the level of the object (${objectLevel})`)
  }
  if (text(params, "breakdowns") !== undefined || text(params, "action_breakdowns") !== undefined) {
    throw new AdsApiError({ code: 100, message: "(#100) breakdowns are not emulated by the Meta Graph API emulator", blame: [["breakdowns"]] })
  }
  const rangeValue = params.time_range === undefined ? undefined : jsonValue(params, "time_range")
  const { since, until } = rangeValue !== undefined && rangeValue !== "" ? parseTimeRange(rangeValue) : presetRange(text(params, "date_preset") ?? "last_30d", today, earliest)
  const incrementText = text(params, "time_increment") ?? "all_days"
  let increment: InsightsQuery["increment"]
  if (incrementText === "all_days" || incrementText === "monthly") increment = incrementText
  else if (/^\d+$/.test(incrementText) && Number(incrementText) >= 1 && Number(incrementText) <= 90) increment = Number(incrementText)
  else throw badParam("time_increment", `Param time_increment must be an integer from 1 to 90, "monthly" or "all_days" - got "${incrementText}"`)
  const wanted = fields ?? ["spend", "impressions", "date_start", "date_stop"]
  for (const field of wanted) {
    if (!INSIGHTS_FIELDS.includes(field)) throw badParam("fields", `${field} is not valid for fields param. please check ${INSIGHTS_DOC} for all valid values`)
  }
  const filteringValue = params.filtering === undefined ? [] : jsonValue(params, "filtering")
  if (!Array.isArray(filteringValue)) throw badParam("filtering", "Param filtering must be an array of {field, operator, value}")
  const filtering = filteringValue.map((f) => {
    const entry = f as Record<string, unknown>
    if (typeof entry?.field !== "string" || typeof entry.operator !== "string") throw badParam("filtering", "Param filtering must be an array of {field, operator, value}")
    return { field: entry.field, operator: entry.operator, value: entry.value }
  })
  return { level, since, until, increment, fields: wanted, filtering }
}

/** The periods a query splits into: the whole range, N-day chunks, or calendar months. */
export function periodsOf(query: Pick<InsightsQuery, "since" | "until" | "increment">): { start: string; stop: string }[] {
  const { since, until, increment } = query
  if (increment === "all_days") return [{ start: since, stop: until }]
  const periods: { start: string; stop: string }[] = []
  let start = since
  while (start <= until) {
    let stop: string
    if (increment === "monthly") {
      const [y, m] = start.split("-").map(Number)
      const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`
      stop = addDays(next, -1)
    } else {
      stop = addDays(start, increment - 1)
    }
    if (stop > until) stop = until
    periods.push({ start, stop })
    start = addDays(stop, 1)
  }
  return periods
}

export type Figures = {
  spendMilli: number
  impressions: number
  clicks: number
  purchases: number
  purchaseValueMilli: number
  reach: number
}

const zero = (): Figures => ({ spendMilli: 0, impressions: 0, clicks: 0, purchases: 0, purchaseValueMilli: 0, reach: 0 })

/** An ad's figures over [since, until] (account-local dates, inclusive). */
export function adFigures(ads: AdsWorld, ad: AdRecord, currency: string, since: string, until: string): Figures {
  const total = zero()
  const days = ads.delivery.get(ad.id)
  if (!days || days.size === 0) return total
  const profile = profileOf(ads, ad, currency)
  const purchases = countsPurchases(ads, ad)
  let activeDays = 0
  let spent = 0
  let before = cumulativeFigures(profile, 0, purchases)
  // Days are accumulated in order; each day's counts are the growth of the cumulative figures.
  for (const [day, milli] of days) {
    if (day > until) break
    spent += milli
    const after = cumulativeFigures(profile, spent, purchases)
    if (day >= since && milli > 0) {
      total.spendMilli += milli
      total.impressions += after.impressions - before.impressions
      total.clicks += after.clicks - before.clicks
      total.purchases += after.purchases - before.purchases
      activeDays += 1
    }
    before = after
  }
  total.purchaseValueMilli = total.purchases * profile.orderValueMilli
  total.reach = periodReach(profile, total.impressions, activeDays)
  return total
}

export function addFigures(into: Figures, from: Figures): void {
  into.spendMilli += from.spendMilli
  into.impressions += from.impressions
  into.clicks += from.clicks
  into.purchases += from.purchases
  into.purchaseValueMilli += from.purchaseValueMilli
  into.reach += from.reach
}

/** The earliest account-local day any of the ads delivered (for date_preset=maximum). */
export function earliestDay(ads: AdsWorld, adIds: string[], fallback: string): string {
  let earliest = fallback
  for (const id of adIds) for (const day of ads.delivery.get(id)?.keys() ?? []) if (day < earliest) earliest = day
  return earliest
}

function purchaseActions(value: string): { action_type: string; value: string }[] {
  return ["purchase", "offsite_conversion.fb_pixel_purchase", "omni_purchase"].map((action_type) => ({ action_type, value }))
}

export type RowContext = {
  account: AdAccountRecord
  ads: AdsWorld
  campaignId?: string
  adSetId?: string
  adId?: string
}

/** One Ads Insights row with the requested fields (values as Meta writes them: strings). */
export function insightsRow(rc: RowContext, figures: Figures, period: { start: string; stop: string }, fields: string[]): Record<string, unknown> {
  const { account, ads } = rc
  const currency = account.currency
  const offset = currencyOffset(currency)
  const campaign = rc.campaignId ? ads.campaigns.get(rc.campaignId) : undefined
  const adSet = rc.adSetId ? ads.adSets.get(rc.adSetId) : undefined
  const ad = rc.adId ? ads.ads.get(rc.adId) : undefined
  const spend = mainUnitText(figures.spendMilli, currency)
  const values: Record<string, () => unknown> = {
    account_currency: () => currency,
    account_id: () => account.accountId,
    account_name: () => account.name,
    campaign_id: () => campaign?.id,
    campaign_name: () => campaign?.name,
    adset_id: () => adSet?.id,
    adset_name: () => adSet?.name,
    ad_id: () => ad?.id,
    ad_name: () => ad?.name,
    objective: () => campaign?.objective,
    optimization_goal: () => adSet?.optimizationGoal,
    buying_type: () => campaign?.buyingType,
    spend: () => spend,
    impressions: () => String(figures.impressions),
    reach: () => String(figures.reach),
    frequency: () => ratioText(figures.impressions, figures.reach, 6),
    clicks: () => String(figures.clicks),
    inline_link_clicks: () => String(figures.clicks),
    unique_clicks: () => String(Math.min(figures.clicks, figures.reach)),
    cpm: () => ratioText(figures.spendMilli, offset * figures.impressions, 6),
    cpc: () => ratioText(figures.spendMilli, 1000 * offset * figures.clicks, 6),
    ctr: () => ratioText(figures.clicks * 100, figures.impressions, 6),
    cpp: () => ratioText(figures.spendMilli, offset * figures.reach, 6),
    actions: () => {
      const actions = figures.clicks > 0 ? [{ action_type: "link_click", value: String(figures.clicks) }] : []
      if (figures.purchases > 0) actions.push(...purchaseActions(String(figures.purchases)))
      return actions.length ? actions : undefined
    },
    action_values: () => (figures.purchases > 0 ? purchaseActions(mainUnitText(figures.purchaseValueMilli, currency)) : undefined),
    conversions: () => (figures.purchases > 0 ? [{ action_type: "offsite_conversion.fb_pixel_purchase", value: String(figures.purchases) }] : undefined),
    conversion_values: () =>
      figures.purchases > 0 ? [{ action_type: "offsite_conversion.fb_pixel_purchase", value: mainUnitText(figures.purchaseValueMilli, currency) }] : undefined,
    cost_per_action_type: () => {
      const costs: { action_type: string; value: string }[] = []
      const cpc = ratioText(figures.spendMilli, 1000 * offset * figures.clicks, 6)
      if (cpc) costs.push({ action_type: "link_click", value: cpc })
      const cpa = ratioText(figures.spendMilli, 1000 * offset * figures.purchases, 6)
      if (cpa) costs.push(...purchaseActions(cpa))
      return costs.length ? costs : undefined
    },
    purchase_roas: () =>
      figures.purchases > 0 ? [{ action_type: "omni_purchase", value: ratioText(figures.purchaseValueMilli, figures.spendMilli, 6) }] : undefined,
    website_purchase_roas: () =>
      figures.purchases > 0
        ? [{ action_type: "offsite_conversion.fb_pixel_purchase", value: ratioText(figures.purchaseValueMilli, figures.spendMilli, 6) }]
        : undefined,
  }
  const row: Record<string, unknown> = {}
  for (const field of fields) {
    if (field === "date_start" || field === "date_stop") continue
    const value = values[field]?.()
    if (value !== undefined) row[field] = value
  }
  row.date_start = period.start
  row.date_stop = period.stop
  return row
}

/** The ads an insights object covers, with the group (by level) each one's figures go to. */
export type Scope = { adIds: string[]; groupOf: (ad: AdRecord) => string }

function matchesFilter(ads: AdsWorld, ad: AdRecord, filter: InsightsQuery["filtering"][number], effective: (ad: AdRecord, level: string) => string): boolean {
  const [levelName, field] = filter.field.includes(".") ? filter.field.split(".", 2) : ["ad", filter.field]
  const idOf: Record<string, string | undefined> = { campaign: ad.campaignId, adset: ad.adSetId, ad: ad.id }
  let actual: string | undefined
  if (field === "id") actual = idOf[levelName]
  else if (field === "effective_status") actual = effective(ad, levelName)
  else if (field === "name") actual = levelName === "campaign" ? ads.campaigns.get(ad.campaignId)?.name : levelName === "adset" ? ads.adSets.get(ad.adSetId)?.name : ad.name
  else throw badParam("filtering", `Filtering field ${filter.field} is not supported by the emulator (supported: {campaign,adset,ad}.{id,effective_status,name})`)
  const values = Array.isArray(filter.value) ? filter.value.map(String) : [String(filter.value)]
  switch (filter.operator) {
    case "IN":
      return actual !== undefined && values.includes(actual)
    case "NOT_IN":
      return actual === undefined || !values.includes(actual)
    case "EQUAL":
      return actual === values[0]
    case "NOT_EQUAL":
      return actual !== values[0]
    case "CONTAIN":
      return actual !== undefined && actual.includes(values[0])
    case "NOT_CONTAIN":
      return actual === undefined || !actual.includes(values[0])
    default:
      throw badParam("filtering", `Filtering operator ${filter.operator} is not supported for ${filter.field}`)
  }
}

/** The rows of an insights query: one per group and period with delivery, ordered by period then id. */
export function runInsights(
  ads: AdsWorld,
  account: AdAccountRecord,
  scope: Scope,
  query: InsightsQuery,
  effective: (ad: AdRecord, level: string) => string
): { key: string; row: Record<string, unknown> }[] {
  const periods = periodsOf(query)
  if (periods.length > 1000) throw requestErrors.invalidParam("The time range and time_increment give more than 1000 periods")
  const groups = new Map<string, { rc: RowContext; figures: Figures[] }>()
  for (const adId of scope.adIds) {
    const ad = ads.ads.get(adId)
    if (!ad || !ads.delivery.get(adId)?.size) continue
    if (query.filtering.length && !query.filtering.every((f) => matchesFilter(ads, ad, f, effective))) continue
    const key = scope.groupOf(ad)
    let group = groups.get(key)
    if (!group) {
      const rc: RowContext = { account, ads }
      if (query.level !== "account") rc.campaignId = ad.campaignId
      if (query.level === "adset" || query.level === "ad") rc.adSetId = ad.adSetId
      if (query.level === "ad") rc.adId = ad.id
      group = { rc, figures: periods.map(zero) }
      groups.set(key, group)
    }
    periods.forEach((period, index) => addFigures(group.figures[index], adFigures(ads, ad, account.currency, period.start, period.stop)))
  }
  const rows: { key: string; row: Record<string, unknown> }[] = []
  periods.forEach((period, index) => {
    for (const [key, group] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const figures = group.figures[index]
      if (figures.spendMilli === 0 && figures.impressions === 0) continue
      rows.push({ key: `${period.start}:${key}`, row: insightsRow(group.rc, figures, period, query.fields) })
    }
  })
  return rows
}

/** Today in the account's zone. */
export function accountToday(account: AdAccountRecord, nowMs: number): string {
  return localDate(account.timezoneName, nowMs)
}

export function requestedFields(params: Params): string[] | undefined {
  return params.fields === undefined ? undefined : listParam(params, "fields")
}
