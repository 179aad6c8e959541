import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { setMetaAdRulesSwitchStep, type RulesSwitchInput } from "../steps/set-meta-ad-rules-switch"

/** Stops (or restarts) every automated rule of the account at once. */
export const setMetaAdRulesSwitchWorkflow = createWorkflow("set-meta-ad-rules-switch", (input: RulesSwitchInput) =>
  new WorkflowResponse(setMetaAdRulesSwitchStep(input))
)
