import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { checkMetaSetupStep } from "../steps/check-meta-setup"
import { checkMetaTokenStep } from "../steps/check-meta-token"

export const checkMetaConnectionHealthWorkflowId = "check-meta-connection-health"

/** The whole-setup health check: the token first (it refreshes the granted permissions), then every other part. */
export const checkMetaConnectionHealthWorkflow = createWorkflow(checkMetaConnectionHealthWorkflowId, () => {
  const token = checkMetaTokenStep()
  return new WorkflowResponse(checkMetaSetupStep(token))
})
