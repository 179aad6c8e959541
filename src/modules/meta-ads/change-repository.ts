import type { SqlExecutor } from "../meta/sql-executor"

/**
 * The audit log's set-based writes for a batch of changes (a rule evaluation's Graph batch): recorded
 * before they are sent, finished from Meta's answer, each in one statement whatever the batch's size.
 */

export type ChangeObjectType = "campaign" | "ad_set" | "ad"

export type NewChangeRow = {
  object_type: ChangeObjectType
  object_meta_id: string
  actor: string
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  request: { method: string; path: string; params: Record<string, unknown> }
  idempotency_key: string
}

export type BegunChange = { id: string; status: string; created: boolean; idempotency_key: string }

/**
 * Records the changes (pending) unless their idempotency key is already in the log: those come back as
 * they are (`created: false`), in the input's order.
 */
export async function beginChanges(sql: SqlExecutor, rows: NewChangeRow[]): Promise<BegunChange[]> {
  if (!rows.length) return []
  const inserted = await sql.execute<{ id: string; status: string; idempotency_key: string }[]>(
    `INSERT INTO "meta_ad_change" ("id", "object_type", "object_meta_id", "actor", "action", "before", "after", "request", "status",
       "idempotency_key", "created_at", "updated_at")
     SELECT 'metaadchg_' || replace(gen_random_uuid()::text, '-', ''), r."object_type", r."object_meta_id", r."actor", r."action",
            r."before", r."after", r."request", 'pending', r."idempotency_key", now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS r("object_type" text, "object_meta_id" text, "actor" text, "action" text, "before" jsonb,
            "after" jsonb, "request" jsonb, "idempotency_key" text)
     ON CONFLICT ("idempotency_key") WHERE "deleted_at" IS NULL AND "idempotency_key" IS NOT NULL DO NOTHING
     RETURNING "id", "status", "idempotency_key"`,
    [JSON.stringify(rows)]
  )
  const created = new Map(inserted.map((row) => [row.idempotency_key, row]))
  const missing = rows.map((r) => r.idempotency_key).filter((key) => !created.has(key))
  const existing = missing.length
    ? await sql.execute<{ id: string; status: string; idempotency_key: string }[]>(
        `SELECT "id", "status", "idempotency_key" FROM "meta_ad_change" WHERE "idempotency_key" = ANY(?::text[]) AND "deleted_at" IS NULL`,
        [missing]
      )
    : []
  const found = new Map(existing.map((row) => [row.idempotency_key, row]))
  return rows.map((r) => {
    const mine = created.get(r.idempotency_key)
    if (mine) return { ...mine, created: true }
    const theirs = found.get(r.idempotency_key)
    if (!theirs) throw new Error(`meta_ad_change ${r.idempotency_key} was neither recorded nor found`)
    return { ...theirs, created: false }
  })
}

export type FinishedChange = {
  id: string
  object_type: ChangeObjectType
  object_meta_id: string
  applied: boolean
  error: string | null
  /** What the applied write changed, written into the mirror at once (status, budgets). */
  values: Record<string, string | null> | null
}

const MIRROR: Record<ChangeObjectType, { table: string; columns: string[] }> = {
  campaign: { table: "meta_campaign", columns: ["status", "effective_status", "daily_budget", "lifetime_budget"] },
  ad_set: { table: "meta_ad_set", columns: ["status", "effective_status", "daily_budget", "lifetime_budget"] },
  // An ad has no budget of its own; a rule's "after" still says daily_budget: null for it.
  ad: { table: "meta_ad", columns: ["status", "effective_status"] },
}

