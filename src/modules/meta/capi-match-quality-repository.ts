import { MATCH_KEYS, type UserDataKeyGroup } from "../../lib/capi"
import type { SqlExecutor } from "./sql-executor"

export type CapiEventFilters = { status?: string; event_name?: string; subject_id?: string }

/**
 * Counts the outbox events matching the admin's filters per set of user_data keys they carried, in one
 * statement: the answer has one row per distinct key set (a few dozen in practice) whatever the number of
 * events, so no event row leaves the database. The key set of each event is the generated column
 * `user_data_keys` (migrations/Migration20261203090415.ts: the keys holding a non-empty array or a non-empty
 * string, as in `presentUserDataKeys`, sorted, joined by a space), so the count reads the
 * (status, user_data_keys) index, not 100,000 payloads. Only Meta's 15 user_data keys (MATCH_KEYS) count:
 * sets that differ in other keys only are added up here.
 */
export async function countCapiEventsByUserDataKeys(db: SqlExecutor, filters: CapiEventFilters): Promise<UserDataKeyGroup[]> {
  const where = [`"deleted_at" IS NULL`]
  const params: unknown[] = []
  for (const column of ["status", "event_name", "subject_id"] as const) {
    // An empty filter selects everything, as in the events list.
    if (!filters[column]) continue
    where.push(`"${column}" = ?`)
    params.push(filters[column])
  }
  const rows = await db.execute<{ keys: string | null; events: string | number }[]>(
    `SELECT "user_data_keys" AS "keys", count(*) AS "events" FROM "meta_capi_event" WHERE ${where.join(" AND ")} GROUP BY 1`,
    params
  )
  return userDataKeyGroups(rows)
}

/** Rows of (`user_data_keys`, count) as key groups: Meta's keys only, sets equal on those added up. */
export function userDataKeyGroups(rows: readonly { keys: string | null; events: string | number }[]): UserDataKeyGroup[] {
  const groups = new Map<string, UserDataKeyGroup>()
  for (const row of rows) {
    const keys = (row.keys ?? "").split(" ").filter((key) => MATCH_KEYS.includes(key))
    const id = keys.join(" ")
    groups.set(id, { keys, events: (groups.get(id)?.events ?? 0) + Number(row.events) })
  }
  return [...groups.values()]
}
