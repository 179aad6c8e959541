import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { checkMetaTokenStep } from "../steps/check-meta-token"

export const checkMetaConnectionHealthWorkflowId = "check-meta-connection-health"

export const checkMetaConnectionHealthWorkflow = createWorkflow(
  checkMetaConnectionHealthWorkflowId,
  () => new WorkflowResponse(checkMetaTokenStep())
)
