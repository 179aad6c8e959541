export type MetaCapiEventStatus = "pending" | "sent" | "failed" | "expired"

export type MetaMatchQuality = {
  /** The user_data keys the event carried (values are hashes or browser ids, never shown raw). */
  keys: string[]
  rating: "great" | "good" | "ok" | "poor"
}

export type AdminMetaCapiEvent = {
  id: string
  pixel_id: string
  event_name: string
  event_id: string
  subject_id: string | null
  status: MetaCapiEventStatus
  attempts: number
  next_attempt_at: string | null
  event_time: string
  sent_at: string | null
  replayed_at: string | null
  test_event_code: string | null
  error: string | null
  response: Record<string, unknown> | null
  match_quality: MetaMatchQuality
  /** The server event as sent to Meta: hashed user_data, client IP masked. */
  payload: Record<string, unknown>
  created_at: string
}

export type MetaMatchQualitySummary = {
  /** How many events the summary covers. */
  events: number
  share: { em: number; ph: number; fbc: number; fbp: number; external_id: number; client_ip_address: number }
  ratings: Record<MetaMatchQuality["rating"], number>
}

export type AdminMetaCapiEventsResponse = {
  events: AdminMetaCapiEvent[]
  count: number
  offset: number
  limit: number
}

/** GET /admin/meta/events/match-quality: over every event the filters select, not one page. */
export type AdminMetaCapiMatchQualityResponse = {
  match_quality: MetaMatchQualitySummary
}

export type AdminMetaCapiSettings = {
  test_event_code: string | null
  /** Where the code in force comes from: set here, or the plugin's `capi.testEventCode` option. */
  source: "admin" | "options" | null
}

export type MetaCapiEventFilters = {
  status?: MetaCapiEventStatus
  event_name?: string
  subject_id?: string
}
