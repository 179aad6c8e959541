import type { SqlExecutor } from "../meta/sql-executor"

/**
 * Orders attributed to Meta ads: written once per order, read back as one aggregate of revenue per ad, ad
 * set and campaign, lookback window and currency.
 */

export type AdAttributionWrite = {
  order_id: string
  cart_id: string | null
  source: "landing" | "fbclid"
  /** The ids the landing named (any may be null). */
  ad_meta_id: string | null
  ad_set_meta_id: string | null
  campaign_meta_id: string | null
  currency_code: string
  /** Main unit, exact decimal string. */
  total: string
  placed_at: Date
}

export type AdHierarchy = { ad_meta_id: string | null; ad_set_meta_id: string | null; campaign_meta_id: string | null }

/**
 * The mirrored object the landing's ids name, with its parents: an ad first, else an ad set, else a campaign.
 * Graph ids are unique across object types, so an id given in the wrong parameter (a merchant's
 * `utm_id={{ad.id}}`) still finds its object. Null when the mirror knows none of them.
 */
export async function mirroredHierarchy(sql: SqlExecutor, ids: string[]): Promise<AdHierarchy | null> {
  if (!ids.length) return null
  const [row] = await sql.execute<AdHierarchy[]>(
    `SELECT h."ad_meta_id", h."ad_set_meta_id", h."campaign_meta_id" FROM (
       SELECT a."meta_id" AS "ad_meta_id", s."meta_id" AS "ad_set_meta_id", c."meta_id" AS "campaign_meta_id", 1 AS "rank", a."meta_id" AS "hit"
         FROM "meta_ad" a
         JOIN "meta_ad_set" s ON s."id" = a."ad_set_id"
         JOIN "meta_campaign" c ON c."id" = s."campaign_id"
        WHERE a."deleted_at" IS NULL AND a."meta_id" = ANY(?::text[])
       UNION ALL
       SELECT NULL, s."meta_id", c."meta_id", 2, s."meta_id"
         FROM "meta_ad_set" s
         JOIN "meta_campaign" c ON c."id" = s."campaign_id"
        WHERE s."deleted_at" IS NULL AND s."meta_id" = ANY(?::text[])
       UNION ALL
       SELECT NULL, NULL, c."meta_id", 3, c."meta_id"
         FROM "meta_campaign" c
        WHERE c."deleted_at" IS NULL AND c."meta_id" = ANY(?::text[])
     ) h
     ORDER BY h."rank", array_position(?::text[], h."hit")
     LIMIT 1`,
    [ids, ids, ids, ids]
  )
  return row ?? null
}

/** Writes the attribution unless the order already has one (a second order.placed is a no-op). */
export async function insertAttribution(sql: SqlExecutor, row: AdAttributionWrite): Promise<boolean> {
  const inserted = await sql.execute<{ id: string }[]>(
    `INSERT INTO "meta_ad_attribution"
       ("id", "order_id", "cart_id", "source", "ad_meta_id", "ad_set_meta_id", "campaign_meta_id", "currency_code", "total", "raw_total",
        "placed_at", "created_at", "updated_at")
     VALUES ('metaadatt_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, ?, ?, ?, ?, ?, ?::numeric,
             jsonb_build_object('value', ?::text, 'precision', 20), ?, now(), now())
     ON CONFLICT ("order_id") WHERE "deleted_at" IS NULL DO NOTHING
     RETURNING "id"`,
    [
      row.order_id,
      row.cart_id,
      row.source,
      row.ad_meta_id,
      row.ad_set_meta_id,
      row.campaign_meta_id,
      row.currency_code.toLowerCase(),
      row.total,
      row.total,
      row.placed_at,
    ]
  )
  return inserted.length === 1
}

export type StoreRevenueLevel = "ad" | "ad_set" | "campaign" | "account"

export type StoreRevenueRow = {
  level: StoreRevenueLevel
  /** Meta's id of the ad, ad set or campaign; "" for the account level (every attributed order). */
  meta_id: string
  lookback: string
  currency_code: string
  orders: number
  /** Exact decimal string in the currency's main unit. */
  revenue: string
  /** Account level only: the orders from Meta ads whose ad is unknown (a click id alone). */
  unknown_orders: number
  unknown_revenue: string
}

const DAY_MS = 86_400_000

/**
 * Orders and revenue per object, lookback window and currency in one statement: each attribution counts for
 * its ad, its ad set, its campaign and the account, in every window whose account-zone days hold its
 * placement day. `metaIds` narrows the object levels (the account level is always there).
 */
export async function storeRevenue(
  sql: SqlExecutor,
  input: { timeZone: string; ranges: { lookback: string; since: string; until: string }[]; metaIds?: string[] }
): Promise<StoreRevenueRow[]> {
  if (!input.ranges.length) return []
  // An index-friendly lower bound: the earliest day's midnight anywhere on Earth is after UTC midnight − 1 day.
  const earliest = input.ranges.map((r) => r.since).sort()[0]
  const lowerBound = new Date(Date.parse(`${earliest}T00:00:00Z`) - DAY_MS)
  const params: unknown[] = [JSON.stringify(input.ranges), input.timeZone, lowerBound]
  let narrow = ""
  if (input.metaIds) {
    narrow = `AND (o."level" = 'account' OR o."meta_id" = ANY(?::text[]))`
    params.push(input.metaIds)
  }
  const rows = await sql.execute<(Omit<StoreRevenueRow, "orders" | "unknown_orders"> & { orders: string | number; unknown_orders: string | number })[]>(
    `SELECT o."level", o."meta_id", r."lookback", a."currency_code",
            count(*) AS "orders", sum(a."total")::text AS "revenue",
            count(*) FILTER (WHERE a."ad_meta_id" IS NULL AND a."ad_set_meta_id" IS NULL AND a."campaign_meta_id" IS NULL) AS "unknown_orders",
            COALESCE(sum(a."total") FILTER (WHERE a."ad_meta_id" IS NULL AND a."ad_set_meta_id" IS NULL AND a."campaign_meta_id" IS NULL), 0)::text
              AS "unknown_revenue"
       FROM "meta_ad_attribution" a
       CROSS JOIN LATERAL (VALUES ('ad', a."ad_meta_id"), ('ad_set', a."ad_set_meta_id"), ('campaign', a."campaign_meta_id"), ('account', ''))
            AS o("level", "meta_id")
       JOIN jsonb_to_recordset(?::jsonb) AS r("lookback" text, "since" date, "until" date)
         ON (a."placed_at" AT TIME ZONE ?::text)::date BETWEEN r."since" AND r."until"
      WHERE a."deleted_at" IS NULL AND a."placed_at" >= ? AND o."meta_id" IS NOT NULL ${narrow}
      GROUP BY o."level", o."meta_id", r."lookback", a."currency_code"
      ORDER BY o."level", o."meta_id", r."lookback", a."currency_code"`,
    params
  )
  return rows.map((r) => ({ ...r, orders: Number(r.orders), unknown_orders: Number(r.unknown_orders) }))
}
