import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { startFullSync } from "../../../catalog-sync/full-sync"

export const startFullSyncStep = createStep("start-meta-catalog-full-sync", async (_: void, { container }) => {
  return new StepResponse(await startFullSync(container))
})
