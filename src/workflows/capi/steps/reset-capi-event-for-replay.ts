import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { metaService } from "../../../modules/meta/resolve-meta-service"

/**
 * An admin's replay: the row goes back to pending (the only way an event is sent twice). Sent events can
 * be replayed too, e.g. after fixing a test event code; Meta dedupes them by event_id within 48 h.
 */
export const resetCapiEventForReplayStep = createStep(
  "reset-meta-capi-event-for-replay",
  async (input: { id: string }, { container }) => {
    const svc = metaService(container)
    const [row] = await svc.listMetaCapiEvents({ id: input.id }, { take: 1 })
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Meta event ${input.id} was not found`)
    if (row.status === "pending") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Meta event ${input.id} is already waiting to be sent`)
    }
    const previous = {
      id: row.id,
      status: row.status,
      attempts: row.attempts,
      next_attempt_at: row.next_attempt_at,
      last_error: row.last_error,
      last_error_code: row.last_error_code,
      replayed_at: row.replayed_at,
    }
    await svc.updateMetaCapiEvents({
      id: row.id,
      status: "pending",
      attempts: 0,
      next_attempt_at: new Date(Date.now() + 60_000),
      last_error: null,
      last_error_code: null,
      replayed_at: new Date(),
    })
    return new StepResponse({ ids: [row.id] }, previous)
  },
  async (previous, { container }) => {
    if (previous) await metaService(container).updateMetaCapiEvents(previous)
  }
)
