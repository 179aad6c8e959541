import { setTimeout as sleep } from "node:timers/promises"

/**
 * How long work that a shopper's request set off (an order placed, an account created) waits before it
 * starts, when it runs in the process that serves the shopper. Medusa's local event bus runs subscribers
 * as soon as the workflow that emitted the event ends, while the route is still reading the order back
 * for its answer, on the same event loop: starting at once put our queries and workflow bookkeeping into
 * the shopper's wait (bench (a): +9.8 ms at p95). By now the answer has gone out, and Meta still gets
 * the Purchase well within the one-second target.
 */
export const AFTER_SHOPPER_RESPONSE_MS = 250

/**
 * True for Medusa's local event bus, the one that calls subscribers in the process that emitted the
 * event (and does not wait for them). Any other bus (Medusa's Redis bus in production) hands events to
 * worker instances through a queue: the shopper's request is served elsewhere, and a subscriber keeps
 * its job, and the worker's slot for the next event, until it returns.
 */
export function deliversInShopperProcess(eventBus: unknown): boolean {
  return (eventBus as { constructor?: { name?: string } } | null | undefined)?.constructor?.name === "LocalEventBusService"
}

/** Waits AFTER_SHOPPER_RESPONSE_MS on the local event bus; on a queued bus it resolves at once. */
export function afterShopperResponse(eventBus: unknown): Promise<void> {
  return deliversInShopperProcess(eventBus) ? sleep(AFTER_SHOPPER_RESPONSE_MS) : Promise.resolve()
}
