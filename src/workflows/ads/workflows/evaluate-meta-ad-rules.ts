import { WorkflowResponse, createWorkflow, when } from "@medusajs/framework/workflows-sdk"
import { evaluateMetaAdRulesStep, type EvaluateRulesInput } from "../steps/evaluate-meta-ad-rules"
import { syncMetaAdsStep } from "../steps/sync-meta-ads"

/**
 * Automated rules on fresh data: a mirror pass first (unless `preview`, which only reads the mirror), then
 * every due rule (or one) evaluated and acted on, every decision logged.
 */
export const evaluateMetaAdRulesWorkflow = createWorkflow("evaluate-meta-ad-rules", (input: EvaluateRulesInput & { sync?: boolean }) => {
  when({ input }, ({ input }) => !!input.sync && !input.preview).then(() => {
    syncMetaAdsStep()
  })
  return new WorkflowResponse(evaluateMetaAdRulesStep(input))
})
