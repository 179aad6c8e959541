import type { SqlExecutor } from "../meta/sql-executor"

/**
 * The safety net's statements: the mirrored history of Meta's own rules written once per entry, and the
 * account's recent runs read with the guard each came from.
 */

export type NativeRuleRunRow = {
  rule_id: string
  meta_rule_id: string
  ran_at: Date
  is_manual: boolean
  results: unknown[]
  object_ids: string[]
  exception_code: number | null
  exception_message: string | null
}

export type NativeRuleRunRead = Omit<NativeRuleRunRow, "ran_at"> & { id: string; kind: string; ran_at: Date | string }

/** Inserts the runs not mirrored yet in one statement; (meta rule, time) already there is left as it is. Returns how many were new. */
export async function insertRuns(sql: SqlExecutor, rows: NativeRuleRunRow[]): Promise<number> {
  if (!rows.length) return 0
  const inserted = await sql.execute<{ id: string }[]>(
    `INSERT INTO "meta_ad_native_rule_run" ("id", "rule_id", "meta_rule_id", "ran_at", "is_manual", "results", "object_ids", "exception_code",
       "exception_message", "created_at", "updated_at")
     SELECT 'metaadnrr_' || replace(gen_random_uuid()::text, '-', ''), r."rule_id", r."meta_rule_id", r."ran_at", r."is_manual", r."results",
            ARRAY(SELECT jsonb_array_elements_text(r."object_ids")), r."exception_code", r."exception_message", now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS r("rule_id" text, "meta_rule_id" text, "ran_at" timestamptz, "is_manual" boolean, "results" jsonb,
            "object_ids" jsonb, "exception_code" integer, "exception_message" text)
     ON CONFLICT ("meta_rule_id", "ran_at") WHERE "deleted_at" IS NULL DO NOTHING
     RETURNING "id"`,
    [JSON.stringify(rows.map((row) => ({ ...row, ran_at: row.ran_at.toISOString() })))]
  )
  return inserted.length
}

/** The newest mirrored run of a Meta rule (history pages are read newest first, down to it). */
export async function newestRunAt(sql: SqlExecutor, metaRuleId: string): Promise<Date | null> {
  const [row] = await sql.execute<{ ran_at: Date | string | null }[]>(
    `SELECT max("ran_at") AS "ran_at" FROM "meta_ad_native_rule_run" WHERE "meta_rule_id" = ? AND "deleted_at" IS NULL`,
    [metaRuleId]
  )
  return row?.ran_at ? new Date(row.ran_at) : null
}

/** The ad account's runs, newest first, with the guard (kind) of the rule each came from — removed rules' too. */
export async function recentRuns(sql: SqlExecutor, adAccountMetaId: string, limit: number): Promise<NativeRuleRunRead[]> {
  return sql.execute<NativeRuleRunRead[]>(
    `SELECT run."id", run."rule_id", run."meta_rule_id", run."ran_at", run."is_manual", run."results", run."object_ids", run."exception_code",
            run."exception_message", rule."kind"
       FROM "meta_ad_native_rule_run" run
       JOIN "meta_ad_native_rule" rule ON rule."id" = run."rule_id"
      WHERE rule."ad_account_meta_id" = ? AND run."deleted_at" IS NULL
      ORDER BY run."ran_at" DESC, run."id"
      LIMIT ?`,
    [adAccountMetaId, limit]
  )
}
