/**
 * When the publisher tries again. All deterministic (no jitter): the times are shown to the merchant
 * ("next attempt at 10:42") and the publisher runs from one scheduled job, not a crowd of clients.
 */

export const RETRY_BASE_MS = 30_000
export const RETRY_MAX_MS = 30 * 60_000

/**
 * Attempts before a publication is marked failed. With retryDelayMs the 8 attempts are spread over about
 * 1.5 hours (30 s, 1, 2, 4, 8, 16, 30 min …): long enough for a Meta incident, short enough that the merchant
 * hears about a lasting problem the same day.
 */
export const MAX_PUBLISH_ATTEMPTS = 8

function count(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0
}

/** Backoff after failed attempt `attempt` (1-based; 0 or less counts as the first): 30 s doubling, capped at 30 min. */
export function retryDelayMs(attempt: number): number {
  const exponent = Math.max(0, count(attempt) - 1)
  // 2^exponent overflows to Infinity for huge attempts; the cap still applies.
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(exponent, 32))
}

export const NOT_READY_BASE_MS = 5_000
/**
 * Meta asks to poll a container's status_code about once a minute, for no more than five minutes
 * (https://developers.facebook.com/docs/instagram-platform/content-publishing). Images are usually FINISHED
 * within seconds, so polling starts at 5 s and backs off to that once-a-minute pace.
 */
export const NOT_READY_MAX_MS = 60_000

/** Wait before status poll `pollCount` (0-based): 5 s, 10 s, 20 s, 40 s, then 60 s. */
export function notReadyDelayMs(pollCount: number): number {
  return Math.min(NOT_READY_MAX_MS, NOT_READY_BASE_MS * 2 ** Math.min(count(pollCount), 32))
}

/** A scheduled post this late still goes out; later it is "missed" and waits for the merchant. */
export const DEFAULT_PUBLISH_GRACE_MS = 60 * 60_000

export type DueDecision = "not_due" | "publish" | "missed"

/**
 * Due or not: before its time it is "not_due"; from its time until `graceMs` later it is published (a worker
 * that was down for a few minutes still publishes); past the grace window it is "missed" — a "sale starts
 * now" post must not appear a day late. An unreadable time is "missed" too (never publish on a guess).
 */
export function dueDecision(input: { scheduledAt: Date | string | number | null | undefined; now: Date; graceMs: number }): DueDecision {
  const at = toMs(input.scheduledAt)
  const now = toMs(input.now)
  if (at === undefined || now === undefined) return "missed"
  if (at > now) return "not_due"
  const grace = Number.isFinite(input.graceMs) ? Math.max(0, input.graceMs) : 0
  return now - at <= grace ? "publish" : "missed"
}

function toMs(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined
  if (typeof value === "string" && value.trim() !== "") {
    const ms = Date.parse(value)
    return Number.isFinite(ms) ? ms : undefined
  }
  return undefined
}

/** Meta's publishing window is a moving 24 hours (content_publishing_limit `config.quota_duration`: 86400). */
export const DEFAULT_QUOTA_DURATION_SECONDS = 86_400
/** With nothing better to go on, look at the quota again this often. */
export const QUOTA_RECHECK_MS = 30 * 60_000
/** Meta's clock and ours differ a little: wait this much past the computed moment. */
export const QUOTA_CLOCK_SLACK_MS = 60_000

/** "The quota is used: look again at…" without any knowledge of what used it. */
export function quotaRetryAt(now: Date): Date {
  return new Date(now.getTime() + QUOTA_RECHECK_MS)
}

/**
 * When a slot frees up in Instagram's moving window. `usage`/`total` come from content_publishing_limit
 * (never assumed: Meta's pages say 50 in one place and 100 in another); `publishedAt` are the publish
 * times we know of (our own publications). One more post fits once `usage - total + 1` posts have left the
 * window, each leaving `durationSeconds` after it was published.
 * - Every post in the window is ours (as many known times as `usage`): that moment, exactly.
 * - Other tools published too: our times give only a late bound (theirs may leave earlier), so the answer
 *   is that bound or quotaRetryAt, whichever is sooner.
 * - Nothing known: quotaRetryAt. Never earlier than one clock slack from now.
 */
export function quotaWaitUntil(input: {
  now: Date
  usage?: number | null
  total?: number | null
  publishedAt?: ReadonlyArray<Date | string> | null
  durationSeconds?: number | null
}): Date {
  const now = input.now.getTime()
  const duration =
    (typeof input.durationSeconds === "number" && Number.isFinite(input.durationSeconds) && input.durationSeconds > 0
      ? input.durationSeconds
      : DEFAULT_QUOTA_DURATION_SECONDS) * 1000
  const fallback = now + QUOTA_RECHECK_MS
  const earliest = now + QUOTA_CLOCK_SLACK_MS
  const usage = typeof input.usage === "number" && Number.isFinite(input.usage) ? Math.max(0, Math.floor(input.usage)) : undefined
  const total = typeof input.total === "number" && Number.isFinite(input.total) ? Math.max(0, Math.floor(input.total)) : undefined
  const inWindow = (Array.isArray(input.publishedAt) ? input.publishedAt : [])
    .map(toMs)
    .filter((ms): ms is number => ms !== undefined && ms > now - duration && ms <= now)
    .sort((a, b) => a - b)
  if (usage !== undefined && total !== undefined && usage < total) return new Date(earliest)
  if (inWindow.length === 0) return new Date(fallback)
  if (usage === undefined || total === undefined) {
    return new Date(Math.max(earliest, Math.min(inWindow[0] + duration + QUOTA_CLOCK_SLACK_MS, fallback)))
  }
  const mustLeave = usage - total + 1
  const allKnown = inWindow.length >= usage
  // More known times than Meta counts: the newest `usage` are the ones in its window.
  const known = allKnown ? inWindow.slice(inWindow.length - usage) : inWindow
  if (mustLeave > known.length) return new Date(fallback)
  const frees = known[mustLeave - 1] + duration + QUOTA_CLOCK_SLACK_MS
  return new Date(Math.max(earliest, allKnown ? frees : Math.min(frees, fallback)))
}
