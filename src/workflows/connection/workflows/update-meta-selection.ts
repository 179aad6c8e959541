import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import type { AssetSelection } from "../../../lib/connection"
import { updateMetaSelectionStep } from "../steps/update-meta-selection"
import { startFullSyncForSelectedCatalogStep } from "../../catalog/steps/start-full-sync-for-selected-catalog"

export const updateMetaSelectionWorkflowId = "update-meta-selection"

export const updateMetaSelectionWorkflow = createWorkflow(
  updateMetaSelectionWorkflowId,
  (input: Partial<AssetSelection>) => {
    const updated = updateMetaSelectionStep(input)
    // Another catalog: it gets the whole store (items last sent elsewhere are sent again).
    startFullSyncForSelectedCatalogStep({ previous_catalog_id: updated.previous_catalog_id })
    return new WorkflowResponse(updated)
  }
)
