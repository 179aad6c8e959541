/**
 * When a failed webhook change is tried again: 1, 2, 4 … minutes, capped at 6 hours, for at most
 * MAX_PROCESSING_ATTEMPTS attempts (about 20 hours, the same order as Meta's own 36-hour redelivery window,
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications). After that the change stays failed and visible until an admin retries it.
 */
export const MAX_PROCESSING_ATTEMPTS = 12
export const FIRST_RETRY_MS = 60_000
export const MAX_RETRY_DELAY_MS = 6 * 3600_000
/** A change left "processing" this long belonged to a process that died; it may be claimed again. */
export const STALE_PROCESSING_MS = 10 * 60_000

export function nextAttemptAt(attempts: number, nowMs: number, retryAfterMs?: number): Date | null {
  if (attempts >= MAX_PROCESSING_ATTEMPTS) return null
  const backoff = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1))
  // Meta's throttling headers say how long to wait; never retry sooner than that.
  return new Date(nowMs + Math.max(backoff, retryAfterMs ?? 0))
}
