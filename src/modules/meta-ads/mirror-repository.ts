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
  insights: Record<string, unknown> | null
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
  insights: Record<string, unknown> | null
}

export type AdRow = {
  meta_id: string
  ad_set_meta_id: string
  name: string
  status: string
  effective_status: string
  creative: Record<string, unknown> | null
  review_feedback: Record<string, unknown> | null
  insights: Record<string, unknown> | null
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
 * no longer lists under the account.
 */
export async function saveMirror(
  sql: SqlExecutor,
  input: { accountId: string; campaigns: CampaignRow[]; adSets: AdSetRow[]; ads: AdRow[] }
): Promise<void> {
  await sql.execute(
    `INSERT INTO "meta_campaign" ("id", "ad_account_id", "meta_id", "name", "objective", "status", "effective_status", "daily_budget",
       "lifetime_budget", "bid_strategy", "special_ad_categories", "start_time", "stop_time", "insights", "synced_at", "created_at", "updated_at")
     SELECT ${newId("metacmp")}, ?, r."meta_id", r."name", r."objective", r."status", r."effective_status", r."daily_budget",
            r."lifetime_budget", r."bid_strategy", r."special_ad_categories", r."start_time", r."stop_time", r."insights", now(), now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS r("meta_id" text, "name" text, "objective" text, "status" text, "effective_status" text,
            "daily_budget" text, "lifetime_budget" text, "bid_strategy" text, "special_ad_categories" jsonb, "start_time" timestamptz,
            "stop_time" timestamptz, "insights" jsonb)
     ON CONFLICT ("meta_id") WHERE "deleted_at" IS NULL DO UPDATE SET
       "ad_account_id" = EXCLUDED."ad_account_id", "name" = EXCLUDED."name", "objective" = EXCLUDED."objective", "status" = EXCLUDED."status",
       "effective_status" = EXCLUDED."effective_status", "daily_budget" = EXCLUDED."daily_budget", "lifetime_budget" = EXCLUDED."lifetime_budget",
       "bid_strategy" = EXCLUDED."bid_strategy", "special_ad_categories" = EXCLUDED."special_ad_categories", "start_time" = EXCLUDED."start_time",
       "stop_time" = EXCLUDED."stop_time", "insights" = EXCLUDED."insights", "synced_at" = now(), "updated_at" = now()`,
    [input.accountId, JSON.stringify(input.campaigns)]
  )
  await sql.execute(
    `INSERT INTO "meta_ad_set" ("id", "campaign_id", "meta_id", "name", "status", "effective_status", "daily_budget", "lifetime_budget",
       "bid_strategy", "optimization_goal", "billing_event", "targeting", "promoted_object", "start_time", "end_time", "insights",
       "synced_at", "created_at", "updated_at")
     SELECT ${newId("metaadset")}, c."id", r."meta_id", r."name", r."status", r."effective_status", r."daily_budget", r."lifetime_budget",
            r."bid_strategy", r."optimization_goal", r."billing_event", r."targeting", r."promoted_object", r."start_time", r."end_time",
            r."insights", now(), now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS r("meta_id" text, "campaign_meta_id" text, "name" text, "status" text, "effective_status" text,
            "daily_budget" text, "lifetime_budget" text, "bid_strategy" text, "optimization_goal" text, "billing_event" text,
            "targeting" jsonb, "promoted_object" jsonb, "start_time" timestamptz, "end_time" timestamptz, "insights" jsonb)
       JOIN "meta_campaign" c ON c."meta_id" = r."campaign_meta_id" AND c."deleted_at" IS NULL
     ON CONFLICT ("meta_id") WHERE "deleted_at" IS NULL DO UPDATE SET
       "campaign_id" = EXCLUDED."campaign_id", "name" = EXCLUDED."name", "status" = EXCLUDED."status", "effective_status" = EXCLUDED."effective_status",
       "daily_budget" = EXCLUDED."daily_budget", "lifetime_budget" = EXCLUDED."lifetime_budget", "bid_strategy" = EXCLUDED."bid_strategy",
       "optimization_goal" = EXCLUDED."optimization_goal", "billing_event" = EXCLUDED."billing_event", "targeting" = EXCLUDED."targeting",
       "promoted_object" = EXCLUDED."promoted_object", "start_time" = EXCLUDED."start_time", "end_time" = EXCLUDED."end_time",
       "insights" = EXCLUDED."insights", "synced_at" = now(), "updated_at" = now()`,
    [JSON.stringify(input.adSets)]
  )
  await sql.execute(
    `INSERT INTO "meta_ad" ("id", "ad_set_id", "meta_id", "name", "status", "effective_status", "creative", "review_feedback", "insights",
       "product_ids", "synced_at", "created_at", "updated_at")
     SELECT ${newId("metaad")}, s."id", r."meta_id", r."name", r."status", r."effective_status", r."creative", r."review_feedback", r."insights",
            '{}', now(), now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS r("meta_id" text, "ad_set_meta_id" text, "name" text, "status" text, "effective_status" text,
            "creative" jsonb, "review_feedback" jsonb, "insights" jsonb)
       JOIN "meta_ad_set" s ON s."meta_id" = r."ad_set_meta_id" AND s."deleted_at" IS NULL
     ON CONFLICT ("meta_id") WHERE "deleted_at" IS NULL DO UPDATE SET
       "ad_set_id" = EXCLUDED."ad_set_id", "name" = EXCLUDED."name", "status" = EXCLUDED."status", "effective_status" = EXCLUDED."effective_status",
       "creative" = EXCLUDED."creative", "review_feedback" = EXCLUDED."review_feedback", "insights" = EXCLUDED."insights",
       "synced_at" = now(), "updated_at" = now()`,
    [JSON.stringify(input.ads)]
  )
  // What Meta no longer lists under the account is gone from the mirror (its audit log stays).
  const campaignIds = input.campaigns.map((c) => c.meta_id)
  await sql.execute(
    `UPDATE "meta_campaign" SET "deleted_at" = now() WHERE "ad_account_id" = ? AND "deleted_at" IS NULL AND NOT ("meta_id" = ANY(?::text[]))`,
    [input.accountId, campaignIds]
  )
  await sql.execute(
    `UPDATE "meta_ad_set" s SET "deleted_at" = now() FROM "meta_campaign" c
      WHERE s."campaign_id" = c."id" AND c."ad_account_id" = ? AND s."deleted_at" IS NULL AND NOT (s."meta_id" = ANY(?::text[]))`,
    [input.accountId, input.adSets.map((s) => s.meta_id)]
  )
  await sql.execute(
    `UPDATE "meta_ad" a SET "deleted_at" = now() FROM "meta_ad_set" s, "meta_campaign" c
      WHERE a."ad_set_id" = s."id" AND s."campaign_id" = c."id" AND c."ad_account_id" = ? AND a."deleted_at" IS NULL
        AND NOT (a."meta_id" = ANY(?::text[]))`,
    [input.accountId, input.ads.map((a) => a.meta_id)]
  )
}
