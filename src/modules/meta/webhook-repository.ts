import { generateEntityId } from "@medusajs/framework/utils"
import type { SqlExecutor } from "./sql-executor"

export type WebhookChangeRow = {
  object: string
  field: string
  entry_id: string
  entry_time: Date | null
  idempotency_key: string
  payload: unknown
}

/**
 * Writes a delivery's changes in one statement. `ON CONFLICT DO NOTHING` on the idempotency key makes a
 * redelivery — even one racing the first delivery on another connection — store nothing new, without
 * a failed statement. Returns the ids of the rows that are new (those still need processing).
 */
export async function insertWebhookChanges(db: SqlExecutor, rows: WebhookChangeRow[]): Promise<string[]> {
  if (!rows.length) return []
  const values: string[] = []
  const params: unknown[] = []
  for (const row of rows) {
    values.push("(?, ?, ?, ?, ?, ?, ?::jsonb, 'received', 0, now(), now())")
    params.push(
      generateEntityId(undefined, "metawhe"),
      row.object,
      row.field,
      row.entry_id,
      row.entry_time,
      row.idempotency_key,
      JSON.stringify(row.payload ?? null)
    )
  }
  const inserted = await db.execute<{ id: string }[]>(
    `INSERT INTO "meta_webhook_event"
       ("id", "object", "field", "entry_id", "entry_time", "idempotency_key", "payload", "status", "attempts", "created_at", "updated_at")
     VALUES ${values.join(", ")}
     ON CONFLICT ("idempotency_key") WHERE "deleted_at" IS NULL DO NOTHING
     RETURNING "id"`,
    params
  )
  return inserted.map((row) => row.id)
}

export type ClaimedWebhookEvent = {
  id: string
  object: string
  field: string
  entry_id: string
  entry_time: Date | null
  payload: unknown
  attempts: number
}

/**
 * Claims one change for processing: only one worker (the subscriber, the retry job or an admin retry)
 * can move it to "processing", so a change is acted on once even when they race. A change stuck in
 * "processing" longer than `staleMs` (its process died) can be claimed again.
 */
export async function claimWebhookEvent(
  db: SqlExecutor,
  id: string,
  options: { staleMs: number; force?: boolean }
): Promise<ClaimedWebhookEvent | null> {
  const [row] = await db.execute<ClaimedWebhookEvent[]>(
    `UPDATE "meta_webhook_event"
        SET "status" = 'processing', "attempts" = "attempts" + 1, "updated_at" = now()
      WHERE "id" = ? AND "deleted_at" IS NULL
        AND ("status" IN ('received', 'failed')
             OR ("status" = 'processing' AND "updated_at" < now() - (? * interval '1 millisecond')))
        AND (? OR "status" <> 'failed' OR "next_attempt_at" IS NULL OR "next_attempt_at" <= now())
      RETURNING "id", "object", "field", "entry_id", "entry_time", "payload", "attempts"`,
    [id, options.staleMs, options.force === true]
  )
  return row ?? null
}

/** Ids of changes due for (another) attempt: never processed, failed and due, or stuck. */
export async function listDueWebhookEvents(
  db: SqlExecutor,
  options: { limit: number; staleMs: number; receivedBeforeMs: number }
): Promise<string[]> {
  const rows = await db.execute<{ id: string }[]>(
    `SELECT "id" FROM "meta_webhook_event"
      WHERE "deleted_at" IS NULL AND (
            ("status" = 'received' AND "created_at" < now() - (? * interval '1 millisecond'))
         OR ("status" = 'failed' AND "next_attempt_at" IS NOT NULL AND "next_attempt_at" <= now())
         OR ("status" = 'processing' AND "updated_at" < now() - (? * interval '1 millisecond')))
      ORDER BY "created_at" ASC
      LIMIT ?`,
    [options.receivedBeforeMs, options.staleMs, options.limit]
  )
  return rows.map((row) => row.id)
}
