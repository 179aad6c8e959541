import { createHash } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { optimizationClassFor, validateBudget, type BudgetField, type MinimumBudgets } from "../../lib/ads"
import { GraphError, type GraphClient } from "../../lib/graph"
import type MetaModuleService from "../../modules/meta/service"

/**
 * What a new campaign is made of, decided before anything is sent: the parameters of the campaign, ad
 * set, creative and ad (without the ids that link them, which exist only once their parents do), the
 * creation's key and what the ad shows. Built by the boost and catalog-sales plans, carried out by
 * createMetaAdObjectStep four times.
 */
export type MetaAdObjectPlan = { name: string; params: Record<string, unknown> }

export type MetaAdCreationPlan = {
  /** The request's idempotency key (or a fresh one): the change rows are keyed by it. */
  key: string
  /** A digest of the request, so the same key with another request is refused. */
  fingerprint: string
  action: "create_boost" | "create_catalog_sales"
  actor: string
  account_id: string
  campaign: MetaAdObjectPlan
  ad_set: MetaAdObjectPlan
  creative: MetaAdObjectPlan
  ad: MetaAdObjectPlan
  product_ids: string[]
  warnings: string[]
  /** Meta's parameter (or its prefix) → the request field it came from, so Meta's refusals name the latter. */
  request_fields: Record<string, string>
}

/**
 * Everything is created PAUSED until the merchant confirms it, and `special_ad_categories` is always sent
 * (required on every campaign: https://developers.facebook.com/docs/marketing-api/audiences/special-ad-category).
 */
export const PAUSED = "PAUSED"
export const NO_SPECIAL_AD_CATEGORIES: string[] = []

export type LiveAdAccount = { meta: MetaModuleService; token: string; account_id: string; connection: NonNullable<Awaited<ReturnType<MetaModuleService["retrieveLiveConnection"]>>> }

/** The live connection with its token and selected ad account, or a 400 that says what to do. */
export async function liveAdAccount(meta: MetaModuleService): Promise<LiveAdAccount> {
  const live = await meta.getConnectionToken()
  const connection = await meta.retrieveLiveConnection()
  if (!live || !connection) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Meta is not connected: connect it in Settings → Meta first.")
  if (!connection.ad_account_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "ad_account_id: no ad account is selected for the connection; choose one in Settings → Meta.")
  }
  return { meta, token: live.token, account_id: connection.ad_account_id, connection }
}

/**
 * The account's currency and minimum budgets as Meta has them now (budgets are checked in that currency
 * before anything is created). https://developers.facebook.com/docs/marketing-api/reference/ad-account/minimum_budgets/
 */
export async function readAdAccountBudgets(graph: GraphClient, token: string, accountId: string): Promise<{ currency: string; minimum_budgets: MinimumBudgets | null }> {
  try {
    const account = await graph.get<{ currency: string }>(accountId, { token, params: { fields: "currency" } })
    const minimums = await graph.get<{ data?: MinimumBudgets[] }>(`${accountId}/minimum_budgets`, { token })
    return { currency: account.currency, minimum_budgets: minimums.data?.find((m) => m.currency === account.currency) ?? minimums.data?.[0] ?? null }
  } catch (error) {
    const message = error instanceof GraphError ? error.userMessage ?? error.message : (error as Error).message
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Could not read the ad account ${accountId} from Meta: ${message}`)
  }
}

/** The budget as Meta's integer (currency offset), checked against the account's minimum for the ad set's goal. */
export function checkedBudget(input: {
  daily_budget?: string | number
  lifetime_budget?: string | number
  currency: string
  minimum_budgets: MinimumBudgets | null
  optimization_goal: string
  duration_days?: number
}): { field: BudgetField; meta_units: string; warnings: string[] } {
  const field: BudgetField = input.daily_budget !== undefined ? "daily_budget" : "lifetime_budget"
  const checked = validateBudget({
    field,
    amount: input[field],
    account_currency: input.currency,
    minimum_budgets: input.minimum_budgets,
    optimization: optimizationClassFor(input.optimization_goal),
    duration_days: input.duration_days ?? null,
  })
  if (!checked.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, checked.errors.map((e) => e.message).join("; "))
  return { field, meta_units: checked.meta_units, warnings: checked.warnings.map((w) => w.message) }
}

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable)
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, stable(v)]))
  }
  return value
}

/** A digest of what was asked (key order and absent fields don't count). */
export function requestFingerprint(request: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(stable(request))).digest("hex")
}

/** A name Meta shows in Ads Manager: one line, at most `max` characters. */
export function shortName(text: string, max = 60): string {
  const line = text.replace(/\s+/g, " ").trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
