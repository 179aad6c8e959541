import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { attributeOrderToPublicationStep } from "../steps/attribute-order-to-publication"

/** Credits a placed order to the publication its shopper came from, if any. */
export const attributeOrderToPublicationWorkflow = createWorkflow(
  "attribute-order-to-meta-publication",
  (input: { order_id: string }) => new WorkflowResponse(attributeOrderToPublicationStep(input))
)
