import { WorkflowResponse, createWorkflow, when } from "@medusajs/framework/workflows-sdk"
import { evaluateMetaAdRulesStep, type EvaluateRulesInput } from "../steps/evaluate-meta-ad-rules"
import { syncMetaAdsStep } from "../steps/sync-meta-ads"

/**
 * Automated rules on fresh data: a mirror pass first (unless `preview`, which only reads the mirror), then
 * every due rule (or one, run now) evaluated and acted on, every decision logged. A preview judges a saved
 * rule or an unsaved `draft` and writes nothing, neither to Meta nor to the log.
 */
export const evaluateMetaAdRulesWorkflow = createWorkflow("evaluate-meta-ad-rules", (input: EvaluateRulesInput & { sync?: boolean }) => {
  when({ input }, ({ input }) => !!input.sync && !input.preview).then(() => {
    syncMetaAdsStep()
  })
  return new WorkflowResponse(evaluateMetaAdRulesStep(input))
})
