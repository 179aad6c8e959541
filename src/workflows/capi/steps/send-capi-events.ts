import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { deliverRows, loadRows, type FlushReport } from "../outbox"

/**
 * Tries to deliver freshly recorded rows at once. Never fails the workflow: whatever is not delivered
 * stays pending in the outbox and the flush job takes it from there. Sending cannot be undone, so there is
 * no compensation.
 */
export const sendCapiEventsStep = createStep(
  "send-meta-capi-events",
  async (input: { ids: string[] }, { container }) => {
    const empty: FlushReport = { selected: 0, sent: 0, failed: 0, expired: 0, retry: 0, calls: 0 }
    if (!input.ids.length) return new StepResponse(empty)
    try {
      return new StepResponse(await deliverRows(container, await loadRows(container, input.ids)))
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Meta CAPI: immediate send failed, the flush job will retry: ${(error as Error).message}`)
      return new StepResponse({ ...empty, selected: input.ids.length, retry: input.ids.length })
    }
  }
)
