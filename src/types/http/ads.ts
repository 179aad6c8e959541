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
  /**
   * From the store's own orders attributed to the object (the ad's URL parameters on the cart's landing), over
   * the same account-zone days as Meta's figures: orders and revenue in the account currency (main unit), and
   * store_revenue / spend (null when nothing was spent).
   */
  store_orders: number
  store_revenue: string
  store_roas: string | null
  /** Attributed orders in other currencies, per currency: never converted, never in store_revenue / store_roas. */
  store_revenue_other_currencies: MetaStoreRevenueInCurrency[]
}

export type MetaStoreRevenueInCurrency = { currency: string; amount: string; orders: number }

/**
 * Every order attributed to Meta ads in a range, the account's own ads or not: orders and revenue in the
 * account currency, of which `ad_unknown_*` came with a Meta click id only (the ad not named), and the orders
 * in other currencies apart.
 */
export type MetaAdStoreTotals = {
  orders: number
  revenue: string
  ad_unknown_orders: number
  ad_unknown_revenue: string
  other_currencies: MetaStoreRevenueInCurrency[]
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

/**
 * Where the mirror of the ad account stands. A pass may take several runs of the sync job: Meta's rate
 * limits stop it early (no call is made before `resumes_at`), or a report Meta prepares asynchronously is
 * not ready yet; the next run carries on.
 */
export type MetaAdSyncState = {
  /** complete: the last pass finished; partial: a pass is under way; waiting: stopped for Meta's rate limits. */
  state: "complete" | "partial" | "waiting"
  /** Why the last run stopped short (Meta's usage or throttling answer, a report still being prepared). */
  reason: string | null
  /** No call to Meta for the mirror before this time. */
  resumes_at: string | null
  /** Graph calls the last run made. */
  calls: number
  /** When a pass last finished. */
  completed_at: string | null
}

export type MetaCampaignsResponse = {
  account: MetaAdAccount | null
  /** The mirror's sync state; null before the first sync. */
  sync: MetaAdSyncState | null
  campaigns: MetaCampaign[]
  /** The store's orders from Meta ads per range (see MetaAdStoreTotals); empty without an ad account. */
  store: Partial<Record<MetaAdRange, MetaAdStoreTotals>>
  count: number
  offset: number
  limit: number
}
export type MetaCampaignResponse = { campaign: MetaCampaign }
export type MetaAdSetResponse = { ad_set: MetaAdSet }
export type MetaAdResponse = { ad: MetaAd }
export type MetaAdSetDuplicateResponse = { ad_set: MetaAdSet; copied_from: string }

/**
 * `POST /admin/meta/campaigns/boost`: one published post (a publication of this store, or a connected account's
 * `post_id`) as a campaign, ad set, creative and ad, all PAUSED. Budgets are decimals in the account currency's
 * main unit; give exactly one of `daily_budget` / `lifetime_budget` and of `publication_id` / `post_id`.
 */
export type MetaBoostRequest = {
  publication_id?: string
  post_id?: string
  objective: "OUTCOME_ENGAGEMENT" | "OUTCOME_TRAFFIC"
  daily_budget?: string
  lifetime_budget?: string
  duration_days: number
  audience: { countries: string[]; age_min?: number; age_max?: number; genders?: ("male" | "female")[] }
  name?: string
  /** The same key for the same boost (a retry, a double click) makes one campaign. */
  idempotency_key?: string
}

/** The boost's campaign as mirrored (with its ad set and ad), and its audit-log entry with Meta's warnings. */
export type MetaBoostResponse = { campaign: MetaCampaign; change: { id: string; warnings: string[] } }

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
  /** `daily_budget` here is Meta's integer in the per-currency offset, exactly as written to Meta ("5000" = 50.00 USD). */
  before: { status: string | null; daily_budget: string | null }
  after: { status: string | null; daily_budget: string | null }
  dry_run: boolean
  change_id: string | null
  evaluated_at: string
}

