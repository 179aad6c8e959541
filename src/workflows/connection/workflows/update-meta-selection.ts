import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import type { AssetSelection } from "../../../lib/connection"
import { updateMetaSelectionStep } from "../steps/update-meta-selection"

export const updateMetaSelectionWorkflowId = "update-meta-selection"

export const updateMetaSelectionWorkflow = createWorkflow(
  updateMetaSelectionWorkflowId,
  (input: Partial<AssetSelection>) => new WorkflowResponse(updateMetaSelectionStep(input))
)
