import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { createOAuthDialogUrlStep } from "../steps/create-oauth-dialog-url"

export const startMetaOAuthWorkflowId = "start-meta-oauth"

/** Begins "Connect with Meta": a signed, single-use, 10-minute state bound to the admin user. */
export const startMetaOAuthWorkflow = createWorkflow(
  startMetaOAuthWorkflowId,
  (input: { user_id: string }) => new WorkflowResponse(createOAuthDialogUrlStep(input))
)
