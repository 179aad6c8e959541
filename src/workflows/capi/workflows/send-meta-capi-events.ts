import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { sendCapiEventsStep } from "../steps/send-capi-events"

/** Delivers freshly recorded outbox rows (leased to this send); what is not delivered waits for the flush job. */
export const sendMetaCapiEventsWorkflow = createWorkflow("send-meta-capi-events", (input: { ids: string[] }) => {
  return new WorkflowResponse(sendCapiEventsStep(input))
})
