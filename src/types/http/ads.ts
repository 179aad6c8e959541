/**
 * Request and response types of the ads routes (`/admin/meta/campaigns`, `/ad-sets`, `/ads`, `/rules`,
 * `/rule-decisions`). The routes answer with these and the admin imports them type-only.
 *
 * Money: budgets are answered as decimal strings in the account currency's main unit ("12.50" USD,
 * "50000" COP) next to Meta's own integer (`*_minor`, in Meta's per-currency offset); spend and the other
 * money metrics are decimal strings as Meta reports them. Never floats.
 */

export type MetaAdStatus = "ACTIVE" | "PAUSED" | "ARCHIVED" | "DELETED"
export type MetaAdRange = "today" | "last_3d" | "last_7d" | "last_30d"

/** Performance over one range; null where the denominator was 0 or Meta reported nothing. */
export type MetaAdMetrics = {
  spend: string
  impressions: number
  reach: number | null
  frequency: string | null
  clicks: number
  link_clicks: number | null
  cpm: string | null
  cpc: string | null
  ctr: string | null
  purchases: number
  purchase_value: string
  roas: string | null
  cost_per_purchase: string | null
  /** From the store's own orders attributed to the ad (fbclid / UTM / ad id on the cart). */
  store_orders: number
  store_revenue: string
  store_roas: string | null
}

export type MetaAdBudget = {
  daily_budget: string | null
  daily_budget_minor: string | null
  lifetime_budget: string | null
  lifetime_budget_minor: string | null
}

export type MetaAdObjectBase = MetaAdBudget & {
  id: string
  /** Meta's id. */
  meta_id: string
  name: string
  status: MetaAdStatus
  effective_status: string
  /** Metrics per range; a range not mirrored yet is absent. */
  metrics: Partial<Record<MetaAdRange, MetaAdMetrics>>
  synced_at: string | null
}

export type MetaAd = Omit<MetaAdObjectBase, keyof MetaAdBudget> & {
  ad_set_id: string
  creative: {
    id: string | null
    object_story_id: string | null
    source_instagram_media_id: string | null
    product_set_id: string | null
  }
  /** Meta's review feedback, when the ad was rejected or has issues. */
  review_feedback: Record<string, unknown> | null
  /** Medusa products the ad advertises (from the publication it boosts or its catalog product set). */
  product_ids: string[]
}

export type MetaAdSet = MetaAdObjectBase & {
  campaign_id: string
  optimization_goal: string | null
  billing_event: string | null
  bid_strategy: string | null
  targeting: Record<string, unknown> | null
  start_time: string | null
  end_time: string | null
  ads?: MetaAd[]
}

export type MetaCampaign = MetaAdObjectBase & {
  ad_account_id: string
  objective: string
  bid_strategy: string | null
  special_ad_categories: string[]
  start_time: string | null
  stop_time: string | null
  ad_sets?: MetaAdSet[]
}

export type MetaAdAccount = {
  id: string
  meta_id: string
  name: string
  currency: string
  timezone_name: string
  account_status: number | null
  /** Meta's minimum daily budgets for this account, in the main unit. */
  minimum_daily_budget: string | null
  synced_at: string | null
  /** Meta's `X-Ad-Account-Usage` percentage as last seen. */
  usage_pct: number | null
  rules_paused: boolean
  /** The configured ceiling for the account's total daily budget (main unit), if any. */
  daily_budget_ceiling: string | null
}

export type MetaCampaignsResponse = {
  account: MetaAdAccount | null
  campaigns: MetaCampaign[]
  count: number
  offset: number
  limit: number
}
export type MetaCampaignResponse = { campaign: MetaCampaign }
export type MetaAdSetResponse = { ad_set: MetaAdSet }
export type MetaAdResponse = { ad: MetaAd }
export type MetaAdSetDuplicateResponse = { ad_set: MetaAdSet; copied_from: string }

/** One entry of the audit log: a change made by a person or a rule, with before and after. */
export type MetaAdChange = {
  id: string
  object_type: "campaign" | "ad_set" | "ad"
  object_meta_id: string
  actor: string
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  status: "pending" | "applied" | "failed"
  error: string | null
  created_at: string
}

export type MetaAdChangesResponse = { changes: MetaAdChange[]; count: number; offset: number; limit: number }

/** A rule as stored (the definition is the rule as the evaluator reads it; amounts in the main unit). */
export type MetaAdRuleDefinition = {
  scope: "campaign" | "ad_set" | "ad" | "account"
  object_ids: "all" | string[]
  conditions: { metric: string; operator: "gt" | "gte" | "lt" | "lte" | "eq"; value: string }[]
  lookback: "today" | "last_3d" | "last_7d" | "last_30d"
  min_spend?: string | null
  min_impressions?: number | null
  action: { type: "pause" | "activate" | "raise_budget_pct" | "lower_budget_pct" | "set_budget" | "duplicate_ad_set"; value?: string | null }
  budget_ceiling?: string | null
  cooldown_minutes: number
  max_changes_per_day: number
  active_hours?: { from: string; to: string; weekdays?: number[] | null } | null
  dry_run: boolean
  resume_when_clear?: boolean
}

export type MetaAdRule = MetaAdRuleDefinition & {
  id: string
  name: string
  enabled: boolean
  template: string | null
  last_evaluated_at: string | null
}

export type MetaAdRuleDecision = {
  id: string | null
  rule_id: string
  object_type: string
  object_meta_id: string
  acted: boolean
  action: string
  skip_code: string | null
  skipped_reason: string | null
  note: string | null
  lookback: string
  numbers: Record<string, string | null>
  before: { status: string | null; daily_budget: string | null }
  after: { status: string | null; daily_budget: string | null }
  dry_run: boolean
  change_id: string | null
  evaluated_at: string
}

export type MetaAdRulesResponse = { rules: MetaAdRule[]; count: number; templates: { key: string; title: string; description: string; parameters: unknown[] }[] }
export type MetaAdRuleResponse = { rule: MetaAdRule }
export type MetaAdRulePreviewResponse = { rule_id: string; decisions: MetaAdRuleDecision[] }
export type MetaAdRuleDecisionsResponse = { decisions: MetaAdRuleDecision[]; count: number; offset: number; limit: number }
export type MetaAdRulesPauseAllResponse = { rules_paused: boolean }
