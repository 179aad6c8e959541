import { setTimeout as sleep } from "node:timers/promises"

/**
 * How long work that a shopper's request set off (an order placed, an account created) waits before it
 * starts. Medusa's local event bus runs subscribers as soon as the workflow that emitted the event ends,
 * while the route is still reading the order back for its answer, on the same event loop: starting at
 * once put our queries and workflow bookkeeping into the shopper's wait (bench (a): +9.8 ms at p95). By
 * now the answer has gone out, and Meta still gets the Purchase well within the one-second target.
 */
export const AFTER_SHOPPER_RESPONSE_MS = 250

export function afterShopperResponse(): Promise<void> {
  return sleep(AFTER_SHOPPER_RESPONSE_MS)
}
