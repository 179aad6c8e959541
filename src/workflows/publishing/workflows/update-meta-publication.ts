import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { cancelMetaPublicationStep, updateMetaPublicationStep, type UpdatePublicationInput } from "../steps/update-meta-publication"

export const updateMetaPublicationWorkflow = createWorkflow("update-meta-publication", (input: UpdatePublicationInput) => {
  return new WorkflowResponse(updateMetaPublicationStep(input))
})

export const cancelMetaPublicationWorkflow = createWorkflow("cancel-meta-publication", (input: { id: string }) => {
  return new WorkflowResponse(cancelMetaPublicationStep(input))
})
