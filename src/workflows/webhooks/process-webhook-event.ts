import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { GraphError } from "../../lib/graph"
import {
  STALE_PROCESSING_MS,
  classifyChange,
  nextAttemptAt,
  readCommentNotice,
  readLeadgenNotice,
  readPermissionNotice,
} from "../../lib/webhooks"
import { metaService } from "../../modules/meta/resolve-meta-service"
import { pauseMetaConnectionWorkflow } from "./workflows/pause-meta-connection"
import { processMetaLeadWorkflow } from "./workflows/process-meta-lead"
import { storeMetaCommentWorkflow } from "./workflows/store-meta-comment"

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

async function act(container: MedusaContainer, event: { object: string; field: string; entry_id: string; entry_time: Date | null; payload: unknown }): Promise<string> {
  const kind = classifyChange(event.object, event.field, event.payload)
  const entryTime = event.entry_time ? Math.floor(new Date(event.entry_time).getTime() / 1000) : null
  switch (kind) {
    case "leadgen": {
      const notice = readLeadgenNotice(event.payload, event.entry_id)
      if (!notice) return "ignored: leadgen change without a leadgen_id"
      const { result } = await processMetaLeadWorkflow(container).run({ input: notice })
      return result.outcome
    }
    case "page_comment":
    case "instagram_comment":
    case "instagram_mention": {
      const notice = readCommentNotice(kind, event.payload, entryTime)
      if (!notice) return `ignored: ${kind.replace("_", " ")} without an id`
      const { result } = await storeMetaCommentWorkflow(container).run({
        input: { ...notice, created_at: notice.created_at?.toISOString() ?? null },
      })
      return (result as { outcome: string }).outcome
    }
    case "permissions": {
      const notice = readPermissionNotice(event.field, event.payload, event.entry_id)
      if (!notice) return "ignored: permissions change without a verb"
      const { result } = await pauseMetaConnectionWorkflow(container).run({
        input: { meta_user_id: notice.user_id, permission: notice },
      })
      return result.outcome
    }
    case "ignored":
      return `ignored: ${event.object}/${event.field} is not acted on`
  }
}

/**
 * Processes one logged change exactly once: claims it, runs the workflow for its kind, and records the
 * outcome — or the error and when to try again (permanent errors are not retried automatically).
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
  try {
    const outcome = await act(container, event)
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
