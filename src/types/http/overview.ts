/**
 * Response and request types of the overview routes (`/admin/meta/overview`, `/admin/meta/reports/roi`,
 * `/admin/meta/alerts/settings`, `/admin/meta/app-review`). The routes answer with these and the admin imports
 * them type-only. Money is decimal strings in the currency's main unit ("19.90" USD, "1500" JPY), never floats;
 * links are admin paths of the screen that explains a figure.
 */
import type { MetaApiUsage, MetaConnectionStatus, MetaFeature } from "./connection"
import type { MetaMatchQualitySummary } from "./events"

/** A period as the lists filter it: first and last instant, both included (ISO 8601), and its local days. */
export type MetaOverviewPeriod = { from: string; to: string; from_day: string; to_day: string }

export type MetaAccessOutlook =
  | { kind: "renews_automatically"; on: string }
  | { kind: "reconnect_before"; before: string }
  | { kind: "never_expires" }
  | { kind: "expired"; since: string | null }
  | { kind: "needs_reconnect"; reason: string }

export type MetaOverviewFeaturePermissions = {
  feature: MetaFeature
  enabled: boolean
  needed: string[]
  granted: string[]
  missing: string[]
}

export type MetaOverviewConnection = {
  status: MetaConnectionStatus
  method: "oauth" | "system_user"
  meta_user_name: string | null
  token_expires_at: string | null
  data_access_expires_at: string | null
  outlook: MetaAccessOutlook
  features: MetaOverviewFeaturePermissions[]
  /** The newest reading of each of Meta's rate-limit budgets across all the store's processes. */
  api_usage: MetaApiUsage
  /** How many processes reported usage in the last hour. */
  usage_processes: number
  link: string
}

export type MetaOverviewFailedPublication = {
  id: string
  kind: string
  caption: string | null
  reason: string | null
  hint: string | null
  failed_at: string
  link: string
}

export type MetaOverviewPublishing = {
  enabled: boolean
  scheduled_today: number
  scheduled_this_week: number
  published_today: number
  published_this_week: number
  failed: number
  total: number
  recent_failures: MetaOverviewFailedPublication[]
  links: { scheduled: string; published: string; failed: string; compose: string }
}

export type MetaOverviewCatalog = {
  enabled: boolean
  catalog_id: string | null
  synced: number
  pending: number
  needs_attention: number
  errors: number
  excluded: number
  links: { synced: string; needs_attention: string; errors: string; catalog: string }
}

export type MetaOverviewCapi = {
  enabled: boolean
  pixel_id: string | null
  sent: number
  failed: number
  pending: number
  expired: number
  sent_this_week: number
  failed_this_week: number
  /** Over the events sent (the events log's match-quality summary with status=sent). */
  match_quality: MetaMatchQualitySummary
  link: string
}

export type MetaOverviewWebhooks = {
  enabled: boolean
  failed: number
  received_this_week: number
  failed_this_week: number
  link: string
}

export type MetaOverviewAds = {
  enabled: boolean
  account: { meta_id: string; name: string; currency: string; timezone_name: string } | null
  /** The ad account chosen in Settings → Meta (`act_…`), also before its first sync fills `account`. */
  selected_account_id: string | null
  campaigns: number
  active_campaigns: number
  /** Meta's spend this calendar month (account days), as the ROI report's month sums it. */
  spend_this_month: string
  /** When Meta's daily spend was last read for the account (the ROI report's `spend_synced_at`); null when never. */
  spend_synced_at: string | null
  /** Over the last 30 days (Meta's `last_30d`: the 30 days before today), summed over the Campaigns page's campaigns. */
  spend_last_30d: string
  meta_purchase_value_last_30d: string
  meta_roas_last_30d: string | null
  /** The store's orders attributed to ads over the same days, in the account currency (the Campaigns page's store totals). */
  store_orders_last_30d: number
  store_revenue_last_30d: string
  store_roas_last_30d: string | null
  rule_decisions_this_week: number
  rule_actions_this_week: number
  links: { campaigns: string; active: string; rules: string; report: string }
}

