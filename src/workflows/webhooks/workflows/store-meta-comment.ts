import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { StoreMetaCommentInput, storeMetaCommentStep } from "../steps/store-meta-comment"

export const storeMetaCommentWorkflowId = "store-meta-comment"

/** A Page feed comment or an Instagram comment/mention, kept for the admin. */
export const storeMetaCommentWorkflow = createWorkflow(storeMetaCommentWorkflowId, (input: StoreMetaCommentInput) => {
  return new WorkflowResponse(storeMetaCommentStep(input))
})
