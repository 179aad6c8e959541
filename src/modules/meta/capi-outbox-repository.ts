import type { SqlExecutor } from "./sql-executor"

const EVENT = `"meta_capi_event"`
const LIVE = `"deleted_at" IS NULL`
/** Row ids go in as one JSON parameter: a 100,000-row backlog would exceed PostgreSQL's 65,535 bind parameters. */
const IDS = `(SELECT jsonb_array_elements_text(?::jsonb))`

export type ClaimedCapiEvent = {
  id: string
  pixel_id: string
  event_name: string
  event_id: string
  attempts: number
  test_event_code: string | null
  payload: Record<string, unknown>
}

/**
 * Set-based statements for the Conversions API outbox. A backlog after an outage can hold 100,000 rows;
 * the generated per-entity update methods load and write each row, which takes minutes at that size.
 */
export class CapiOutboxRepository {
  constructor(protected readonly db: SqlExecutor) {}

  /**
   * Leases up to `limit` due pending rows (oldest event first) to this run and returns them. Atomic:
   * `FOR UPDATE SKIP LOCKED` lets two flushes (or the immediate sender) never take the same row.
   */
  async claimDue(limit: number, now: Date, leaseUntil: Date): Promise<ClaimedCapiEvent[]> {
    return this.db.execute<ClaimedCapiEvent[]>(
      `UPDATE ${EVENT} SET "next_attempt_at" = ?, "updated_at" = now()
        WHERE "id" IN (
          SELECT "id" FROM ${EVENT}
           WHERE ${LIVE} AND "status" = 'pending' AND "next_attempt_at" <= ?
           ORDER BY "event_time" ASC
           LIMIT ?
           FOR UPDATE SKIP LOCKED)
        RETURNING "id", "pixel_id", "event_name", "event_id", "attempts", "test_event_code", "payload"`,
      [leaseUntil, now, limit]
    )
  }

  async markSent(ids: string[], sentAt: Date, response: Record<string, unknown>): Promise<void> {
    if (!ids.length) return
    await this.db.execute(
      `UPDATE ${EVENT} SET "status" = 'sent', "sent_at" = ?, "next_attempt_at" = NULL, "last_error" = NULL, "last_error_code" = NULL,
              "response" = ?::jsonb, "attempts" = "attempts" + 1, "updated_at" = now()
        WHERE ${LIVE} AND "id" IN ${IDS}`,
      [sentAt, JSON.stringify(response), JSON.stringify(ids)]
    )
  }

  /** `code` is Meta's error code (null when Meta did not answer), so the admin can tell an outage from a refusal. */
  async scheduleRetry(ids: string[], attempts: number, nextAttemptAt: Date, message: string, code: number | null = null): Promise<void> {
    if (!ids.length) return
    await this.db.execute(
      `UPDATE ${EVENT} SET "attempts" = ?, "next_attempt_at" = ?, "last_error" = ?, "last_error_code" = ?, "updated_at" = now()
        WHERE ${LIVE} AND "id" IN ${IDS}`,
      [attempts, nextAttemptAt, message, code, JSON.stringify(ids)]
    )
  }

  async postpone(ids: string[], nextAttemptAt: Date, message: string): Promise<void> {
    if (!ids.length) return
    await this.db.execute(
      `UPDATE ${EVENT} SET "next_attempt_at" = ?, "last_error" = ?, "last_error_code" = NULL, "updated_at" = now() WHERE ${LIVE} AND "id" IN ${IDS}`,
      [nextAttemptAt, message, JSON.stringify(ids)]
    )
  }

  async markExpired(ids: string[], message: string): Promise<void> {
    if (!ids.length) return
    await this.db.execute(
      `UPDATE ${EVENT} SET "status" = 'expired', "next_attempt_at" = NULL, "last_error" = ?, "last_error_code" = NULL, "updated_at" = now()
        WHERE ${LIVE} AND "id" IN ${IDS}`,
      [message, JSON.stringify(ids)]
    )
  }
}
