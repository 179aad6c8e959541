import { fromMetaBudget, isMetaCurrency, metaBudgetDecimals } from "../../../lib/ads/currency-offset"
import { divideDecimals, multiplyDecimals, sumDecimals } from "../../../lib/ads/money"
import type {
  MetaAdBudget,
  MetaAdChange,
  MetaAdMetrics,
  MetaAdRange,
  MetaAdStatus,
  MetaCampaign,
} from "../../../types/http/ads"
import { formatCount, formatMoney } from "../insights/insights-format"

/**
 * Reading and wording the campaigns' figures: the range picked, money in the ad account's currency, Meta's
 * rates, budgets typed by the merchant, and the audit log. Framework-free so it can be tested. Sums and ratios
 * are computed on exact decimals (lib/ads/money) the way the routes derive them; only the chart reads floats.
 */

// ── Range ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The ranges the Campaigns page offers, in the picker's order. The mirror also keeps `last_3d` (rules look back
 * over it); the page does not offer it.
 */
export const AD_RANGES = ["today", "last_7d", "last_30d"] as const satisfies readonly MetaAdRange[]
export type AdPickerRange = (typeof AD_RANGES)[number]
export const DEFAULT_AD_RANGE: AdPickerRange = "last_7d"

export const AD_RANGE_LABEL: Record<MetaAdRange, string> = {
  today: "Today",
  last_3d: "3 days",
  last_7d: "7 days",
  last_30d: "30 days",
}

/** How a figure's caption names the range: "today", "in the last 7 days". */
export const AD_RANGE_PERIOD: Record<MetaAdRange, string> = {
  today: "today",
  last_3d: "in the last 3 days",
  last_7d: "in the last 7 days",
  last_30d: "in the last 30 days",
}

export const isAdPickerRange = (value: unknown): value is AdPickerRange =>
  typeof value === "string" && (AD_RANGES as readonly string[]).includes(value)

/** The range a URL asks for, or the default for anything else (absent, stale, typed by hand). */
export const pickAdRange = (param: string | null | undefined): AdPickerRange => (isAdPickerRange(param) ? param : DEFAULT_AD_RANGE)

/** An object's figures for the range; undefined when that range is not mirrored yet (absent is not 0). */
export const metricsFor = (object: { metrics: Partial<Record<MetaAdRange, MetaAdMetrics>> }, range: MetaAdRange) =>
  object.metrics[range]

// ── Figures ──────────────────────────────────────────────────────────────────────────────────────────

/** "$1,234.50", "¥1,000", "COP 50,000.00" from a decimal string in the main unit; "—" when there is none. */
export const formatAdMoney = (amount: string | null | undefined, currency: string, locale?: string) =>
  amount === null || amount === undefined ? "—" : formatMoney(amount, currency, locale)

export { formatCount }

const percentFormats = new Map<string, Intl.NumberFormat>()

/** Meta's CTR is a percentage ("1.5" = 1.5 %): "1.50%", or "—" without impressions. */
export const formatCtr = (ctr: string | null | undefined, locale?: string) => {
  const value = ctr === null || ctr === undefined ? NaN : Number(ctr)
  if (!Number.isFinite(value)) return "—"
  const key = locale ?? ""
  let format = percentFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 })
    percentFormats.set(key, format)
  }
  return format.format(value / 100)
}

const ratioFormats = new Map<string, Intl.NumberFormat>()

/** ROAS is purchase value per unit spent: "3.25×", or "—" when nothing was spent. */
export const formatRoas = (roas: string | null | undefined, locale?: string) => {
  const value = roas === null || roas === undefined ? NaN : Number(roas)
  if (!Number.isFinite(value)) return "—"
  const key = locale ?? ""
  let format = ratioFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    ratioFormats.set(key, format)
  }
  return `${format.format(value)}×`
}

export type CampaignsSummary = {
  /** Campaigns that have figures for the range; the others are not mirrored for it yet. */
  reported: number
  spend: string
  purchase_value: string
  purchases: number
  impressions: number
  clicks: number
  roas: string | null
  cpm: string | null
  ctr: string | null
}

/** As the routes derive them (lib/ads/ad-metrics): 4 decimals, null where the denominator is 0. */
const RATIO_DECIMALS = 4

/**
 * The campaigns' totals over the range, with ROAS, CPM and CTR recomputed from the sums (an average of
 * ratios would weigh a campaign with 10 impressions like one with 10,000). Null when no campaign has figures.
 */
