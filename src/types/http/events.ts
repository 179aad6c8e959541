/**
 * Response types of the Conversions API events routes (`/admin/meta/events*`). The routes answer with
 * these and the admin imports them type-only, so both sides read one definition.
 */

export type MetaCapiEventStatus = "pending" | "sent" | "failed" | "expired"

/**
 * Which user_data keys an event carried and a rating from the ones Meta weighs most. A hint, not Meta's
 * Event Match Quality score (Meta computes that itself).
 */
export type MetaMatchQuality = {
  /** The user_data keys the event carried (values are hashes or browser ids, never shown raw). */
  keys: string[]
  rating: "great" | "good" | "ok" | "poor"
}

/** One event of the outbox, as it was (or will be) sent to Meta. */
export type MetaCapiEvent = {
  id: string
  pixel_id: string
  event_name: string
  event_id: string
  /** What the event is about (the order or customer id). */
  subject_id: string | null
  status: MetaCapiEventStatus
  attempts: number
  next_attempt_at: string | null
  event_time: string
  sent_at: string | null
  replayed_at: string | null
  test_event_code: string | null
  /** Sent (or to be sent) with a test event code: Meta shows it in Test Events and does not count it for ads. */
  is_test: boolean
  error: string | null
  /**
   * Why the event is not (yet) at Meta, null when it was sent or simply waits its turn. The kind tells a
   * Meta outage (retried by itself) from a refused connection (needs a reconnect) or a rejected event.
   */
  problem: MetaCapiEventProblem | null
  /** The order the event is about (Purchase), for "#1042" linking to the order; null for other subjects. */
  order: MetaCapiEventOrder | null
  /** Meta's answer (`events_received`, `fbtrace_id`, …). */
  response: Record<string, unknown> | null
  match_quality: MetaMatchQuality
  /** The server event as sent to Meta: hashed user_data, client IP masked. */
  payload: Record<string, unknown>
  created_at: string
}

export type MetaCapiEventProblemKind = "meta_unavailable" | "needs_reconnect" | "not_connected" | "rejected" | "expired"

export type MetaCapiEventProblem = { kind: MetaCapiEventProblemKind; message: string }

export type MetaCapiEventOrder = {
  id: string
  /** The order number the merchant knows ("#1042"); null when the order no longer exists. */
  display_id: number | null
  /** The admin path of the order. */
  link: string
}

/** How well Meta can match a set of events: the share carrying each key (0…1) and the ratings. */
export type MetaMatchQualitySummary = {
  /** How many events the summary covers. */
  events: number
  share: { em: number; ph: number; fbc: number; fbp: number; external_id: number; client_ip_address: number }
  ratings: Record<MetaMatchQuality["rating"], number>
}

/** The test event code in force: events then reach Events Manager → Test Events only. */
export type MetaCapiSettings = {
  test_event_code: string | null
  /** Where the code in force comes from: set here, or the plugin's `capi.testEventCode` option. */
  source: "admin" | "options" | null
}

/** The log's filters, shared by the list and its match-quality summary. */
export type MetaCapiEventFilters = {
  status?: MetaCapiEventStatus
  event_name?: string
  subject_id?: string
}

/** `GET /admin/meta/events`. */
export type MetaCapiEventsResponse = { events: MetaCapiEvent[]; count: number; offset: number; limit: number }

/** `POST /admin/meta/events/:id/replay`: the event with the replay's outcome. */
export type MetaCapiEventResponse = { event: MetaCapiEvent }

/** `GET /admin/meta/events/match-quality`: over every event the filters select, not one page. */
export type MetaCapiMatchQualityResponse = { match_quality: MetaMatchQualitySummary }

/** `GET|POST /admin/meta/events/settings`. */
export type MetaCapiSettingsResponse = { settings: MetaCapiSettings }

/** `POST /admin/meta/events/settings`: null removes the admin's code (the option then applies). */
export type MetaCapiSettingsBody = { test_event_code: string | null }
