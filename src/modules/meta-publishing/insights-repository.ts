import type { SqlExecutor } from "../meta/sql-executor"

/**
 * The insights statements of the publishing module: set-based writes (one statement for a whole refresh,
 * however many publications it read) and the reads the insights routes answer from. Called through the
 * module service, on its shared context.
 */

export type InsightTarget = {
  id: string
  account_id: string
  kind: string
  meta_post_id: string
  published_at: Date | string
}

export type PublicationInsightWrite = {
  publication_id: string
  /** YYYY-MM-DD (UTC) the figures were read. */
  day: string
  /** null when Meta gave no figures; then only the reason is written. */
  metrics: Record<string, number> | null
  unavailable_reason: string | null
}

export type AccountInsightWrite = {
  account_id: string
  day: string
  followers_count: number | null
  metrics: Record<string, number>
  online_followers: (number | null)[] | null
}

export type AttributionWrite = {
  order_id: string
  cart_id: string | null
  publication_id: string
  currency_code: string
  /** Decimal string in the main unit. */
  total: string
  placed_at: Date
}

export type AttributionTotal = { publication_id: string; currency_code: string; orders: number; amount: string }

/**
 * Claims published publications from `since` on whose figures are older than `staleMs`, least recently
 * refreshed first: the claim stamps `insights_refreshed_at`, so two processes running the refresh at once
 * read each publication once (FOR UPDATE SKIP LOCKED), and a failed read is tried again next time.
 */
export async function claimInsightTargets(
  sql: SqlExecutor,
  input: { since: Date; limit: number; staleMs: number; accountId?: string }
): Promise<InsightTarget[]> {
  return sql.execute<InsightTarget[]>(
    `UPDATE "meta_publication" p SET "insights_refreshed_at" = now()
      WHERE p."id" IN (
        SELECT q."id" FROM "meta_publication" q
          JOIN "meta_publishing_account" a ON a."id" = q."account_id" AND a."deleted_at" IS NULL
         WHERE q."deleted_at" IS NULL AND q."status" = 'published' AND q."meta_post_id" IS NOT NULL
           AND q."published_at" >= ? ${input.accountId ? `AND q."account_id" = ?` : ""}
           AND (q."insights_refreshed_at" IS NULL OR q."insights_refreshed_at" <= now() - (? * interval '1 millisecond'))
         ORDER BY q."insights_refreshed_at" NULLS FIRST, q."published_at" DESC
         LIMIT ?
         FOR UPDATE OF q SKIP LOCKED)
    RETURNING p."id", p."account_id", p."kind", p."meta_post_id", p."published_at"`,
    input.accountId ? [input.since, input.accountId, input.staleMs, input.limit] : [input.since, input.staleMs, input.limit]
  )
}

/**
 * Claims the accounts whose daily figures are due (older than `staleMs`), the same way: one process
 * refreshes each account per day.
 */
export async function claimAccountRefresh(sql: SqlExecutor, input: { staleMs: number; accountId?: string }) {
  return sql.execute<{ id: string; platform: "instagram" | "facebook"; meta_id: string; page_meta_id: string | null; followers_count: number | null }[]>(
    `UPDATE "meta_publishing_account" a SET "insights_refreshed_at" = now()
      WHERE a."id" IN (
        SELECT b."id" FROM "meta_publishing_account" b
         WHERE b."deleted_at" IS NULL AND b."enabled" AND b."missing_since" IS NULL ${input.accountId ? `AND b."id" = ?` : ""}
           AND (b."insights_refreshed_at" IS NULL OR b."insights_refreshed_at" <= now() - (? * interval '1 millisecond'))
         FOR UPDATE OF b SKIP LOCKED)
    RETURNING a."id", a."platform", a."meta_id", a."page_meta_id", a."followers_count"`,
    input.accountId ? [input.accountId, input.staleMs] : [input.staleMs]
  )
}

/**
 * Writes a refresh: each publication's latest figures (or why there are none) on the publication, and the
 * day's figures as one history row per publication and day (a later read the same day replaces it).
 */
export async function savePublicationInsights(sql: SqlExecutor, rows: PublicationInsightWrite[]): Promise<void> {
  if (!rows.length) return
  const payload = JSON.stringify(rows)
  await sql.execute(
    `UPDATE "meta_publication" p
        SET "metrics" = COALESCE(r."metrics", p."metrics"),
            "insights_unavailable_reason" = r."unavailable_reason", "updated_at" = now()
       FROM jsonb_to_recordset(?::jsonb) AS r("publication_id" text, "metrics" jsonb, "unavailable_reason" text)
      WHERE p."id" = r."publication_id"`,
    [payload]
  )
  const withFigures = rows.filter((r) => r.metrics !== null)
  if (!withFigures.length) return
  await sql.execute(
    `INSERT INTO "meta_publication_insight" ("id", "publication_id", "day", "metrics", "created_at", "updated_at")
     SELECT 'metapins_' || replace(gen_random_uuid()::text, '-', ''), r."publication_id", r."day", r."metrics", now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS r("publication_id" text, "day" text, "metrics" jsonb)
     ON CONFLICT ("publication_id", "day") WHERE "deleted_at" IS NULL
     DO UPDATE SET "metrics" = EXCLUDED."metrics", "updated_at" = now()`,
    [JSON.stringify(withFigures)]
  )
}

