import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { PauseMetaConnectionInput, pauseMetaConnectionStep } from "../steps/pause-meta-connection"

export const pauseMetaConnectionWorkflowId = "pause-meta-connection"

/** Deauthorize callback and `permissions` webhooks: the connection is revoked and its work pauses. */
export const pauseMetaConnectionWorkflow = createWorkflow(pauseMetaConnectionWorkflowId, (input: PauseMetaConnectionInput) => {
  return new WorkflowResponse(pauseMetaConnectionStep(input))
})
