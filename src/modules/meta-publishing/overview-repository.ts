import type { SqlExecutor } from "../meta/sql-executor"

/**
 * The overview's reads of publications and their attributed orders. A publication is "in" a period as in the
 * publications list (src/modules/meta-publishing/publications-repository.ts): its scheduled or its published time
 * falls between the bounds, both included, so each count equals what that list reports for the same filters.
 */

export type PeriodBounds = { from: Date; to: Date }

export type PublicationCounts = {
  scheduled_today: number
  scheduled_this_week: number
  published_today: number
  published_this_week: number
  failed: number
  total: number
}

const n = (v: unknown) => Number(v ?? 0)

export async function publicationCounts(sql: SqlExecutor, input: { today: PeriodBounds; week: PeriodBounds }): Promise<PublicationCounts> {
  const inPeriod = `(("scheduled_at" >= ? AND "scheduled_at" <= ?) OR ("published_at" >= ? AND "published_at" <= ?))`
  const bounds = (p: PeriodBounds) => [p.from, p.to, p.from, p.to]
  const [row] = await sql.execute<Record<string, unknown>[]>(
    `SELECT count(*) FILTER (WHERE "status" = 'scheduled' AND ${inPeriod}) AS "scheduled_today",
            count(*) FILTER (WHERE "status" = 'scheduled' AND ${inPeriod}) AS "scheduled_this_week",
            count(*) FILTER (WHERE "status" = 'published' AND ${inPeriod}) AS "published_today",
            count(*) FILTER (WHERE "status" = 'published' AND ${inPeriod}) AS "published_this_week",
            count(*) FILTER (WHERE "status" = 'failed') AS "failed",
            count(*) AS "total"
       FROM "meta_publication" WHERE "deleted_at" IS NULL`,
    [...bounds(input.today), ...bounds(input.week), ...bounds(input.today), ...bounds(input.week)]
  )
  return {
    scheduled_today: n(row?.scheduled_today),
    scheduled_this_week: n(row?.scheduled_this_week),
    published_today: n(row?.published_today),
    published_this_week: n(row?.published_this_week),
    failed: n(row?.failed),
    total: n(row?.total),
  }
}

export type FailedPublicationRow = {
  id: string
  kind: string
  caption: string | null
  last_error: { message?: string | null; hint?: string | null } | null
  attempts: number
  failed_at: Date
}

/** The newest failed publications (last touched since `since`), for the overview's list and the alerts. */
export async function failedPublications(sql: SqlExecutor, input: { limit: number; since?: Date }): Promise<FailedPublicationRow[]> {
  return sql.execute<FailedPublicationRow[]>(
    `SELECT "id", "kind", "caption", "last_error", "attempts", "updated_at" AS "failed_at" FROM "meta_publication"
      WHERE "deleted_at" IS NULL AND "status" = 'failed' ${input.since ? `AND "updated_at" >= ?` : ""}
      ORDER BY "updated_at" DESC, "id" LIMIT ?`,
    input.since ? [input.since, input.limit] : [input.limit]
  )
}

export type RevenueDayRow = { day: string; currency: string; orders: number; revenue: string }

/** Orders attributed to publications per day of `timeZone` and currency, placed in [start, end) (exact sums). */
export async function attributionsByDay(sql: SqlExecutor, input: { start: Date; end: Date; timeZone: string }): Promise<RevenueDayRow[]> {
  const rows = await sql.execute<(Omit<RevenueDayRow, "orders"> & { orders: string | number })[]>(
    `SELECT to_char("placed_at" AT TIME ZONE ?::text, 'YYYY-MM-DD') AS "day", lower("currency_code") AS "currency",
            count(*) AS "orders", sum("total")::text AS "revenue"
       FROM "meta_publication_attribution"
      WHERE "deleted_at" IS NULL AND "placed_at" >= ? AND "placed_at" < ?
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [input.timeZone, input.start, input.end]
  )
  return rows.map((r) => ({ ...r, orders: Number(r.orders) }))
}
