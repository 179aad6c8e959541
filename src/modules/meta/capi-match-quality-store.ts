import { MATCH_KEYS, type UserDataKeyGroup } from "../../lib/capi"
import type { SqlExecutor } from "./sql-executor"

export type CapiEventFilters = { status?: string; event_name?: string; subject_id?: string }

/**
 * Counts the outbox events matching the admin's filters per set of user_data keys they carried, in one
 * statement: the answer has one row per distinct key set (only Meta's 15 user_data keys count; a few
 * dozen sets in practice) whatever the number of events, so no event row leaves the database. A key
 * counts as in `presentUserDataKeys`: one of MATCH_KEYS holding a non-empty array or a non-empty string.
 */
export async function countCapiEventsByUserDataKeys(db: SqlExecutor, filters: CapiEventFilters): Promise<UserDataKeyGroup[]> {
  const where = [`"deleted_at" IS NULL`]
  const params: unknown[] = [JSON.stringify(MATCH_KEYS)]
  for (const column of ["status", "event_name", "subject_id"] as const) {
    // An empty filter selects everything, as in the events list.
    if (!filters[column]) continue
    where.push(`"${column}" = ?`)
    params.push(filters[column])
  }
  const rows = await db.execute<{ keys: string[] | null; events: string | number }[]>(
    `SELECT "keys", count(*) AS "events"
       FROM (SELECT ARRAY(
                      SELECT "entry"."key"
                        FROM jsonb_each(CASE WHEN jsonb_typeof("payload"->'user_data') = 'object'
                                             THEN "payload"->'user_data' ELSE '{}'::jsonb END) AS "entry"
                       WHERE "entry"."key" IN (SELECT jsonb_array_elements_text(?::jsonb))
                         AND ((jsonb_typeof("entry"."value") = 'array' AND jsonb_array_length("entry"."value") > 0)
                           OR (jsonb_typeof("entry"."value") = 'string' AND "entry"."value" #>> '{}' <> ''))
                       ORDER BY "entry"."key" COLLATE "C") AS "keys"
               FROM "meta_capi_event"
              WHERE ${where.join(" AND ")}) AS "event_keys"
      GROUP BY "keys"`,
    params
  )
  return rows.map((row) => ({ keys: row.keys ?? [], events: Number(row.events) }))
}
