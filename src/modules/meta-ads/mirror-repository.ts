import type { SqlExecutor } from "../meta/sql-executor"

/**
 * The mirror's set-based writes: a whole account (hundreds of campaigns, thousands of ad sets, tens of
 * thousands of ads) upserted in one statement per level, keyed by Meta's id.
 */

export type AccountRow = {
  meta_id: string
  name: string
  currency: string
  timezone_name: string
  account_status: number | null
  minimum_budgets: Record<string, unknown> | null
  usage_pct: number | null
}

export type CampaignRow = {
  meta_id: string
  name: string
  objective: string
  status: string
  effective_status: string
  daily_budget: string | null
  lifetime_budget: string | null
  bid_strategy: string | null
  special_ad_categories: string[] | null
  start_time: string | null
  stop_time: string | null
}

export type AdSetRow = {
  meta_id: string
  campaign_meta_id: string
  name: string
  status: string
  effective_status: string
  daily_budget: string | null
  lifetime_budget: string | null
  bid_strategy: string | null
  optimization_goal: string | null
  billing_event: string | null
  targeting: Record<string, unknown> | null
  promoted_object: Record<string, unknown> | null
  start_time: string | null
  end_time: string | null
}

export type AdRow = {
  meta_id: string
  ad_set_meta_id: string
  name: string
  status: string
  effective_status: string
  creative: Record<string, unknown> | null
  review_feedback: Record<string, unknown> | null
}

const newId = (prefix: string) => `'${prefix}_' || replace(gen_random_uuid()::text, '-', '')`

export async function upsertAccount(sql: SqlExecutor, row: AccountRow): Promise<string> {
  const [saved] = await sql.execute<{ id: string }[]>(
    `INSERT INTO "meta_ad_account" ("id", "meta_id", "name", "currency", "timezone_name", "account_status", "minimum_budgets", "usage_pct",
       "synced_at", "created_at", "updated_at")
     VALUES (${newId("metaadacc")}, ?, ?, ?, ?, ?, ?::jsonb, ?, now(), now(), now())
     ON CONFLICT ("meta_id") WHERE "deleted_at" IS NULL DO UPDATE SET
       "name" = EXCLUDED."name", "currency" = EXCLUDED."currency", "timezone_name" = EXCLUDED."timezone_name",
       "account_status" = EXCLUDED."account_status", "minimum_budgets" = EXCLUDED."minimum_budgets",
       "usage_pct" = COALESCE(EXCLUDED."usage_pct", "meta_ad_account"."usage_pct"), "synced_at" = now(), "updated_at" = now()
     RETURNING "id"`,
    [row.meta_id, row.name, row.currency, row.timezone_name, row.account_status, JSON.stringify(row.minimum_budgets), row.usage_pct]
  )
  return saved.id
}

/**
 * Writes the account's campaigns, ad sets and ads as Meta listed them, and removes (soft-deletes) what Meta
 * no longer lists under the account. Their performance is written apart (saveInsights), range by range.
 */
