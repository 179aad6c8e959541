import { isTooOld } from "./limits"

/**
 * How the outbox reacts to Meta's answer. Categories are the Graph client's (auth, permission,
 * throttled, transient, invalid). A batch is all-or-nothing at Meta, so an "invalid" answer for several
 * events is split in halves until the bad event is alone; its neighbours are then delivered.
 */
export type DeliveryFailure = {
  category: "auth" | "permission" | "throttled" | "transient" | "invalid"
  message: string
  /** Meta's error code, when Meta answered with one (kept so the admin can tell an outage from a refusal). */
  code?: number
  retryAfterMs?: number
}

export type SendOutcome<R = unknown> = { ok: true; response: R } | { ok: false; failure: DeliveryFailure }

export type EventOutcome<T, R = unknown> =
  | { event: T; status: "sent"; response: R; batchSize: number }
  | { event: T; status: "failed"; message: string; code?: number }
  | { event: T; status: "retry"; failure: DeliveryFailure }

export const RETRY_BASE_MS = 30_000
export const RETRY_MAX_MS = 60 * 60 * 1000

/**
 * Exponential backoff (30 s, 1 min, 2 min … capped at 1 h), never shorter than what Meta's throttling
 * headers ask for (estimated_time_to_regain_access, via GraphError.retryAfterMs).
 */
export function retryDelayMs(attempts: number, retryAfterMs?: number): number {
  const exponential = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1))
  return Math.max(exponential, retryAfterMs ?? 0)
}

/** invalid = Meta refused the content (retrying cannot help); everything else waits and is retried. */
export function isPermanent(failure: DeliveryFailure): boolean {
  return failure.category === "invalid"
}

/** Events Meta would refuse (and whose presence would reject the whole request) are expired instead. */
export function partitionExpired<T extends { event_time: number }>(events: T[], nowMs: number): { fresh: T[]; expired: T[] } {
  const fresh: T[] = []
  const expired: T[] = []
  for (const event of events) (isTooOld(event.event_time, nowMs) ? expired : fresh).push(event)
  return { fresh, expired }
}

/**
 * Sends one batch; on a permanent rejection of several events, bisects to isolate the bad ones. A transient
 * failure or throttle stops the run (`halted`): the rest waits for the next flush instead of hammering Meta.
 */
export async function deliverIsolating<T, R>(
  batch: T[],
  send: (events: T[]) => Promise<SendOutcome<R>>
): Promise<{ outcomes: EventOutcome<T, R>[]; calls: number; halted?: DeliveryFailure }> {
  const outcomes: EventOutcome<T, R>[] = []
  let calls = 0
  let halted: DeliveryFailure | undefined
  const queue: T[][] = [batch]
  while (queue.length) {
    const events = queue.shift()!
    if (halted) {
      for (const event of events) outcomes.push({ event, status: "retry", failure: halted })
      continue
    }
    calls++
    const result = await send(events)
    if (result.ok) {
      for (const event of events) outcomes.push({ event, status: "sent", response: result.response, batchSize: events.length })
    } else if (!isPermanent(result.failure)) {
      halted = result.failure
      for (const event of events) outcomes.push({ event, status: "retry", failure: result.failure })
    } else if (events.length === 1) {
      outcomes.push({ event: events[0], status: "failed", message: result.failure.message, code: result.failure.code })
    } else {
      const middle = Math.ceil(events.length / 2)
      queue.unshift(events.slice(0, middle), events.slice(middle))
    }
  }
  return { outcomes, calls, halted }
}
