import type { SqlExecutor } from "../meta/sql-executor"

/**
 * The overview's and the ROI report's reads of the ads mirror, the rule decisions and the orders attributed to
 * ads: set-based statements whose answers are small whatever the account's size (campaigns, not ads; days, not
 * orders).
 */

export type OverviewCampaignRow = { meta_id: string; name: string; status: string; effective_status: string; insights: Record<string, unknown> | null }

/** The account's mirrored campaigns with their performance per range (what the Campaigns page lists). */
export async function accountCampaigns(sql: SqlExecutor, adAccountMetaId: string): Promise<OverviewCampaignRow[]> {
  return sql.execute<OverviewCampaignRow[]>(
    `SELECT c."meta_id", c."name", c."status", c."effective_status", c."insights"
       FROM "meta_campaign" c JOIN "meta_ad_account" a ON a."id" = c."ad_account_id" AND a."deleted_at" IS NULL
      WHERE a."meta_id" = ? AND c."deleted_at" IS NULL
      ORDER BY c."name", c."meta_id"`,
    [adAccountMetaId]
  )
}

/** Rule decisions evaluated in [from, to): all of them, and those that changed something. */
export async function decisionCounts(sql: SqlExecutor, input: { from: Date; to: Date }): Promise<{ decisions: number; acted: number }> {
  const [row] = await sql.execute<{ decisions: string | number; acted: string | number }[]>(
    `SELECT count(*) AS "decisions", count(*) FILTER (WHERE "acted") AS "acted"
       FROM "meta_ad_rule_decision" WHERE "deleted_at" IS NULL AND "evaluated_at" >= ? AND "evaluated_at" < ?`,
    [input.from, input.to]
  )
  return { decisions: Number(row?.decisions ?? 0), acted: Number(row?.acted ?? 0) }
}

export type RuleActionRow = { evaluation_id: string; rule_id: string; rule_name: string; changes: number; evaluated_at: Date }

/** Evaluations since `since` in which a rule changed something for real (not a dry run), one row each. */
export async function ruleActions(sql: SqlExecutor, since: Date): Promise<RuleActionRow[]> {
  const rows = await sql.execute<(Omit<RuleActionRow, "changes"> & { changes: string | number })[]>(
    `SELECT d."evaluation_id", d."rule_id", r."name" AS "rule_name", count(*) AS "changes", max(d."evaluated_at") AS "evaluated_at"
       FROM "meta_ad_rule_decision" d JOIN "meta_ad_rule" r ON r."id" = d."rule_id"
      WHERE d."deleted_at" IS NULL AND d."acted" AND NOT d."dry_run" AND d."evaluated_at" >= ?
      GROUP BY d."evaluation_id", d."rule_id", r."name"
      ORDER BY max(d."evaluated_at") DESC
      LIMIT 50`,
    [since]
  )
  return rows.map((r) => ({ ...r, changes: Number(r.changes) }))
}

/** The Medusa products the account's delivering ads show, with how many ads show each. */
export async function advertisedProducts(sql: SqlExecutor, adAccountMetaId: string): Promise<{ product_id: string; ads: number }[]> {
  const rows = await sql.execute<{ product_id: string; ads: string | number }[]>(
    `SELECT p."product_id", count(DISTINCT ad."id") AS "ads"
       FROM "meta_ad" ad
       JOIN "meta_ad_set" s ON s."id" = ad."ad_set_id" AND s."deleted_at" IS NULL
       JOIN "meta_campaign" c ON c."id" = s."campaign_id" AND c."deleted_at" IS NULL
       JOIN "meta_ad_account" a ON a."id" = c."ad_account_id" AND a."deleted_at" IS NULL
       CROSS JOIN LATERAL unnest(ad."product_ids") AS p("product_id")
      WHERE a."meta_id" = ? AND ad."deleted_at" IS NULL AND ad."effective_status" = 'ACTIVE'
      GROUP BY p."product_id"`,
    [adAccountMetaId]
  )
  return rows.map((r) => ({ product_id: r.product_id, ads: Number(r.ads) }))
}

export type AdRevenueDayRow = { day: string; currency: string; orders: number; revenue: string }

/**
 * Every order attributed to a Meta ad (the ad named or not, as the Campaigns page's account totals count them)
 * per day of `timeZone` and currency, placed in [start, end); exact sums.
 */
export async function adAttributionsByDay(sql: SqlExecutor, input: { start: Date; end: Date; timeZone: string }): Promise<AdRevenueDayRow[]> {
  const rows = await sql.execute<(Omit<AdRevenueDayRow, "orders"> & { orders: string | number })[]>(
    `SELECT to_char("placed_at" AT TIME ZONE ?::text, 'YYYY-MM-DD') AS "day", lower("currency_code") AS "currency",
            count(*) AS "orders", sum("total")::text AS "revenue"
       FROM "meta_ad_attribution"
      WHERE "deleted_at" IS NULL AND "placed_at" >= ? AND "placed_at" < ?
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [input.timeZone, input.start, input.end]
  )
  return rows.map((r) => ({ ...r, orders: Number(r.orders) }))
}
