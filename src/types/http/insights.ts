/**
 * Request and response types of the insights routes (`/admin/meta/insights/*`). The routes answer with
 * these and the admin imports them type-only, so both sides read one definition.
 *
 * Metric names are Meta's, as the configured Graph API version answers them (`views` replaced
 * `impressions`/`plays`); a metric Meta did not report is absent, never 0.
 */
import type { MetaPublicationKind, MetaPublicationStatus, MetaPublishingPlatform } from "./publishing"

/** Organic metrics of one publication (or one account day): Meta's metric name → value. */
export type MetaInsightMetrics = Partial<Record<string, number>>

/** Orders that came through a publication's link (its `utm_content`), from the store's own data. */
export type MetaAttributedRevenue = {
  orders: number
  /** Decimal strings in the main unit per currency ("129.90"); never summed across currencies. */
  revenue: { currency_code: string; amount: string }[]
  /** Orders ÷ link clicks Meta reported, when Meta reported clicks; else null. */
  conversion_rate: number | null
}

export type MetaPublicationInsightPoint = {
  /** The day the figures were read (YYYY-MM-DD, UTC). */
  day: string
  metrics: MetaInsightMetrics
}

export type MetaPublicationInsights = {
  publication_id: string
  account_id: string
  platform: MetaPublishingPlatform
  kind: MetaPublicationKind
  status: MetaPublicationStatus
  caption: string | null
  permalink: string | null
  published_at: string | null
  /** The latest figures. */
  metrics: MetaInsightMetrics
  /** Engagement (interactions) ÷ reach, when both are known. */
  engagement_rate: number | null
  /** When the figures were last read from Meta; null before the first refresh. */
  refreshed_at: string | null
  /** Why Meta gave no figures yet ("Meta reports insights up to 48 hours after publishing", …). */
  unavailable_reason: string | null
  /** The figures as they grew, one point per day they were read. */
  history: MetaPublicationInsightPoint[]
  attributed: MetaAttributedRevenue
}

export type MetaPublicationInsightsResponse = { insights: MetaPublicationInsights }

export type MetaAccountInsightDay = {
  day: string
  followers_count: number | null
  metrics: MetaInsightMetrics
}

export type MetaAccountInsights = {
  account_id: string
  platform: MetaPublishingPlatform
  name: string
  username: string | null
  followers_count: number | null
  from: string
  to: string
  days: MetaAccountInsightDay[]
  /** Totals over the range of the additive metrics (reach is not additive and is absent). */
  totals: MetaInsightMetrics
  /** Publications published in the range, best first by engagement. */
  publications: {
    publication_id: string
    kind: MetaPublicationKind
    caption: string | null
    permalink: string | null
    published_at: string
    metrics: MetaInsightMetrics
    engagement_rate: number | null
    attributed: MetaAttributedRevenue
  }[]
  attributed: MetaAttributedRevenue
  refreshed_at: string | null
  unavailable_reason: string | null
}

export type MetaAccountInsightsResponse = { insights: MetaAccountInsights }

export type MetaBestTimeSlot = {
  /** 0 = Sunday … 6 = Saturday, in UTC (the admin shows it in the merchant's time zone). */
  weekday: number
  /** 0–23, UTC. */
  hour: number
  /** 0–100, higher is better; comparable within one answer. */
  score: number
  /** Why this slot ranks here, in the merchant's words. */
  reason: string
}

export type MetaBestTimesResponse = {
  account_id: string
  /** Ranked best first; all 168 hour-of-week slots. */
  slots: MetaBestTimeSlot[]
  /** What the ranking is based on: "followers_online" + "engagement", either alone, or "default". */
  basis: ("followers_online" | "engagement" | "default")[]
  /** How many of the account's posts the engagement part learned from. */
  posts_considered: number
  /** A note for small or new accounts ("Fewer than 100 followers: Meta does not report when they are online"). */
  note: string | null
}

export type MetaInsightsRefreshResponse = { refreshed_publications: number; refreshed_accounts: number }
