import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { resetCapiEventForReplayStep } from "../steps/reset-capi-event-for-replay"
import { sendCapiEventsStep } from "../steps/send-capi-events"

/** An admin replays a failed (or expired, or sent) event: back to pending, then sent at once. */
export const replayMetaCapiEventWorkflow = createWorkflow("replay-meta-capi-event", (input: { id: string }) => {
  const reset = resetCapiEventForReplayStep(input)
  return new WorkflowResponse(sendCapiEventsStep(reset))
})
