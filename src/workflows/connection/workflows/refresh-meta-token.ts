import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { refreshMetaTokenStep } from "../steps/refresh-meta-token"

export const refreshMetaTokenWorkflowId = "refresh-meta-token"

export const refreshMetaTokenWorkflow = createWorkflow(
  refreshMetaTokenWorkflowId,
  (input: { connection_id: string }) => new WorkflowResponse(refreshMetaTokenStep(input))
)
