import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { matchQualityOf, type ServerEvent } from "../../../lib/capi"
import { metaService } from "../../../modules/meta/resolve-meta-service"
import type { BuiltCapiEvents } from "./build-purchase-event"
import { SEND_LEASE_MS } from "../outbox"

function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ""}` : ""
  return /unique|duplicate|already exists|23505/i.test(text)
}

/**
 * Writes the outbox rows before any network call. (pixel_id, event_name, event_id) is unique: an event
 * that already has a row (a re-emitted order.placed, a second browser mirror) creates nothing. New rows
 * are leased to this workflow's immediate send, so the flush job leaves them alone meanwhile.
 */
export const recordCapiEventsStep = createStep(
  "record-meta-capi-events",
  async (input: BuiltCapiEvents, { container }) => {
    if (input.skipped !== undefined) return new StepResponse({ ids: [] as string[] }, [] as string[])
    const svc = metaService(container)
    const created: string[] = []
    for (const event of input.events as ServerEvent[]) {
      const key = { pixel_id: input.pixel_id, event_name: event.event_name, event_id: event.event_id }
      const [existing] = await svc.listMetaCapiEvents(key, { take: 1, select: ["id"] })
      if (existing) continue
      try {
        const row = await svc.createMetaCapiEvents({
          ...key,
          subject_id: input.subject_id,
          status: "pending",
          attempts: 0,
          next_attempt_at: new Date(Date.now() + SEND_LEASE_MS),
          event_time: new Date(event.event_time * 1000),
          payload: event as unknown as Record<string, unknown>,
          test_event_code: input.test_event_code,
          response: { match_quality: matchQualityOf(event.user_data) },
        })
        created.push(row.id)
      } catch (error) {
        // Two deliveries of the same event racing: the other one wrote the row.
        if (!isUniqueViolation(error)) throw error
      }
    }
    return new StepResponse({ ids: created }, created)
  },
  async (created, { container }) => {
    if (created?.length) await metaService(container).deleteMetaCapiEvents(created)
  }
)