/** One blank of a rule template. money: account currency, main unit; ratio: "2" = 2×; percent: "20" = 20 %. */
export type MetaAdRuleTemplateParameter = {
  key: string
  label: string
  kind: "money" | "ratio" | "percent" | "count"
  required: boolean
  default?: string
}

export type MetaAdRuleTemplate = { key: string; title: string; description: string; parameters: MetaAdRuleTemplateParameter[] }

export type MetaAdRulesResponse = { rules: MetaAdRule[]; count: number; templates: MetaAdRuleTemplate[] }
export type MetaAdRuleResponse = { rule: MetaAdRule }
export type MetaAdRulePreviewResponse = { rule_id: string; decisions: MetaAdRuleDecision[] }

/** A decision of a draft's preview: what the rule would do now; never stored, so no id, rule or change. */
export type MetaAdRuleDraftDecision = Omit<MetaAdRuleDecision, "id" | "rule_id" | "change_id">

/**
 * `POST /admin/meta/rules/preview` (the body of a rule creation, `name` optional): the definition exactly as
 * saving it would store it, and what it would do right now on the mirror's figures. Nothing is saved, logged
 * or sent to Meta.
 */
export type MetaAdRuleDraftPreviewResponse = { rule: MetaAdRuleDefinition; decisions: MetaAdRuleDraftDecision[] }

/** `POST /admin/meta/rules/:id/evaluate`: the rule run now on fresh figures; its decisions, as logged. */
export type MetaAdRuleEvaluationResponse = { rule_id: string; evaluation_id: string; decisions: MetaAdRuleDecision[] }
export type MetaAdRuleDecisionsResponse = { decisions: MetaAdRuleDecision[]; count: number; offset: number; limit: number }
export type MetaAdRulesPauseAllResponse = { rules_paused: boolean }

// ── Safety net: Meta's own rules, running while the store is down (`/admin/meta/rules/safety-net`) ──────

export type MetaSafetyNetKind = "spend_cap" | "frequency_cap"

/** One of Meta's rules the safety net made: the spec as sent, the merchant's threshold, its status at Meta. */
export type MetaSafetyNetRule = {
  id: string
  kind: MetaSafetyNetKind
  meta_rule_id: string
  status: "ENABLED" | "DISABLED"
  /** spend_cap: account currency, main unit ("50.00", "3000" JPY); frequency_cap: impressions per person ("3.5"). */
  threshold: string
  /** What Meta was sent: { name, evaluation_spec, execution_spec, schedule_spec, status }. */
  spec: Record<string, unknown>
  history_synced_at: string | null
  created_at: string
  updated_at: string
}

/** An object a run changed, with its name from the mirror when known. */
export type MetaSafetyNetRunObject = { id: string; type: string; name: string | null; old_status: string | null; new_status: string | null }

/** One evaluation of a safety-net rule at Meta that changed something, mirrored from the rule's history. */
export type MetaSafetyNetRun = {
  id: string
  kind: MetaSafetyNetKind
  meta_rule_id: string
  ran_at: string
  is_manual: boolean
  objects: MetaSafetyNetRunObject[]
  exception_code: number | null
  exception_message: string | null
}

export type MetaSafetyNet = {
  /** "act_…" of the connection, null when none is selected. */
  ad_account_id: string | null
  currency: string | null
  /** Whether any of its rules is enabled at Meta. */
  enabled: boolean
  /** Pause an ad once its spend today (account time zone) exceeds this, in the main unit; null = no such rule. */
  spend_cap_daily: string | null
  /** Pause an ad once its frequency over the last 7 days exceeds this; null = no such rule. */
  max_frequency: string | null
  rules: MetaSafetyNetRule[]
  /** The latest runs, newest first (as of the last ads sync). */
  history: MetaSafetyNetRun[]
}

export type MetaSafetyNetResponse = { safety_net: MetaSafetyNet }

/** `POST /admin/meta/rules/safety-net`: a value left out keeps the current one, null removes that rule. */
export type MetaSafetyNetBody = { enabled: boolean; spend_cap_daily?: string | null; max_frequency?: string | null }
