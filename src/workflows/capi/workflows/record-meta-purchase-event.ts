import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { buildPurchaseEventStep } from "../steps/build-purchase-event"
import { recordCapiEventsStep } from "../steps/record-capi-events"

/**
 * order.placed → the order's Purchase row in the outbox (idempotent per order), nothing sent: what the
 * subscriber waits for. The send follows in the background (sendMetaCapiEventsInBackground), so the
 * subscriber never holds the event bus while Meta answers.
 */
export const recordMetaPurchaseEventWorkflow = createWorkflow("record-meta-purchase-event", (input: { order_id: string }) => {
  const built = buildPurchaseEventStep(input)
  return new WorkflowResponse(recordCapiEventsStep(built))
})