/** Writes the days an account refresh read, and when (and why not) the account was refreshed. */
export async function saveAccountInsights(
  sql: SqlExecutor,
  input: { accountId: string; days: AccountInsightWrite[]; unavailableReason: string | null; followersCount: number | null }
): Promise<void> {
  if (input.days.length) {
    await sql.execute(
      `INSERT INTO "meta_account_insight" ("id", "account_id", "day", "followers_count", "metrics", "online_followers", "created_at", "updated_at")
       SELECT 'metaains_' || replace(gen_random_uuid()::text, '-', ''), r."account_id", r."day", r."followers_count", r."metrics",
              r."online_followers", now(), now()
         FROM jsonb_to_recordset(?::jsonb)
           AS r("account_id" text, "day" text, "followers_count" integer, "metrics" jsonb, "online_followers" jsonb)
       ON CONFLICT ("account_id", "day") WHERE "deleted_at" IS NULL
       DO UPDATE SET "metrics" = "meta_account_insight"."metrics" || EXCLUDED."metrics",
                     "followers_count" = COALESCE(EXCLUDED."followers_count", "meta_account_insight"."followers_count"),
                     "online_followers" = COALESCE(EXCLUDED."online_followers", "meta_account_insight"."online_followers"),
                     "updated_at" = now()`,
      [JSON.stringify(input.days)]
    )
  }
  await sql.execute(
    `UPDATE "meta_publishing_account"
        SET "insights_unavailable_reason" = ?,
            "followers_count" = COALESCE(?, "followers_count"), "updated_at" = now()
      WHERE "id" = ?`,
    [input.unavailableReason, input.followersCount, input.accountId]
  )
}

/**
 * Attributes an order to a publication, once: a second call for the same order changes nothing, and an
 * order whose landing names a publication that does not exist (any more) is not attributed.
 */
export async function attributeOrder(sql: SqlExecutor, row: AttributionWrite): Promise<boolean> {
  const inserted = await sql.execute<{ id: string }[]>(
    `INSERT INTO "meta_publication_attribution"
       ("id", "order_id", "cart_id", "publication_id", "currency_code", "total", "raw_total", "placed_at", "created_at", "updated_at")
     SELECT 'metapatt_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, p."id", ?, ?::numeric,
            jsonb_build_object('value', ?::text, 'precision', 20), ?, now(), now()
       FROM "meta_publication" p
      WHERE p."id" = ? AND p."deleted_at" IS NULL
     ON CONFLICT ("order_id") WHERE "deleted_at" IS NULL DO NOTHING
     RETURNING "id"`,
    [row.order_id, row.cart_id, row.currency_code.toLowerCase(), row.total, row.total, row.placed_at, row.publication_id]
  )
  return inserted.length === 1
}

/** Orders and revenue per publication and currency (exact: summed as numeric in PostgreSQL). */
export async function attributionTotals(
  sql: SqlExecutor,
  input: { publicationIds?: string[]; accountId?: string; from?: Date; to?: Date }
): Promise<AttributionTotal[]> {
  const where: string[] = [`t."deleted_at" IS NULL`]
  const params: unknown[] = []
  if (input.publicationIds) {
    if (!input.publicationIds.length) return []
    where.push(`t."publication_id" = ANY(?::text[])`)
    params.push(input.publicationIds)
  }
  if (input.accountId) {
    where.push(`p."account_id" = ?`)
    params.push(input.accountId)
  }
  if (input.from) {
    where.push(`t."placed_at" >= ?`)
    params.push(input.from)
  }
  if (input.to) {
    where.push(`t."placed_at" <= ?`)
    params.push(input.to)
  }
  const rows = await sql.execute<{ publication_id: string; currency_code: string; orders: string | number; amount: string }[]>(
    `SELECT t."publication_id", t."currency_code", count(*) AS "orders", sum(t."total")::text AS "amount"
       FROM "meta_publication_attribution" t
       JOIN "meta_publication" p ON p."id" = t."publication_id"
      WHERE ${where.join(" AND ")}
      GROUP BY t."publication_id", t."currency_code"
      ORDER BY t."publication_id", t."currency_code"`,
    params
  )
  return rows.map((r) => ({ ...r, orders: Number(r.orders) }))
}

