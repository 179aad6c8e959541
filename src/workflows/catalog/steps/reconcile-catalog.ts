import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { reconcileCatalog } from "../../../catalog-sync/reconcile-catalog"

export const reconcileCatalogStep = createStep("reconcile-meta-catalog", async (_: void, { container }) => {
  return new StepResponse(await reconcileCatalog(container))
})
