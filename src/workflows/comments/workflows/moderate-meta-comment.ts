import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { hideMetaCommentStep, replyToMetaCommentStep } from "../steps/moderate-meta-comment"

export const replyToMetaCommentWorkflow = createWorkflow("reply-to-meta-comment", (input: { id: string; message: string }) => {
  return new WorkflowResponse(replyToMetaCommentStep(input))
})

export const hideMetaCommentWorkflow = createWorkflow("hide-meta-comment", (input: { id: string; hidden: boolean }) => {
  return new WorkflowResponse(hideMetaCommentStep(input))
})
