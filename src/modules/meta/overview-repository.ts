import type { UserDataKeyGroup } from "../../lib/capi"
import { userDataKeyGroups } from "./capi-match-quality-repository"
import type { SqlExecutor } from "./sql-executor"

/**
 * The overview's figures from the Conversions API outbox and the webhook log, one statement each (an outbox
 * of 100,000 events is counted from its indexes, not listed). The totals count what the events and webhooks logs
 * count for the same status filter.
 */

export type CapiCounts = {
  pending: number
  sent: number
  failed: number
  expired: number
  /** Events whose time is in the period (this week). */
  sent_in_period: number
  failed_in_period: number
  /** Failed or expired, or still retrying after an error, and last touched since `failingSince`. */
  failing_recently: number
  last_error: string | null
  /**
   * The sent events per set of user_data keys — what the events screen's match-quality summary counts for
   * status "sent" (countCapiEventsByUserDataKeys), from the same pass as the totals.
   */
  sent_user_data_keys: UserDataKeyGroup[]
}

export type WebhookCounts = { failed: number; received_in_period: number; failed_in_period: number }

const n = (v: unknown) => Number(v ?? 0)

export async function capiCounts(sql: SqlExecutor, input: { periodStart: Date; periodEnd: Date; failingSince: Date }): Promise<CapiCounts> {
  // Each part reads an index alone, not the payloads of the whole outbox: one pass over (status,
  // user_data_keys) gives the totals per status and the sent events' key sets, (status, event_time) the
  // period counts, (status, updated_at) the failing ones.
  const [row] = await sql.execute<Record<string, unknown>[]>(
    `WITH "key_sets" AS (
       SELECT "status", "user_data_keys", count(*) AS "n" FROM "meta_capi_event" WHERE "deleted_at" IS NULL GROUP BY "status", "user_data_keys"
     ), "per_status" AS (
       SELECT "status", sum("n") AS "n" FROM "key_sets" GROUP BY "status"
     ), "failing" AS (
       SELECT "last_error", "updated_at" FROM "meta_capi_event"
        WHERE "deleted_at" IS NULL AND "status" IN ('failed', 'expired', 'pending') AND "updated_at" >= ?
          AND ("status" <> 'pending' OR "last_error" IS NOT NULL)
     )
     SELECT (SELECT "n" FROM "per_status" WHERE "status" = 'pending') AS "pending",
            (SELECT "n" FROM "per_status" WHERE "status" = 'sent') AS "sent",
            (SELECT "n" FROM "per_status" WHERE "status" = 'failed') AS "failed",
            (SELECT "n" FROM "per_status" WHERE "status" = 'expired') AS "expired",
            (SELECT count(*) FROM "meta_capi_event"
              WHERE "deleted_at" IS NULL AND "status" = 'sent' AND "event_time" >= ? AND "event_time" < ?) AS "sent_in_period",
            (SELECT count(*) FROM "meta_capi_event"
              WHERE "deleted_at" IS NULL AND "status" IN ('failed', 'expired') AND "event_time" >= ? AND "event_time" < ?) AS "failed_in_period",
            (SELECT count(*) FROM "failing") AS "failing_recently",
            (SELECT "last_error" FROM "failing" WHERE "last_error" IS NOT NULL ORDER BY "updated_at" DESC LIMIT 1) AS "last_error",
            (SELECT jsonb_agg(jsonb_build_object('keys', "user_data_keys", 'events', "n")) FROM "key_sets" WHERE "status" = 'sent') AS "sent_user_data_keys"`,
    [input.failingSince, input.periodStart, input.periodEnd, input.periodStart, input.periodEnd]
  )
  return {
    pending: n(row?.pending),
    sent: n(row?.sent),
    failed: n(row?.failed),
    expired: n(row?.expired),
    sent_in_period: n(row?.sent_in_period),
    failed_in_period: n(row?.failed_in_period),
    failing_recently: n(row?.failing_recently),
    last_error: (row?.last_error as string | null) ?? null,
    sent_user_data_keys: userDataKeyGroups((row?.sent_user_data_keys as { keys: string | null; events: number }[] | null) ?? []),
  }
}

export async function webhookCounts(sql: SqlExecutor, input: { periodStart: Date; periodEnd: Date }): Promise<WebhookCounts> {
  const [row] = await sql.execute<Record<string, unknown>[]>(
    `SELECT count(*) FILTER (WHERE "status" = 'failed') AS "failed",
            count(*) FILTER (WHERE "created_at" >= ? AND "created_at" < ?) AS "received_in_period",
            count(*) FILTER (WHERE "status" = 'failed' AND "created_at" >= ? AND "created_at" < ?) AS "failed_in_period"
       FROM "meta_webhook_event" WHERE "deleted_at" IS NULL`,
    [input.periodStart, input.periodEnd, input.periodStart, input.periodEnd]
  )
  return { failed: n(row?.failed), received_in_period: n(row?.received_in_period), failed_in_period: n(row?.failed_in_period) }
}
