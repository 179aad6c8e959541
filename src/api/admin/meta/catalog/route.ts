import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaCatalogResponse } from "../../../../types/http/catalog"
import { resolveCatalogContext } from "../../../../catalog-sync/catalog-context"
import { presentRun } from "./present-catalog"

/** GET /admin/meta/catalog: totals, progress of a running full sync, the last reconcile, and why sync waits. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaCatalogResponse>) {
  const context = await resolveCatalogContext(req.scope)
  const { service } = context
  const counts = await service.countCatalogItemsByStatus()
  const [fullSync] = await service.listMetaCatalogRuns({ kind: "full_sync" }, { take: 1, order: { started_at: "DESC" } })
  const [reconcile] = await service.listMetaCatalogRuns({ kind: "reconcile" }, { take: 1, order: { started_at: "DESC" } })
  res.json({
    catalog: {
      catalog_id: context.target?.catalogId ?? (await service.retrieveLiveConnection())?.catalog_id ?? null,
      paused_reason: context.pausedReason ?? null,
      currency_code: context.settings.currencyCode,
      totals: {
        synced: counts.synced ?? 0,
        pending: (counts.pending ?? 0) + (counts.deleting ?? 0),
        needs_attention: counts.needs_attention ?? 0,
        errors: counts.error ?? 0,
        excluded: counts.excluded,
        waiting: counts.dirty,
      },
      full_sync: fullSync ? presentRun(fullSync) : null,
      last_reconcile: reconcile ? presentRun(reconcile) : null,
    },
  })
}
