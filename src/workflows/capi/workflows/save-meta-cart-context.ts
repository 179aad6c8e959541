import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { saveCartContextStep, type CartContextInput } from "../steps/save-cart-context"

export const saveMetaCartContextWorkflow = createWorkflow("save-meta-cart-context", (input: CartContextInput) => {
  return new WorkflowResponse(saveCartContextStep(input))
})
