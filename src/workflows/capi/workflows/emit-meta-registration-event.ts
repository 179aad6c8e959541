import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { buildRegistrationEventStep } from "../steps/build-registration-event"
import { recordCapiEventsStep } from "../steps/record-capi-events"
import { sendCapiEventsStep } from "../steps/send-capi-events"

/** customer.created (with an account) → CompleteRegistration, recorded then sent. */
export const emitMetaRegistrationEventWorkflow = createWorkflow(
  "emit-meta-registration-event",
  (input: { customer_id: string }) => {
    const built = buildRegistrationEventStep(input)
    const recorded = recordCapiEventsStep(built)
    const delivery = sendCapiEventsStep(recorded)
    return new WorkflowResponse({ recorded, delivery })
  }
)
