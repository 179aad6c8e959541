import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { attributeOrderToAdStep } from "../steps/attribute-order-to-ad"

/** Credits a placed order to the Meta ad its shopper came from, if any (once per order). */
export const attributeOrderToAdWorkflow = createWorkflow(
  "attribute-order-to-meta-ad",
  (input: { order_id: string }) => new WorkflowResponse(attributeOrderToAdStep(input))
)
