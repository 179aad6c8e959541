import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { updateRunProgress } from "../../../catalog-sync/full-sync"
import { pollCatalogBatches } from "../../../catalog-sync/poll-catalog-batches"

/** Reads check_batch_request_status for submitted batches and records each item's outcome. */
export const pollBatchStatusStep = createStep("poll-meta-catalog-batch-status", async (_: void, { container }) => {
  const result = await pollCatalogBatches(container)
  await updateRunProgress(container)
  return new StepResponse(result)
})
