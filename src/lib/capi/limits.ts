/** Conversions API limits (https://developers.facebook.com/docs/marketing-api/conversions-api/using-the-api). */

/** "A maximum of 1,000 events per request"; one invalid event rejects the whole request. */
export const MAX_EVENTS_PER_REQUEST = 1000

/** event_time may be up to 7 days in the past; a request with an older event is rejected as a whole. */
export const MAX_EVENT_AGE_MS = 7 * 24 * 60 * 60 * 1000

/** Dedup window between the browser Pixel and the server (same event_name + eventID/event_id). */
export const DEDUP_WINDOW_MS = 48 * 60 * 60 * 1000

export const ACTION_SOURCES = [
  "website",
  "app",
  "email",
  "phone_call",
  "chat",
  "physical_store",
  "system_generated",
  "business_messaging",
  "other",
] as const
export type ActionSource = (typeof ACTION_SOURCES)[number]

/** Standard events the storefront may mirror server-side through POST /store/meta/events. */
export const MIRRORED_BROWSER_EVENTS = [
  "PageView",
  "ViewContent",
  "AddToCart",
  "InitiateCheckout",
  "AddPaymentInfo",
  "Search",
  "Lead",
] as const
export type MirroredBrowserEvent = (typeof MIRRORED_BROWSER_EVENTS)[number]

export function isTooOld(eventTimeSeconds: number, nowMs: number): boolean {
  return eventTimeSeconds * 1000 < nowMs - MAX_EVENT_AGE_MS
}

/** Splits events into requests of at most 1,000 (order kept). */
export function splitIntoBatches<T>(events: T[], size = MAX_EVENTS_PER_REQUEST): T[][] {
  if (!Number.isInteger(size) || size < 1 || size > MAX_EVENTS_PER_REQUEST) {
    throw new Error(`batch size must be 1…${MAX_EVENTS_PER_REQUEST}, got ${size}`)
  }
  const batches: T[][] = []
  for (let i = 0; i < events.length; i += size) batches.push(events.slice(i, i + size))
  return batches
}