export async function saveMirror(
  sql: SqlExecutor,
  input: { accountId: string; campaigns: CampaignRow[]; adSets: AdSetRow[]; ads: AdRow[] }
): Promise<void> {
  await sql.execute(
    `INSERT INTO "meta_campaign" ("id", "ad_account_id", "meta_id", "name", "objective", "status", "effective_status", "daily_budget",
       "lifetime_budget", "bid_strategy", "special_ad_categories", "start_time", "stop_time", "synced_at", "created_at", "updated_at")
     SELECT ${newId("metacmp")}, ?, r."meta_id", r."name", r."objective", r."status", r."effective_status", r."daily_budget",
            r."lifetime_budget", r."bid_strategy", r."special_ad_categories", r."start_time", r."stop_time", now(), now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS r("meta_id" text, "name" text, "objective" text, "status" text, "effective_status" text,
            "daily_budget" text, "lifetime_budget" text, "bid_strategy" text, "special_ad_categories" jsonb, "start_time" timestamptz,
            "stop_time" timestamptz)
     ON CONFLICT ("meta_id") WHERE "deleted_at" IS NULL DO UPDATE SET
       "ad_account_id" = EXCLUDED."ad_account_id", "name" = EXCLUDED."name", "objective" = EXCLUDED."objective", "status" = EXCLUDED."status",
       "effective_status" = EXCLUDED."effective_status", "daily_budget" = EXCLUDED."daily_budget", "lifetime_budget" = EXCLUDED."lifetime_budget",
       "bid_strategy" = EXCLUDED."bid_strategy", "special_ad_categories" = EXCLUDED."special_ad_categories", "start_time" = EXCLUDED."start_time",
       "stop_time" = EXCLUDED."stop_time", "synced_at" = now(), "updated_at" = now()`,
    [input.accountId, JSON.stringify(input.campaigns)]
  )
  await sql.execute(
    `INSERT INTO "meta_ad_set" ("id", "campaign_id", "meta_id", "name", "status", "effective_status", "daily_budget", "lifetime_budget",
       "bid_strategy", "optimization_goal", "billing_event", "targeting", "promoted_object", "start_time", "end_time",
       "synced_at", "created_at", "updated_at")
     SELECT ${newId("metaadset")}, c."id", r."meta_id", r."name", r."status", r."effective_status", r."daily_budget", r."lifetime_budget",
            r."bid_strategy", r."optimization_goal", r."billing_event", r."targeting", r."promoted_object", r."start_time", r."end_time",
            now(), now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS r("meta_id" text, "campaign_meta_id" text, "name" text, "status" text, "effective_status" text,
            "daily_budget" text, "lifetime_budget" text, "bid_strategy" text, "optimization_goal" text, "billing_event" text,
            "targeting" jsonb, "promoted_object" jsonb, "start_time" timestamptz, "end_time" timestamptz)
       JOIN "meta_campaign" c ON c."meta_id" = r."campaign_meta_id" AND c."deleted_at" IS NULL
     ON CONFLICT ("meta_id") WHERE "deleted_at" IS NULL DO UPDATE SET
       "campaign_id" = EXCLUDED."campaign_id", "name" = EXCLUDED."name", "status" = EXCLUDED."status", "effective_status" = EXCLUDED."effective_status",
       "daily_budget" = EXCLUDED."daily_budget", "lifetime_budget" = EXCLUDED."lifetime_budget", "bid_strategy" = EXCLUDED."bid_strategy",
       "optimization_goal" = EXCLUDED."optimization_goal", "billing_event" = EXCLUDED."billing_event", "targeting" = EXCLUDED."targeting",
       "promoted_object" = EXCLUDED."promoted_object", "start_time" = EXCLUDED."start_time", "end_time" = EXCLUDED."end_time",
       "synced_at" = now(), "updated_at" = now()`,
    [JSON.stringify(input.adSets)]
  )
  await sql.execute(
    `INSERT INTO "meta_ad" ("id", "ad_set_id", "meta_id", "name", "status", "effective_status", "creative", "review_feedback",
       "product_ids", "synced_at", "created_at", "updated_at")
     SELECT ${newId("metaad")}, s."id", r."meta_id", r."name", r."status", r."effective_status", r."creative", r."review_feedback",
            '{}', now(), now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS r("meta_id" text, "ad_set_meta_id" text, "name" text, "status" text, "effective_status" text,
            "creative" jsonb, "review_feedback" jsonb)
       JOIN "meta_ad_set" s ON s."meta_id" = r."ad_set_meta_id" AND s."deleted_at" IS NULL
     ON CONFLICT ("meta_id") WHERE "deleted_at" IS NULL DO UPDATE SET
       "ad_set_id" = EXCLUDED."ad_set_id", "name" = EXCLUDED."name", "status" = EXCLUDED."status", "effective_status" = EXCLUDED."effective_status",
       "creative" = EXCLUDED."creative", "review_feedback" = EXCLUDED."review_feedback",
       "synced_at" = now(), "updated_at" = now()`,
    [JSON.stringify(input.ads)]
  )
  // What Meta no longer lists under the account is gone from the mirror (its audit log stays). NOT IN over
  // a subquery is hashed; `<> ALL(array)` would scan the 10,000 listed ids for each of 10,000 rows.
  const campaignIds = input.campaigns.map((c) => c.meta_id)
  await sql.execute(
    `UPDATE "meta_campaign" SET "deleted_at" = now() WHERE "ad_account_id" = ? AND "deleted_at" IS NULL AND "meta_id" NOT IN (SELECT unnest(?::text[]))`,
    [input.accountId, campaignIds]
  )
  await sql.execute(
    `UPDATE "meta_ad_set" s SET "deleted_at" = now() FROM "meta_campaign" c
      WHERE s."campaign_id" = c."id" AND c."ad_account_id" = ? AND s."deleted_at" IS NULL AND s."meta_id" NOT IN (SELECT unnest(?::text[]))`,
    [input.accountId, input.adSets.map((s) => s.meta_id)]
  )
  await sql.execute(
    `UPDATE "meta_ad" a SET "deleted_at" = now() FROM "meta_ad_set" s, "meta_campaign" c
      WHERE a."ad_set_id" = s."id" AND s."campaign_id" = c."id" AND c."ad_account_id" = ? AND a."deleted_at" IS NULL
        AND a."meta_id" NOT IN (SELECT unnest(?::text[]))`,
    [input.accountId, input.ads.map((a) => a.meta_id)]
  )
}

