import { capiDeliveryProblem, maskIpAddress, matchQualityOf, type CapiConnectionState } from "../../../../lib/capi"
import type { MetaCapiEvent, MetaCapiEventStatus } from "../../../../types/http/events"

type EventRow = {
  id: string
  pixel_id: string
  event_name: string
  event_id: string
  subject_id: string | null
  status: MetaCapiEventStatus
  attempts: number
  next_attempt_at: Date | string | null
  event_time: Date | string
  sent_at: Date | string | null
  replayed_at: Date | string | null
  test_event_code: string | null
  last_error: string | null
  last_error_code: number | null
  payload: Record<string, unknown>
  response: Record<string, unknown> | null
  created_at: Date | string
}

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null)

/** What a row is presented with: the connection as the outbox sees it now, and order numbers by id. */
export type EventContext = {
  connection: CapiConnectionState
  displayIds: ReadonlyMap<string, number>
}

/** Medusa's order ids carry this prefix; other subjects (customers) are not orders. */
export const ORDER_ID_PREFIX = "order_"

/**
 * An outbox row for the admin: the payload as sent (hashes only) with the client IP masked, Meta's
 * answer or error, why it is not at Meta yet, its order, and which user_data keys the event carried.
 */
export function presentMetaEvent(row: EventRow, context: EventContext): MetaCapiEvent {
  const payload = row.payload ?? {}
  const userData = { ...((payload.user_data as Record<string, unknown>) ?? {}) }
  if (typeof userData.client_ip_address === "string") userData.client_ip_address = maskIpAddress(userData.client_ip_address)
  const { match_quality: _stored, ...response } = row.response ?? {}
  return {
    id: row.id,
    pixel_id: row.pixel_id,
    event_name: row.event_name,
    event_id: row.event_id,
    subject_id: row.subject_id,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: iso(row.next_attempt_at),
    event_time: new Date(row.event_time).toISOString(),
    sent_at: iso(row.sent_at),
    replayed_at: iso(row.replayed_at),
    test_event_code: row.test_event_code,
    is_test: !!row.test_event_code,
    error: row.last_error,
    problem: capiDeliveryProblem(row, context.connection),
    order: row.subject_id?.startsWith(ORDER_ID_PREFIX)
      ? { id: row.subject_id, display_id: context.displayIds.get(row.subject_id) ?? null, link: `/orders/${row.subject_id}` }
      : null,
    response: Object.keys(response).length ? response : null,
    match_quality: matchQualityOf(payload.user_data as Record<string, unknown>),
    payload: { ...payload, user_data: userData },
    created_at: new Date(row.created_at).toISOString(),
  }
}
