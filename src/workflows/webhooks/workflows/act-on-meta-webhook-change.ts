import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { planWebhookChange } from "../../../lib/webhooks"
import { pauseMetaConnectionStep } from "../steps/pause-meta-connection"
import { storeMetaCommentStep } from "../steps/store-meta-comment"
import { processMetaLeadWorkflow } from "./process-meta-lead"

export const actOnMetaWebhookChangeWorkflowId = "act-on-meta-webhook-change"

export type ActOnMetaWebhookChangeInput = {
  object: string
  field: string
  entry_id: string
  entry_time: string | null
  payload: unknown
}

/**
 * One stored webhook change acted on by its kind: a lead becomes a customer, a comment or mention is kept, a
 * permission change may pause the connection; anything else is ignored with the reason. Answers the outcome
 * the webhook log shows.
 */
export const actOnMetaWebhookChangeWorkflow = createWorkflow(actOnMetaWebhookChangeWorkflowId, (input: ActOnMetaWebhookChangeInput) => {
  const plan = transform({ input }, ({ input }) => planWebhookChange(input))

  const lead = when("meta-webhook-change-is-a-lead", { plan }, ({ plan }) => !!plan.lead).then(() =>
    processMetaLeadWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.lead!) })
  )
  const comment = when("meta-webhook-change-is-a-comment", { plan }, ({ plan }) => !!plan.comment).then(() =>
    storeMetaCommentStep(transform({ plan }, ({ plan }) => plan.comment!))
  )
  const permission = when("meta-webhook-change-is-a-permission", { plan }, ({ plan }) => !!plan.permission).then(() =>
    pauseMetaConnectionStep(transform({ plan }, ({ plan }) => plan.permission!))
  )

  const outcome = transform({ plan, lead, comment, permission }, ({ plan, lead, comment, permission }) => ({
    outcome: plan.ignored ?? lead?.outcome ?? comment?.outcome ?? permission?.outcome ?? "processed",
  }))
  return new WorkflowResponse(outcome)
})