export type InsightsLevel = "campaign" | "adset" | "ad"

const LEVEL_SCOPE: Record<InsightsLevel, { table: string; scope: string }> = {
  campaign: { table: "meta_campaign", scope: `SELECT o."id", o."meta_id" FROM "meta_campaign" o WHERE o."ad_account_id" = ? AND o."deleted_at" IS NULL` },
  adset: {
    table: "meta_ad_set",
    scope: `SELECT o."id", o."meta_id" FROM "meta_ad_set" o JOIN "meta_campaign" c ON c."id" = o."campaign_id"
             WHERE c."ad_account_id" = ? AND o."deleted_at" IS NULL`,
  },
  ad: {
    table: "meta_ad",
    scope: `SELECT o."id", o."meta_id" FROM "meta_ad" o JOIN "meta_ad_set" s ON s."id" = o."ad_set_id" JOIN "meta_campaign" c ON c."id" = s."campaign_id"
             WHERE c."ad_account_id" = ? AND o."deleted_at" IS NULL`,
  },
}

/**
 * Writes one level's figures for the given ranges in two statements: each object Meta reported a row for
 * gets its figures for those ranges; every other mirrored object of the account at that level loses those
 * ranges (no row = no delivery); the other ranges stay as they are. The rows are matched through the
 * `meta_id` index and the ids of the rest through a hashed list, so 10,000 ads cost two linear passes.
 */
export async function saveInsights(
  sql: SqlExecutor,
  input: { accountId: string; level: InsightsLevel; ranges: string[]; rows: { meta_id: string; insights: Record<string, unknown> }[] }
): Promise<void> {
  if (!input.ranges.length) return
  const { table, scope } = LEVEL_SCOPE[input.level]
  await sql.execute(
    `UPDATE "${table}" t SET
       "insights" = (COALESCE(t."insights", '{}'::jsonb) - ?::text[]) || r."insights", "updated_at" = now()
       FROM jsonb_to_recordset(?::jsonb) AS r("meta_id" text, "insights" jsonb)
      WHERE t."meta_id" = r."meta_id" AND t."deleted_at" IS NULL`,
    [input.ranges, JSON.stringify(input.rows)]
  )
  await sql.execute(
    `UPDATE "${table}" t SET "insights" = NULLIF(t."insights" - ?::text[], '{}'::jsonb), "updated_at" = now()
       FROM (${scope}) o
      WHERE t."id" = o."id" AND jsonb_exists_any(t."insights", ?::text[]) AND o."meta_id" NOT IN (SELECT unnest(?::text[]))`,
    [input.ranges, input.accountId, input.ranges, input.rows.map((r) => r.meta_id)]
  )
}

