import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { saveMetaAdRuleStep, type SaveMetaAdRuleInput } from "../steps/save-meta-ad-rule"

/** Creates (no id) or updates an automated rule. */
export const saveMetaAdRuleWorkflow = createWorkflow("save-meta-ad-rule", (input: SaveMetaAdRuleInput) => new WorkflowResponse(saveMetaAdRuleStep(input)))
