import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { buildRegistrationEventStep } from "../steps/build-registration-event"
import { recordCapiEventsStep } from "../steps/record-capi-events"

/** customer.created (with an account) → the CompleteRegistration row in the outbox, nothing sent yet. */
export const recordMetaRegistrationEventWorkflow = createWorkflow(
  "record-meta-registration-event",
  (input: { customer_id: string }) => {
    const built = buildRegistrationEventStep(input)
    return new WorkflowResponse(recordCapiEventsStep(built))
  }
)
