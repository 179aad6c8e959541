import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { changeMetaAdObjectStep, type ChangeMetaAdObjectInput } from "../steps/change-meta-ad-object"

/** Status or budget of a campaign, ad set or ad: Meta first, then the mirror, logged before and after. */
export const changeMetaAdObjectWorkflow = createWorkflow("change-meta-ad-object", (input: ChangeMetaAdObjectInput) =>
  new WorkflowResponse(changeMetaAdObjectStep(input))
)
