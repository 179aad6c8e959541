import type { SqlExecutor } from "../meta/sql-executor"

/**
 * The publishing module's reads for the admin's calendar and list, straight from PostgreSQL: one
 * statement for the page and its count, the columns the API answers with and no more (no lease internals,
 * no insights figures), as plain rows rather than hydrated entities — a month of 1,000 publications is
 * read on every calendar view.
 */

/** The columns `presentPublication` answers with. */
export const LISTED_COLUMNS = [
  "id",
  "account_id",
  "kind",
  "status",
  "caption",
  "media",
  "product_ids",
  "product_tags",
  "link_url",
  "first_comment",
  "first_comment_id",
  "scheduled_at",
  "published_at",
  "container_id",
  "meta_post_id",
  "permalink",
  "attempts",
  "next_attempt_at",
  "last_error",
  "publish_warnings",
  "created_at",
  "updated_at",
] as const

export type ListedPublicationRow = Record<(typeof LISTED_COLUMNS)[number], unknown> & { id: string }

const TIMESTAMP_COLUMNS = new Set(["scheduled_at", "published_at", "next_attempt_at", "created_at", "updated_at"])

/**
 * The columns as selected: timestamps as the API writes them (UTC, ISO 8601 with milliseconds, as
 * Date#toISOString does), formatted by PostgreSQL rather than parsed into Dates and formatted again for
 * each of a month's rows.
 */
const selectList = (from = "") =>
  LISTED_COLUMNS.map((c) =>
    TIMESTAMP_COLUMNS.has(c) ? `to_char(${from}"${c}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "${c}"` : `${from}"${c}"`
  ).join(", ")

export type PublicationListFilters = {
  status?: string
  account_id?: string
  product_id?: string
  /** A publication is in the range when its scheduled or its published time is. */
  from?: Date
  to?: Date
  limit: number
  offset: number
}

function whereClause(filters: PublicationListFilters): { sql: string; params: unknown[] } {
  const where = [`"deleted_at" IS NULL`]
  const params: unknown[] = []
  if (filters.status) {
    where.push(`"status" = ?`)
    params.push(filters.status)
  }
  if (filters.account_id) {
    where.push(`"account_id" = ?`)
    params.push(filters.account_id)
  }
  if (filters.product_id) {
    where.push(`"product_ids" @> ARRAY[?]::text[]`)
    params.push(filters.product_id)
  }
  if (filters.from || filters.to) {
    const range = (column: string) => {
      const bounds: string[] = []
      if (filters.from) {
        bounds.push(`"${column}" >= ?`)
        params.push(filters.from)
      }
      if (filters.to) {
        bounds.push(`"${column}" <= ?`)
        params.push(filters.to)
      }
      return `(${bounds.join(" AND ")})`
    }
    where.push(`(${range("scheduled_at")} OR ${range("published_at")})`)
  }
  return { sql: where.join(" AND "), params }
}

/** Qualified, so that it sorts by the timestamps and not by the formatted columns of the same names. */
const order = (table: string) => `"${table}"."scheduled_at" ASC, "${table}"."created_at" DESC, "${table}"."id" ASC`

/**
 * A page of publications, soonest first (drafts, which have no time, last; newest draft first), and how
 * many match in all.
 * - With a time range (the calendar), the matching rows are gathered first (MATERIALIZED: the scheduled_at
 *   and published_at indexes in a BitmapOr — an ordered index scan that filters the whole history would
 *   otherwise look cheaper to the planner under the LIMIT), then sorted and counted in the same statement.
 * - Without one (the list, a page of 20 out of the whole history), the page comes from the scheduled_at
 *   index and the count from its own statement, side by side.
 */
export async function listPublications(
  sql: SqlExecutor,
  filters: PublicationListFilters
): Promise<{ rows: ListedPublicationRow[]; count: number }> {
  const where = whereClause(filters)
  const countAll = async () => {
    const [counted] = await sql.execute<{ n: string | number }[]>(
      `SELECT count(*) AS "n" FROM "meta_publication" WHERE ${where.sql}`,
      where.params
    )
    return Number(counted?.n ?? 0)
  }
  if (!filters.from && !filters.to) {
    const [rows, count] = await Promise.all([
      sql.execute<ListedPublicationRow[]>(
        `SELECT ${selectList()} FROM "meta_publication" WHERE ${where.sql} ORDER BY ${order("meta_publication")} LIMIT ? OFFSET ?`,
        [...where.params, filters.limit, filters.offset]
      ),
      countAll(),
    ])
    return { rows, count }
  }
  const rows = await sql.execute<(ListedPublicationRow & { total_count: string | number })[]>(
    `WITH "matching" AS MATERIALIZED (SELECT ${LISTED_COLUMNS.map((c) => `"${c}"`).join(", ")} FROM "meta_publication" WHERE ${where.sql}),
          "page" AS (SELECT *, count(*) OVER () AS "total_count" FROM "matching" ORDER BY ${order("matching")} LIMIT ? OFFSET ?)
     SELECT ${selectList(`"page".`)}, "page"."total_count" FROM "page" ORDER BY ${order("page")}`,
    [...where.params, filters.limit, filters.offset]
  )
  // Each row carries the count too; the presenter reads only the listed columns.
  if (rows.length) return { rows, count: Number(rows[0].total_count) }
  return { rows: [], count: filters.offset === 0 ? 0 : await countAll() }
}