export const summarizeCampaigns = (campaigns: MetaCampaign[], range: MetaAdRange): CampaignsSummary | null => {
  const rows = campaigns.map((c) => metricsFor(c, range)).filter((m): m is MetaAdMetrics => !!m)
  if (rows.length === 0) return null
  const spend = sumDecimals(rows.map((m) => m.spend))
  const purchaseValue = sumDecimals(rows.map((m) => m.purchase_value))
  const impressions = rows.reduce((sum, m) => sum + m.impressions, 0)
  const clicks = rows.reduce((sum, m) => sum + m.clicks, 0)
  return {
    reported: rows.length,
    spend,
    purchase_value: purchaseValue,
    purchases: rows.reduce((sum, m) => sum + m.purchases, 0),
    impressions,
    clicks,
    roas: divideDecimals(purchaseValue, spend, RATIO_DECIMALS),
    cpm: divideDecimals(multiplyDecimals(spend, 1000), impressions, RATIO_DECIMALS),
    ctr: divideDecimals(clicks * 100, impressions, RATIO_DECIMALS),
  }
}

export type CampaignChartRow = { id: string; name: string; spend: number; purchase_value: number }

/**
 * The chart's bars: campaigns with spend or purchase value in the range, most spend first, at most `max`.
 * Plotted as numbers: a bar's length needs no exact cents (the labels are formatted from the strings).
 */
export const chartRows = (campaigns: MetaCampaign[], range: MetaAdRange, max = 10): CampaignChartRow[] =>
  campaigns
    .map((c, index) => ({ c, index, m: metricsFor(c, range) }))
    .filter(({ m }) => !!m && (Number(m.spend) > 0 || Number(m.purchase_value) > 0))
    .sort((a, b) => Number(b.m!.spend) - Number(a.m!.spend) || a.index - b.index)
    .slice(0, max)
    .map(({ c, m }) => ({ id: c.id, name: c.name, spend: Number(m!.spend), purchase_value: Number(m!.purchase_value) }))

// ── Budgets ──────────────────────────────────────────────────────────────────────────────────────────

export type BudgetField = "daily_budget" | "lifetime_budget"

/** The budget an object runs on, or null when it has none of its own (its campaign or its ad sets hold it). */
export const budgetOf = (object: MetaAdBudget): { field: BudgetField; amount: string } | null => {
  if (object.daily_budget !== null) return { field: "daily_budget", amount: object.daily_budget }
  if (object.lifetime_budget !== null) return { field: "lifetime_budget", amount: object.lifetime_budget }
  return null
}

export const BUDGET_LABEL: Record<BudgetField, string> = { daily_budget: "Daily budget", lifetime_budget: "Lifetime budget" }
const BUDGET_SUFFIX: Record<BudgetField, string> = { daily_budget: "a day", lifetime_budget: "lifetime" }

/** "$40.00 a day", "$1,000.00 lifetime". */
export const formatBudget = (field: BudgetField, amount: string, currency: string, locale?: string) =>
  `${formatAdMoney(amount, currency, locale)} ${BUDGET_SUFFIX[field]}`

const BUDGET_TEXT = /^\d+(\.\d+)?$/

export type BudgetInput = { ok: true; amount: string } | { ok: false; message: string }

/**
 * What the merchant typed, checked for its form before it is sent: a plain decimal in the main unit with no
 * more decimals than Meta allows for the currency (2 at offset 100, none at offset 1: "COP budgets are whole
 * COP"). Minimums and jumps are the routes' to judge; they answer with the account's own figures.
 */
export const parseBudgetInput = (text: string, currency: string): BudgetInput => {
  const code = currency.trim().toUpperCase()
  const value = text.trim()
  if (value === "") return { ok: false, message: "Enter an amount" }
  const example = isMetaCurrency(code) && metaBudgetDecimals(code) === 0 ? "50000" : "25.00"
  if (!BUDGET_TEXT.test(value)) {
    return { ok: false, message: `Enter an amount in ${code} such as ${example}, without a currency sign or thousands separators` }
  }
  if (isMetaCurrency(code)) {
    const decimals = metaBudgetDecimals(code)
    const fraction = value.split(".")[1] ?? ""
    if (fraction.replace(/0+$/, "").length > decimals) {
      return {
        ok: false,
        message: decimals === 0 ? `${code} budgets are whole ${code} at Meta (no decimals)` : `${code} budgets can have at most 2 decimals at Meta`,
      }
    }
  }
  if (/^0+(\.0+)?$/.test(value)) return { ok: false, message: "The budget must be more than 0" }
  return { ok: true, amount: value }
}

// ── Labels ───────────────────────────────────────────────────────────────────────────────────────────

type StatusColor = "green" | "orange" | "red" | "blue" | "grey"

