import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import type { CatalogChange } from "../../../catalog-sync/mark-changes-dirty"
import { flushCatalogBatchStep } from "../steps/flush-catalog-batch"
import { markItemsDirtyStep } from "../steps/mark-items-dirty"
import { markProductSetsDirtyStep } from "../steps/mark-product-sets-dirty"
import { pollBatchStatusStep } from "../steps/poll-batch-status"
import { reconcileCatalogStep } from "../steps/reconcile-catalog"
import { setCatalogExclusionStep } from "../steps/set-catalog-exclusion"
import { startFullSyncStep } from "../steps/start-full-sync"
import { syncProductSetsStep } from "../steps/sync-product-sets"
import type { ProductSetChange } from "../../../catalog-sync/sync-product-sets"

export const markMetaCatalogItemsDirtyWorkflow = createWorkflow(
  "mark-meta-catalog-items-dirty",
  (input: CatalogChange) => new WorkflowResponse(markItemsDirtyStep(input))
)

/** The catalog worker's tick: price changes → flush dirty items → poll batch handles → dirty product sets. */
export const syncMetaCatalogWorkflow = createWorkflow("sync-meta-catalog", (input: { force?: boolean }) => {
  const flush = flushCatalogBatchStep(input)
  const poll = pollBatchStatusStep()
  const productSets = syncProductSetsStep()
  return new WorkflowResponse({ flush, poll, productSets })
})

/** Full sync: every variant and every collection/category product set is checked against Meta. */
export const startMetaCatalogFullSyncWorkflow = createWorkflow("start-meta-catalog-full-sync", () => {
  const run = startFullSyncStep()
  markProductSetsDirtyStep({ kind: "all" })
  return new WorkflowResponse(run)
})

export const markMetaProductSetsDirtyWorkflow = createWorkflow(
  "mark-meta-product-sets-dirty",
  (input: ProductSetChange) => new WorkflowResponse(markProductSetsDirtyStep(input))
)

/** Nightly: orphans and drift in items; every product set recomputed (catches any change no event reported). */
export const reconcileMetaCatalogWorkflow = createWorkflow("reconcile-meta-catalog", () => {
  const result = reconcileCatalogStep()
  markProductSetsDirtyStep({ kind: "all" })
  return new WorkflowResponse(result)
})

export const setMetaCatalogExclusionWorkflow = createWorkflow(
  "set-meta-catalog-exclusion",
  (input: { product_id: string; variant_ids?: string[]; excluded: boolean }) => new WorkflowResponse(setCatalogExclusionStep(input))
)