export type MetaOverviewSuggestion = {
  kind: string
  message: string
  link: string
  numbers: Record<string, string | number | null>
}

export type MetaAlertKind = "token" | "publication_failed" | "catalog_errors" | "capi_failing" | "rule_acted" | "spend_pacing"

export type MetaAlert = {
  id: string
  kind: MetaAlertKind
  title: string
  description: string
  link: string
  numbers: Record<string, unknown> | null
  fired_at: string
}

export type MetaOverview = {
  generated_at: string
  /** Days and weeks are counted in this zone: the ad account's (Meta's insights days), else UTC. */
  time_zone: string
  today: MetaOverviewPeriod
  week: MetaOverviewPeriod
  connection: MetaOverviewConnection | null
  publishing: MetaOverviewPublishing
  catalog: MetaOverviewCatalog
  capi: MetaOverviewCapi
  webhooks: MetaOverviewWebhooks
  ads: MetaOverviewAds
  suggestions: MetaOverviewSuggestion[]
  /** Alerts whose cause still holds, newest first. */
  alerts: MetaAlert[]
}

/** `GET /admin/meta/overview`. */
export type MetaOverviewResponse = { overview: MetaOverview }

export type MetaRoiInterval = "day" | "week" | "month"

export type MetaRoiCurrencyFigures = {
  currency: string
  ad_revenue: string
  ad_orders: number
  publication_revenue: string
  publication_orders: number
}

/** One period (its first and last day, both included) in the report currency, and other currencies apart. */
export type MetaRoiRow = MetaRoiCurrencyFigures & {
  from: string
  to: string
  ad_spend: string
  meta_purchase_value: string
  store_roas: string | null
  meta_roas: string | null
  other_currencies: MetaRoiCurrencyFigures[]
}

export type MetaRoiReport = {
  /** The ad account's currency (spend is in it); the catalog currency without an ad account. */
  currency: string
  time_zone: string
  interval: MetaRoiInterval
  from: string
  to: string
  rows: MetaRoiRow[]
  totals: MetaRoiRow
  /** When Meta's daily spend was last read for the account; null when never (spend then shows 0). */
  spend_synced_at: string | null
}

/** `GET /admin/meta/reports/roi` (JSON; `format=csv` answers text/csv with the same figures). */
export type MetaRoiReportResponse = { report: MetaRoiReport }

export type MetaRoiReportQuery = { from?: string; to?: string; interval?: MetaRoiInterval; format?: "json" | "csv" }

export type MetaAlertSettings = {
  token: { enabled: boolean }
  publication_failed: { enabled: boolean }
  catalog_errors: { enabled: boolean; threshold: number }
  capi_failing: { enabled: boolean; threshold: number }
  rule_acted: { enabled: boolean }
  spend_pacing: { enabled: boolean; daily_ceiling: string | null }
  email_recipients: string[]
}

/** `GET|POST /admin/meta/alerts/settings`. */
export type MetaAlertSettingsResponse = { settings: MetaAlertSettings }

/** `POST /admin/meta/alerts/settings`: the kinds and fields to change (the rest stays). */
export type MetaAlertSettingsBody = {
  [K in MetaAlertKind]?: Partial<MetaAlertSettings[K]>
} & { email_recipients?: string[] }

export type MetaAppReviewState = "done" | "todo" | "blocked" | "unknown"

export type MetaAppReviewPermission = {
  permission: string
  requested_by: (MetaFeature | "connection")[]
  meta_asks: string[]
  use_case: string
  screens: { path: string; title: string; show: string }[]
  granted: boolean
  state: MetaAppReviewState
  docs_url: string
}

export type MetaAppReviewItem = {
  key: "privacy_policy_url" | "data_deletion_url" | "deauthorize_url" | "oauth_redirect_uri" | "webhooks_url" | "business_verification"
  title: string
  value: string | null
  state: MetaAppReviewState
  detail: string
  docs_url: string
}

/** `GET /admin/meta/app-review`. */
export type MetaAppReviewResponse = {
  app_review: {
    permissions: MetaAppReviewPermission[]
    items: MetaAppReviewItem[]
    docs: Record<string, string>
    connected: boolean
  }
}
