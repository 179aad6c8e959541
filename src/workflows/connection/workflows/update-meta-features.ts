import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import type { FeatureName } from "../../../lib/connection"
import { updateMetaFeaturesStep } from "../steps/update-meta-features"

export const updateMetaFeaturesWorkflowId = "update-meta-features"

export const updateMetaFeaturesWorkflow = createWorkflow(
  updateMetaFeaturesWorkflowId,
  (input: Partial<Record<FeatureName, boolean>>) =>
    new WorkflowResponse(updateMetaFeaturesStep(input))
)
