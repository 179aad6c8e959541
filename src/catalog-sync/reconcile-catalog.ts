import type { MedusaContainer } from "@medusajs/framework/types"
import { planOrphanDeletion } from "../lib/catalog"
import { recordAuthFailure, resolveCatalogContext } from "./catalog-context"

export type ReconcileResult = { status: "completed" | "stopped" | "failed" | "paused"; seen: number; orphans: number; resent: number; message?: string }

/**
 * Nightly: streams Meta's catalog page by page (memory stays flat), re-sends items Meta should have but
 * does not list, and deletes items the store does not know (orphans) — with the safety stop of
 * planOrphanDeletion. Orphan deletes become durable catalog items, retried like any DELETE.
 */
export async function reconcileCatalog(container: MedusaContainer, options: { pageSize?: number } = {}): Promise<ReconcileResult> {
  const context = await resolveCatalogContext(container)
  if (!context.target) return { status: "paused", seen: 0, orphans: 0, resent: 0, message: context.pausedReason }
  const { service, target } = context
  const startedAt = new Date()
  const run = await service.createMetaCatalogRuns({ kind: "reconcile", status: "running", started_at: startedAt, catalog_id: target.catalogId })
  const orphans: string[] = []
  let seen = 0
  try {
    let page: string[] = []
    const flushPage = async () => {
      const known = await service.knownCatalogRetailerIds(page)
      await service.markCatalogItemsSeen([...known], startedAt)
      for (const id of page) if (!known.has(id)) orphans.push(id)
      page = []
    }
    for await (const product of service.getGraphClient().paginate<{ retailer_id?: string }>(`${target.catalogId}/products`, {
      token: target.token,
      params: { fields: "retailer_id" },
      pageSize: options.pageSize ?? 500,
      usageKey: target.catalogId,
    })) {
      seen++
      if (product.retailer_id) page.push(product.retailer_id)
      if (page.length >= 1000) await flushPage()
    }
    await flushPage()
  } catch (error) {
    await recordAuthFailure(service, target.connectionId, error)
    const message = error instanceof Error ? error.message : String(error)
    await service.updateMetaCatalogRuns({ id: run.id, status: "failed", message, finished_at: new Date() })
    return { status: "failed", seen, orphans: 0, resent: 0, message }
  }
  const plan = planOrphanDeletion({ metaItemCount: seen, orphanRetailerIds: orphans })
  const resent = await service.resendUnseenCatalogItems(startedAt)
  if (plan.action === "stop") {
    await service.updateMetaCatalogRuns({ id: run.id, status: "stopped", total: seen, processed: seen, message: plan.reason, finished_at: new Date() })
    return { status: "stopped", seen, orphans: orphans.length, resent, message: plan.reason }
  }
  await service.enqueueCatalogOrphanDeletes(plan.retailerIds, target.catalogId)
  await service.updateMetaCatalogRuns({
    id: run.id,
    status: "completed",
    total: seen,
    processed: seen,
    deleted: plan.retailerIds.length,
    message: `${plan.retailerIds.length} orphan(s) deleted, ${resent} item(s) re-sent`,
    finished_at: new Date(),
  })
  return { status: "completed", seen, orphans: plan.retailerIds.length, resent }
}
