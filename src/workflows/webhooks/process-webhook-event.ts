import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { GraphError } from "../../lib/graph"
import {
  STALE_PROCESSING_MS,
  WEBHOOKS_OFF_ERROR,
  WEBHOOKS_OFF_RECHECK_MS,
  classifyChange,
  isGovernedByWebhooksFeature,
  nextAttemptAt,
} from "../../lib/webhooks"
import { metaService } from "../../modules/meta/resolve-meta-service"
import { actOnMetaWebhookChangeWorkflow } from "./workflows/act-on-meta-webhook-change"

export type ProcessOutcome =
  | { status: "processed"; outcome: string }
  | { status: "failed"; error: string; next_attempt_at: Date | null }
  | { status: "skipped" }

/** Errors cross the workflow engine as plain objects sometimes; read their message either way. */
function messageOf(error: unknown): string {
  if (error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") {
    return (error as { message: string }).message
  }
  return String(error)
}

/** Errors that will not change on a retry (bad data, a lead without contact details, missing permission). */
function isPermanent(error: unknown): boolean {
  if (error instanceof GraphError) return error.category === "invalid"
  const type = error && typeof error === "object" ? (error as { type?: unknown }).type : undefined
  return type === "invalid_data"
}

/**
 * Processes one logged change exactly once: claims it, runs actOnMetaWebhookChangeWorkflow (which acts by kind), and records the
 * outcome (leads and comments wait while the Webhooks feature is off) — or the error and when to try again (permanent errors are not retried automatically).
 * `force` (an admin's retry) ignores the schedule.
 */
export async function processMetaWebhookEvent(
  container: MedusaContainer,
  id: string,
  options: { force?: boolean } = {}
): Promise<ProcessOutcome> {
  const service = metaService(container)
  const event = await service.claimWebhookEvent(id, { staleMs: STALE_PROCESSING_MS, force: options.force })
  if (!event) return { status: "skipped" }
  // With Webhooks switched off, leads and comments wait (retried on the usual schedule, or by an admin).
  if (
    isGovernedByWebhooksFeature(classifyChange(event.object, event.field, event.payload)) &&
    !service.featureFlags(await service.retrieveLiveConnection()).webhooks.enabled
  ) {
    // The claim counted an attempt; waiting is none (nextAttemptAt would give up after MAX_PROCESSING_ATTEMPTS).
    const next = new Date(Date.now() + WEBHOOKS_OFF_RECHECK_MS)
    await service.updateMetaWebhookEvents({ id, status: "failed", attempts: event.attempts - 1, last_error: WEBHOOKS_OFF_ERROR, next_attempt_at: next })
    return { status: "failed", error: WEBHOOKS_OFF_ERROR, next_attempt_at: next }
  }
  try {
    const { result } = await actOnMetaWebhookChangeWorkflow(container).run({
      input: {
        object: event.object,
        field: event.field,
        entry_id: event.entry_id,
        entry_time: event.entry_time ? new Date(event.entry_time).toISOString() : null,
        payload: event.payload,
      },
    })
    const { outcome } = result
    await service.updateMetaWebhookEvents({
      id,
      status: "processed",
      outcome,
      last_error: null,
      next_attempt_at: null,
      processed_at: new Date(),
    })
    return { status: "processed", outcome }
  } catch (error) {
    const message = messageOf(error).slice(0, 2000)
    const retryAfterMs = error instanceof GraphError ? error.retryAfterMs : undefined
    const next = isPermanent(error) ? null : nextAttemptAt(event.attempts, Date.now(), retryAfterMs ?? undefined)
    await service.updateMetaWebhookEvents({ id, status: "failed", last_error: message, next_attempt_at: next })
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Meta webhook ${event.object}/${event.field} (${id}) failed on attempt ${event.attempts}: ${message}`)
    return { status: "failed", error: message, next_attempt_at: next }
  }
}