/** Marks the changes applied or failed (with Meta's reason) and writes the applied values into the mirror. */
export async function finishChanges(sql: SqlExecutor, rows: FinishedChange[]): Promise<void> {
  if (!rows.length) return
  await sql.execute(
    `UPDATE "meta_ad_change" c SET "status" = CASE WHEN r."applied" THEN 'applied' ELSE 'failed' END, "error" = r."error",
            "applied_at" = CASE WHEN r."applied" THEN now() ELSE NULL END, "updated_at" = now()
       FROM jsonb_to_recordset(?::jsonb) AS r("id" text, "applied" boolean, "error" text)
      WHERE c."id" = r."id"`,
    [JSON.stringify(rows.map((r) => ({ id: r.id, applied: r.applied, error: r.error })))]
  )
  for (const [type, { table, columns }] of Object.entries(MIRROR) as [ChangeObjectType, (typeof MIRROR)[ChangeObjectType]][]) {
    const applied = rows.filter((r) => r.applied && r.values && r.object_type === type)
    if (!applied.length) continue
    // A column is set only where the write named it (a JSON null clears it); the others keep their value.
    // (No jsonb `?` operator: `?` is the statement's placeholder.)
    const sets = columns.map((column) => `"${column}" = CASE WHEN (r."values" -> '${column}') IS NOT NULL THEN r."values" ->> '${column}' ELSE t."${column}" END`)
    await sql.execute(
      `UPDATE "${table}" t SET ${sets.join(", ")}, "updated_at" = now()
         FROM jsonb_to_recordset(?::jsonb) AS r("meta_id" text, "values" jsonb)
        WHERE t."meta_id" = r."meta_id" AND t."deleted_at" IS NULL`,
      [JSON.stringify(applied.map((r) => ({ meta_id: r.object_meta_id, values: r.values })))]
    )
  }
}

/**
 * Pending changes of these actors that Meta did take although its answer was lost: the mirror, listed
 * from Meta after the change was recorded, shows the object with every value the change wrote. They are
 * marked applied, and the decisions that made them count as acted again (cooldowns and daily maximums see
 * them, so a lost budget raise is not raised a second time). Answers the confirmed change ids.
 */
export async function confirmPendingChanges(sql: SqlExecutor, actors: string[]): Promise<string[]> {
  if (!actors.length) return []
  const confirmed = await sql.execute<{ id: string }[]>(
    `WITH p AS (
       SELECT ch."id", ch."created_at", ch."request" -> 'params' AS "params",
              CASE ch."object_type" WHEN 'campaign' THEN to_jsonb(mc) WHEN 'ad_set' THEN to_jsonb(ms) ELSE to_jsonb(ma) END AS "obj"
         FROM "meta_ad_change" ch
         LEFT JOIN "meta_campaign" mc ON ch."object_type" = 'campaign' AND mc."meta_id" = ch."object_meta_id" AND mc."deleted_at" IS NULL
         LEFT JOIN "meta_ad_set" ms ON ch."object_type" = 'ad_set' AND ms."meta_id" = ch."object_meta_id" AND ms."deleted_at" IS NULL
         LEFT JOIN "meta_ad" ma ON ch."object_type" = 'ad' AND ma."meta_id" = ch."object_meta_id" AND ma."deleted_at" IS NULL
        WHERE ch."status" = 'pending' AND ch."deleted_at" IS NULL AND ch."actor" = ANY(?::text[])
     )
     UPDATE "meta_ad_change" c SET "status" = 'applied', "error" = NULL, "applied_at" = now(), "updated_at" = now()
       FROM p
      WHERE c."id" = p."id" AND p."obj" IS NOT NULL AND jsonb_typeof(p."params") = 'object'
        AND (p."obj" ->> 'synced_at')::timestamptz > p."created_at"
        AND NOT EXISTS (SELECT 1 FROM jsonb_each_text(p."params") kv WHERE (p."obj" ->> kv."key") IS DISTINCT FROM kv."value")
     RETURNING c."id"`,
    [actors]
  )
  const ids = confirmed.map((row) => row.id)
  if (ids.length) {
    await sql.execute(
      `UPDATE "meta_ad_rule_decision" SET "acted" = true, "skipped_reason" = NULL,
              "note" = 'Meta took the change: its answer was lost, the next sync of the account showed it', "updated_at" = now()
        WHERE "change_id" = ANY(?::text[]) AND NOT "acted" AND "deleted_at" IS NULL`,
      [ids]
    )
  }
  return ids
}
