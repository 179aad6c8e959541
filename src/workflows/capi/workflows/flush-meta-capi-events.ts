import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { flushCapiOutboxStep } from "../steps/flush-capi-outbox"

/** The scheduled flush: every due pending event, in requests of ≤1,000. */
export const flushMetaCapiEventsWorkflow = createWorkflow("flush-meta-capi-events", (input: { max_rounds?: number }) => {
  return new WorkflowResponse(flushCapiOutboxStep(input))
})
