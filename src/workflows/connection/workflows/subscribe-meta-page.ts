import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { subscribeMetaPageStep } from "../steps/subscribe-meta-page"

export const subscribeMetaPageWorkflowId = "subscribe-meta-page"

/** Makes the chosen Page send its comments and leads to the store's webhooks URL. */
export const subscribeMetaPageWorkflow = createWorkflow(subscribeMetaPageWorkflowId, () => new WorkflowResponse(subscribeMetaPageStep()))
