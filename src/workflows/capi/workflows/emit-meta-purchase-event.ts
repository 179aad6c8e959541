import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { buildPurchaseEventStep } from "../steps/build-purchase-event"
import { recordCapiEventsStep } from "../steps/record-capi-events"
import { sendCapiEventsStep } from "../steps/send-capi-events"

/** order.placed → one Purchase row in the outbox (idempotent per order), then an immediate send attempt. */
export const emitMetaPurchaseEventWorkflow = createWorkflow("emit-meta-purchase-event", (input: { order_id: string }) => {
  const built = buildPurchaseEventStep(input)
  const recorded = recordCapiEventsStep(built)
  const delivery = sendCapiEventsStep(recorded)
  return new WorkflowResponse({ recorded, delivery })
})
