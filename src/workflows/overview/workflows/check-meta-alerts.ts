import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { evaluateMetaAlertsStep, type EvaluateMetaAlertsInput } from "../steps/evaluate-meta-alerts"
import { sendMetaAlertsStep } from "../steps/send-meta-alerts"

/** One round of alerts: claim the round, record the causes that hold, notify the admins of the new ones. */
export const checkMetaAlertsWorkflow = createWorkflow("check-meta-alerts", (input: EvaluateMetaAlertsInput) => {
  const evaluated = evaluateMetaAlertsStep(transform({ input }, ({ input }) => ({ claim_interval_ms: input?.claim_interval_ms })))
  const sent = sendMetaAlertsStep(transform({ evaluated }, ({ evaluated }) => ({ settings: evaluated.settings })))
  return new WorkflowResponse(transform({ evaluated, sent }, ({ evaluated, sent }) => ({ ...evaluated, ...sent })))
})
