import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { markProductSetsDirty } from "../../../catalog-sync/sync-product-sets"
import { startFullSyncForSelectedCatalog } from "../../../catalog-sync/full-sync"

/**
 * Starts a full sync (items and product sets) when the connection has a catalog it did not have before.
 * Nothing to compensate: a full sync only compares the store with Meta and sends the difference.
 */
export const startFullSyncForSelectedCatalogStep = createStep(
  "start-meta-catalog-full-sync-for-selected-catalog",
  async (input: { previous_catalog_id?: string | null }, { container }) => {
    const run = await startFullSyncForSelectedCatalog(container, input.previous_catalog_id)
    if (run) await markProductSetsDirty(container, { kind: "all" })
    return new StepResponse(run)
  }
)
