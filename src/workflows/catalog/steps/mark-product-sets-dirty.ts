import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { markProductSetsDirty, type ProductSetChange } from "../../../catalog-sync/sync-product-sets"

/** Marks the product sets behind a collection, category or product change dirty. Idempotent. */
export const markProductSetsDirtyStep = createStep("mark-meta-product-sets-dirty", async (input: ProductSetChange, { container }) => {
  return new StepResponse(await markProductSetsDirty(container, input))
})
