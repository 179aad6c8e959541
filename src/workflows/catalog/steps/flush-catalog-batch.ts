import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { flushCatalog } from "../../../catalog-sync/flush-catalog"
import { watchPriceChanges } from "../../../catalog-sync/watch-price-changes"

/**
 * Picks up price edits (no Medusa event exists for them), then sends due dirty items to items_batch.
 * Nothing to compensate: items stay dirty in the database until Meta answered for them.
 */
export const flushCatalogBatchStep = createStep(
  "flush-meta-catalog-batch",
  async (input: { force?: boolean }, { container }) => {
    const prices = await watchPriceChanges(container)
    const flush = await flushCatalog(container, { force: input.force })
    return new StepResponse({ ...flush, priceChanges: prices.variants })
  }
)
