import type { MetaWebhookEvent, MetaWebhookEventStatus } from "../../../../types/http/webhooks"

type DateLike = Date | string | null

type WebhookEventRow = {
  id: string
  object: string
  field: string
  entry_id: string
  entry_time: DateLike
  idempotency_key: string
  payload: unknown
  status: MetaWebhookEventStatus
  outcome: string | null
  attempts: number
  last_error: string | null
  next_attempt_at: DateLike
  processed_at: DateLike
  created_at: Date | string
  updated_at: Date | string
  deleted_at: DateLike
}

const iso = (value: DateLike) => (value ? new Date(value).toISOString() : null)

/** A logged webhook change for the admin: every column of the row, times as ISO strings. */
export function presentWebhookEvent(row: WebhookEventRow): MetaWebhookEvent {
  return {
    id: row.id,
    object: row.object,
    field: row.field,
    entry_id: row.entry_id,
    entry_time: iso(row.entry_time),
    idempotency_key: row.idempotency_key,
    payload: row.payload,
    status: row.status,
    outcome: row.outcome,
    attempts: row.attempts,
    last_error: row.last_error,
    next_attempt_at: iso(row.next_attempt_at),
    processed_at: iso(row.processed_at),
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    deleted_at: iso(row.deleted_at),
  }
}