export type SyncStateRow = {
  ad_account_meta_id: string
  state: "complete" | "partial" | "waiting"
  reason: string | null
  resumes_at: Date | null
  progress: Record<string, unknown> | null
  calls: number
  completed: boolean
}

/** The ad account's sync state after a run (one row per account). */
export async function saveSyncState(sql: SqlExecutor, row: SyncStateRow): Promise<void> {
  await sql.execute(
    `INSERT INTO "meta_ad_sync" ("id", "ad_account_meta_id", "state", "reason", "resumes_at", "progress", "calls", "completed_at", "created_at", "updated_at")
     VALUES (${newId("metaadsync")}, ?, ?, ?, ?, ?::jsonb, ?, CASE WHEN ? THEN now() ELSE NULL END, now(), now())
     ON CONFLICT ("ad_account_meta_id") WHERE "deleted_at" IS NULL DO UPDATE SET
       "state" = EXCLUDED."state", "reason" = EXCLUDED."reason", "resumes_at" = EXCLUDED."resumes_at", "progress" = EXCLUDED."progress",
       "calls" = EXCLUDED."calls", "completed_at" = COALESCE(EXCLUDED."completed_at", "meta_ad_sync"."completed_at"), "updated_at" = now()`,
    [row.ad_account_meta_id, row.state, row.reason, row.resumes_at, row.progress === null ? null : JSON.stringify(row.progress), row.calls, row.completed]
  )
}

export type RuleMirror = {
  campaigns: { id: string; meta_id: string; status: string; daily_budget: string | null; lifetime_budget: string | null; insights: Record<string, unknown> | null }[]
  adSets: { id: string; meta_id: string; campaign_id: string; status: string; daily_budget: string | null; lifetime_budget: string | null; insights: Record<string, unknown> | null }[]
  ads: { id: string; meta_id: string; ad_set_id: string; status: string; insights: Record<string, unknown> | null; product_ids: string[] | null }[]
}

/** What rules judge, for the whole account, as plain rows in three statements (no entity is built). */
export async function readRuleMirror(sql: SqlExecutor, accountId: string): Promise<RuleMirror> {
  const campaigns = await sql.execute<RuleMirror["campaigns"]>(
    `SELECT "id", "meta_id", "status", "daily_budget", "lifetime_budget", "insights" FROM "meta_campaign" WHERE "ad_account_id" = ? AND "deleted_at" IS NULL`,
    [accountId]
  )
  const adSets = await sql.execute<RuleMirror["adSets"]>(
    `SELECT s."id", s."meta_id", s."campaign_id", s."status", s."daily_budget", s."lifetime_budget", s."insights"
       FROM "meta_ad_set" s JOIN "meta_campaign" c ON c."id" = s."campaign_id"
      WHERE c."ad_account_id" = ? AND s."deleted_at" IS NULL AND c."deleted_at" IS NULL`,
    [accountId]
  )
  const ads = await sql.execute<RuleMirror["ads"]>(
    `SELECT a."id", a."meta_id", a."ad_set_id", a."status", a."insights", a."product_ids"
       FROM "meta_ad" a JOIN "meta_ad_set" s ON s."id" = a."ad_set_id" JOIN "meta_campaign" c ON c."id" = s."campaign_id"
      WHERE c."ad_account_id" = ? AND a."deleted_at" IS NULL AND s."deleted_at" IS NULL AND c."deleted_at" IS NULL`,
    [accountId]
  )
  return { campaigns, adSets, ads }
}
