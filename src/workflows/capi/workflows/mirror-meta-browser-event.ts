import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { buildMirroredEventStep, type MirroredEventRequest } from "../steps/build-mirrored-event"
import { recordCapiEventsStep } from "../steps/record-capi-events"
import { sendCapiEventsStep } from "../steps/send-capi-events"

/** A storefront's browser event mirrored server-side with the same eventID (Meta dedupes the pair). */
export const mirrorMetaBrowserEventWorkflow = createWorkflow(
  "mirror-meta-browser-event",
  (input: MirroredEventRequest) => {
    const built = buildMirroredEventStep(input)
    const recorded = recordCapiEventsStep(built)
    const delivery = sendCapiEventsStep(recorded)
    return new WorkflowResponse({ recorded, delivery })
  }
)