/** "OUTCOME_SALES" → "Outcome sales", for values without a label of their own. */
export const humanize = (value: string) => {
  const words = value.toLowerCase().replace(/_/g, " ").trim()
  return words ? words[0].toUpperCase() + words.slice(1) : value
}

export const STATUS_LABEL: Record<MetaAdStatus, string> = {
  ACTIVE: "Active",
  PAUSED: "Paused",
  ARCHIVED: "Archived",
  DELETED: "Deleted",
}

/** Only these are switched from the admin; an archived or deleted object cannot be turned back on. */
export const canToggleStatus = (status: MetaAdStatus) => status === "ACTIVE" || status === "PAUSED"

/**
 * Meta's delivery state (`effective_status`): the object's own status combined with its parents', review and
 * billing. https://developers.facebook.com/docs/marketing-api/reference/adgroup/ ("effective_status").
 */
const EFFECTIVE_STATUS: Record<string, { label: string; color: StatusColor }> = {
  ACTIVE: { label: "Active", color: "green" },
  PAUSED: { label: "Paused", color: "grey" },
  CAMPAIGN_PAUSED: { label: "Campaign paused", color: "grey" },
  ADSET_PAUSED: { label: "Ad set paused", color: "grey" },
  PENDING_REVIEW: { label: "In review", color: "blue" },
  IN_PROCESS: { label: "Processing", color: "blue" },
  PREAPPROVED: { label: "Pre-approved", color: "blue" },
  DISAPPROVED: { label: "Rejected", color: "red" },
  WITH_ISSUES: { label: "With issues", color: "orange" },
  PENDING_BILLING_INFO: { label: "Billing info needed", color: "orange" },
  ARCHIVED: { label: "Archived", color: "grey" },
  DELETED: { label: "Deleted", color: "grey" },
}

export const effectiveStatusOf = (status: string) => EFFECTIVE_STATUS[status] ?? { label: humanize(status), color: "grey" as const }

/** ODAX objectives (the only ones v25 accepts). */
const OBJECTIVE_LABEL: Record<string, string> = {
  OUTCOME_SALES: "Sales",
  OUTCOME_TRAFFIC: "Traffic",
  OUTCOME_ENGAGEMENT: "Engagement",
  OUTCOME_AWARENESS: "Awareness",
  OUTCOME_LEADS: "Leads",
  OUTCOME_APP_PROMOTION: "App promotion",
}

export const objectiveLabel = (objective: string | null | undefined) =>
  objective ? (OBJECTIVE_LABEL[objective] ?? humanize(objective)) : "—"

// ── Review feedback ──────────────────────────────────────────────────────────────────────────────────

export type ReviewFeedbackLine = { where: string; reason: string; detail: string }

/** Meta writes reasons as titles ("Non-Functional Landing Page"); a code ("LANDING_PAGE") is made readable. */
const readableReason = (key: string) => (/_|^[A-Z0-9]+$/.test(key) ? humanize(key) : key)

/**
 * Meta's `ad_review_feedback` as lines: `{ global: { reason: text }, placement_specific: { facebook: { reason:
 * text } } }`. https://developers.facebook.com/docs/marketing-api/reference/adgroup/ ("ad_review_feedback").
 * A key Meta may add later is read the same way, one line per text it holds.
 */
export const reviewFeedbackLines = (feedback: Record<string, unknown> | null | undefined): ReviewFeedbackLine[] => {
  const lines: ReviewFeedbackLine[] = []
  const read = (where: string, value: unknown, reason = "") => {
    if (value === null || value === undefined) return
    if (typeof value !== "object") {
      lines.push({ where, reason, detail: String(value) })
      return
    }
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) read(where, inner, readableReason(key))
  }
  for (const [key, value] of Object.entries(feedback ?? {})) {
    if (key === "placement_specific" && value && typeof value === "object") {
      for (const [placement, reasons] of Object.entries(value as Record<string, unknown>)) read(humanize(placement), reasons)
    } else {
      read(key === "global" ? "All placements" : humanize(key), value)
    }
  }
  return lines
}

// ── Audit log ────────────────────────────────────────────────────────────────────────────────────────

export const OBJECT_TYPE_LABEL: Record<MetaAdChange["object_type"], string> = {
  campaign: "campaign",
  ad_set: "ad set",
  ad: "ad",
}

const ACTION_LABEL: Record<string, string> = {
  pause: "Paused",
  activate: "Activated",
  set_budget: "Changed the budget of",
  duplicate: "Duplicated",
  archive: "Archived",
}

/** "Paused campaign", "Changed the budget of ad set". */
export const describeAction = (change: Pick<MetaAdChange, "action" | "object_type">) =>
  `${ACTION_LABEL[change.action] ?? humanize(change.action)} ${OBJECT_TYPE_LABEL[change.object_type]}`

