import type { MedusaContainer } from "@medusajs/framework/types"
import { syncMetaCatalogWorkflow } from "../workflows/catalog"
import { catalogWorkerDue } from "../catalog-sync/catalog-worker-due"

/**
 * The catalog worker, every 5 seconds: price changes → dirty items to items_batch → batch status.
 * With the 2-second quiet window of the flush, a change reaches Meta in ~5–15 s (Meta's partner bar is
 * 15 minutes for price and stock). A tick with nothing to do stops after one query.
 */
export default async function syncMetaCatalogJob(container: MedusaContainer) {
  // Operators (and tests that drive the worker step by step) can stop the scheduled worker.
  if (process.env.META_CATALOG_WORKER === "off") return
  if (!(await catalogWorkerDue(container))) return
  await syncMetaCatalogWorkflow(container).run({ input: {} })
}

export const config = {
  name: "sync-meta-catalog",
  schedule: { interval: 5_000 },
}
