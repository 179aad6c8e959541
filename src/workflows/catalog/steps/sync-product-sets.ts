import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { syncProductSets } from "../../../catalog-sync/sync-product-sets"

/**
 * Sends dirty product sets to Meta. Nothing to compensate: a set that failed stays dirty (throttling,
 * outage) or shows its error, and is recomputed from Medusa's data on the next tick or full sync.
 */
export const syncProductSetsStep = createStep("sync-meta-product-sets", async (_: void, { container }) => {
  return new StepResponse(await syncProductSets(container))
})