export type ChangeActor = { kind: "user"; id: string } | { kind: "rule"; id: string } | { kind: "other"; text: string }

/** The log's `actor`: "user:<id>" for a person, "rule:<id>" for an automated rule. */
export const parseActor = (actor: string): ChangeActor => {
  const [kind, ...rest] = actor.split(":")
  const id = rest.join(":")
  if (kind === "user" && id) return { kind: "user", id }
  if (kind === "rule" && id) return { kind: "rule", id }
  return { kind: "other", text: actor }
}

const VALUE_LABEL: Record<string, string> = {
  status: "Status",
  effective_status: "Delivery",
  daily_budget: "Daily budget",
  lifetime_budget: "Lifetime budget",
  copied_adset_id: "Paused copy",
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === "object" && !Array.isArray(value)

/**
 * A logged before / after as one object. The routes answer an object; a copy's `after` has been seen as
 * `[null, { copied_adset_id }]` (a JSON null merged with the result), so the objects of a list are merged.
 */
const loggedValues = (value: unknown): Record<string, unknown> => {
  if (isPlainObject(value)) return value
  if (Array.isArray(value)) return Object.assign({}, ...value.filter(isPlainObject))
  return {}
}

/** A logged value for people: budgets are stored in Meta's units (offset per currency), statuses as Meta's codes. */
const formatLoggedValue = (
  key: string,
  value: unknown,
  currency: string | undefined,
  names: Map<string, string> | undefined,
  locale?: string
): string => {
  if (value === null || value === undefined || value === "") return "none"
  if (key === "copied_adset_id") return names?.get(String(value)) ?? `Meta id ${String(value)}`
  if ((key === "daily_budget" || key === "lifetime_budget") && currency && isMetaCurrency(currency)) {
    try {
      return formatAdMoney(fromMetaBudget(String(value), currency), currency, locale)
    } catch {
      return String(value)
    }
  }
  if (key === "status" && typeof value === "string") return STATUS_LABEL[value as MetaAdStatus] ?? humanize(value)
  if (key === "effective_status" && typeof value === "string") return effectiveStatusOf(value).label
  return typeof value === "object" ? JSON.stringify(value) : String(value)
}

export type ChangeValueLine = { label: string; before: string; after: string }

/**
 * One line per value the change touched, before → after ("Daily budget: $40.00 → $400.00"); a copy's line names
 * the copy when `names` (by Meta id) knows it.
 */
export const changeValueLines = (
  change: Pick<MetaAdChange, "before" | "after">,
  currency: string | undefined,
  options: { names?: Map<string, string>; locale?: string } = {}
): ChangeValueLine[] => {
  const before = loggedValues(change.before)
  const after = loggedValues(change.after)
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys.map((key) => ({
    label: VALUE_LABEL[key] ?? humanize(key),
    before: formatLoggedValue(key, before[key], currency, options.names, options.locale),
    after: formatLoggedValue(key, after[key], currency, options.names, options.locale),
  }))
}

export const CHANGE_STATUS: Record<MetaAdChange["status"], { label: string; color: StatusColor }> = {
  pending: { label: "Sending", color: "orange" },
  applied: { label: "Applied", color: "green" },
  failed: { label: "Failed", color: "red" },
}

// ── Sync ─────────────────────────────────────────────────────────────────────────────────────────────

/** What `POST /admin/meta/campaigns/sync` answers under `sync` (not named in src/types/http/ads.ts). */
export type SyncResult = { synced: boolean; reason?: string; campaigns: number; ad_sets: number; ads: number; calls: number }

const SYNC_REASON: Record<string, string> = {
  "not connected": "Meta is not connected: connect it in Settings → Meta.",
  "no ad account selected": "No ad account selected: choose one in Settings → Meta.",
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`

/** The toast after "Sync from Meta": what was mirrored and in how many Graph calls, or why nothing was. */
export const syncSummary = (sync: SyncResult): { ok: boolean; title: string; description: string } =>
  sync.synced
    ? {
        ok: true,
        title: "Synced from Meta",
        description: `${plural(sync.campaigns, "campaign", "campaigns")}, ${plural(sync.ad_sets, "ad set", "ad sets")} and ${plural(
          sync.ads,
          "ad",
          "ads"
        )} in ${plural(sync.calls, "call", "calls")} to Meta.`,
      }
    : {
        ok: false,
        title: "Nothing was synced",
        description: (sync.reason && SYNC_REASON[sync.reason]) ?? (sync.reason ? humanize(sync.reason) : "Meta was not read."),
      }