export type PublicationInsightRow = {
  id: string
  account_id: string
  kind: string
  status: string
  caption: string | null
  permalink: string | null
  published_at: Date | string | null
  metrics: Record<string, number> | null
  insights_refreshed_at: Date | string | null
  insights_unavailable_reason: string | null
}

const PUBLICATION_COLUMNS = `p."id", p."account_id", p."kind", p."status", p."caption", p."permalink", p."published_at", p."metrics",
  p."insights_refreshed_at", p."insights_unavailable_reason"`

export async function publicationInsightRow(sql: SqlExecutor, id: string): Promise<PublicationInsightRow | null> {
  const [row] = await sql.execute<PublicationInsightRow[]>(
    `SELECT ${PUBLICATION_COLUMNS} FROM "meta_publication" p WHERE p."id" = ? AND p."deleted_at" IS NULL`,
    [id]
  )
  return row ?? null
}

export async function publicationInsightHistory(sql: SqlExecutor, id: string) {
  return sql.execute<{ day: string; metrics: Record<string, number> }[]>(
    `SELECT "day", "metrics" FROM "meta_publication_insight" WHERE "publication_id" = ? AND "deleted_at" IS NULL ORDER BY "day"`,
    [id]
  )
}

/** The account's publications published in the range, with their latest figures. */
export async function publishedInRange(sql: SqlExecutor, input: { accountId: string; from: Date; to: Date }) {
  return sql.execute<PublicationInsightRow[]>(
    `SELECT ${PUBLICATION_COLUMNS} FROM "meta_publication" p
      WHERE p."account_id" = ? AND p."deleted_at" IS NULL AND p."status" = 'published'
        AND p."published_at" >= ? AND p."published_at" <= ?
      ORDER BY p."published_at" DESC`,
    [input.accountId, input.from, input.to]
  )
}

export async function accountInsightDays(sql: SqlExecutor, input: { accountId: string; fromDay: string; toDay: string }) {
  return sql.execute<{ day: string; followers_count: number | null; metrics: Record<string, number>; online_followers: (number | null)[] | null }[]>(
    `SELECT "day", "followers_count", "metrics", "online_followers" FROM "meta_account_insight"
      WHERE "account_id" = ? AND "deleted_at" IS NULL AND "day" >= ? AND "day" <= ?
      ORDER BY "day"`,
    [input.accountId, input.fromDay, input.toDay]
  )
}

export type AccountPostWrite = { meta_id: string; published_at: string; engagement: number }

/** Upserts the account's posts as Meta listed them (engagement grows, so a re-read replaces it). */
export async function saveAccountPosts(sql: SqlExecutor, accountId: string, posts: AccountPostWrite[]): Promise<void> {
  if (!posts.length) return
  await sql.execute(
    `INSERT INTO "meta_account_post" ("id", "account_id", "meta_id", "published_at", "engagement", "created_at", "updated_at")
     SELECT 'metaapost_' || replace(gen_random_uuid()::text, '-', ''), ?, r."meta_id", r."published_at", r."engagement", now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS r("meta_id" text, "published_at" timestamptz, "engagement" integer)
     ON CONFLICT ("account_id", "meta_id") WHERE "deleted_at" IS NULL
     DO UPDATE SET "engagement" = EXCLUDED."engagement", "published_at" = EXCLUDED."published_at", "updated_at" = now()`,
    [accountId, JSON.stringify(posts)]
  )
}

/** The newest post time known for the account (a refresh lists back to it, or two years the first time). */
export async function newestAccountPost(sql: SqlExecutor, accountId: string): Promise<Date | null> {
  const [row] = await sql.execute<{ newest: Date | string | null }[]>(
    `SELECT max("published_at") AS "newest" FROM "meta_account_post" WHERE "account_id" = ? AND "deleted_at" IS NULL`,
    [accountId]
  )
  return row?.newest ? new Date(row.newest) : null
}

/**
 * What the best-time ranking learns from: the account's posts (time, engagement) and, for posts the plugin
 * published, their reach — read as narrow columns so two years of posts stay one cheap statement.
 */
export async function postHistory(sql: SqlExecutor, accountId: string) {
  return sql.execute<{ published_at: Date | string; engagement: number | null; reach: number | null }[]>(
    `SELECT ap."published_at", ap."engagement", (p."metrics"->>'reach')::numeric AS "reach"
       FROM "meta_account_post" ap
       LEFT JOIN "meta_publication" p ON p."meta_post_id" = ap."meta_id" AND p."deleted_at" IS NULL
      WHERE ap."account_id" = ? AND ap."deleted_at" IS NULL`,
    [accountId]
  )
}
