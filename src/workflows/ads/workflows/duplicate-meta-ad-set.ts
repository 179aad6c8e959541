import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { syncMetaAdsStep } from "../steps/sync-meta-ads"
import { duplicateMetaAdSetStep, type DuplicateMetaAdSetInput } from "../steps/duplicate-meta-ad-set"

/** A paused deep copy of an ad set, then a mirror pass so the copy is listed at once. */
export const duplicateMetaAdSetWorkflow = createWorkflow("duplicate-meta-ad-set", (input: DuplicateMetaAdSetInput) => {
  const copied = duplicateMetaAdSetStep(input)
  syncMetaAdsStep()
  return new WorkflowResponse(copied)
})
