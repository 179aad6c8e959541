import type { MedusaContainer } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import {
  buildItemsBatchBodies,
  catalogEligibility,
  mapVariantToCatalogItem,
  MAX_REQUESTS_PER_BATCH,
  type CatalogOperation,
} from "../../../lib/catalog"
import { GraphError } from "../../../lib/graph"
import type { CatalogItemOutcome, CatalogItemRow } from "../../../modules/meta/catalog-store"
import { loadCatalogSources } from "./load-catalog-sources"
import { resolveCatalogContext, type CatalogContext } from "./catalog-context"
import { updateRunProgress } from "./full-sync"
import { retryDelayMs } from "./retry-delay"

/** Changes arriving in a burst leave together: wait until the burst is quiet for this long… */
export const FLUSH_QUIET_MS = 2_000
/** …but never hold a change longer than this (the one-minute promise for price and stock). */
export const FLUSH_MAX_WAIT_MS = 10_000

export type FlushResult = {
  paused?: string
  claimed: number
  unchanged: number
  needsAttention: number
  sent: number
  calls: number
  throttledForMs?: number
  failed?: string
}

type Sent = { id: string; method: "UPDATE" | "DELETE"; hash: string | null; retailer_id: string; errors?: unknown }

/**
 * One pass of the catalog worker: takes due dirty items (≤5,000 — one items_batch call), maps them,
 * skips those whose content hash did not change, sends the rest and records the batch handle. Repeats
 * while items are due, unless `once`. The items stay dirty in the database until Meta answered for them.
 */
export async function flushCatalog(
  container: MedusaContainer,
  options: { force?: boolean; once?: boolean; batchSize?: number; now?: () => Date } = {}
): Promise<FlushResult> {
  const context = await resolveCatalogContext(container)
  const result: FlushResult = { claimed: 0, unchanged: 0, needsAttention: 0, sent: 0, calls: 0 }
  if (!context.target) return { ...result, paused: context.pausedReason }
  const store = context.service.catalogItemStore()
  const now = options.now ?? (() => new Date())
  await store.releaseStaleClaims(10 * 60_000)
  const batchSize = Math.min(options.batchSize ?? MAX_REQUESTS_PER_BATCH, MAX_REQUESTS_PER_BATCH)

  for (;;) {
    const summary = await store.dirtySummary()
    if (summary.count === 0) break
    const quiet = summary.newest ? now().getTime() - new Date(summary.newest).getTime() >= FLUSH_QUIET_MS : true
    const overdue = summary.oldest ? now().getTime() - new Date(summary.oldest).getTime() >= FLUSH_MAX_WAIT_MS : true
    if (!options.force && summary.count < batchSize && !quiet && !overdue) break
    const pass = await flushOnce(container, context, batchSize, now())
    // A full sync shows each items_batch call on its progress bar, not only what Meta confirmed.
    if (pass.calls > 0) await updateRunProgress(container)
    result.claimed += pass.claimed
    result.unchanged += pass.unchanged
    result.needsAttention += pass.needsAttention
    result.sent += pass.sent
    result.calls += pass.calls
    if (pass.throttledForMs !== undefined || pass.failed || pass.paused) {
      return { ...result, throttledForMs: pass.throttledForMs, failed: pass.failed, paused: pass.paused }
    }
    if (options.once || pass.claimed === 0) break
  }
  return result
}

async function flushOnce(container: MedusaContainer, context: CatalogContext, batchSize: number, now: Date): Promise<FlushResult> {
  const target = context.target!
  const store = context.service.catalogItemStore()
  const batchId = generateEntityId(undefined, "metacb")
  const rows = await store.claimDue(batchId, batchSize)
  const result: FlushResult = { claimed: rows.length, unchanged: 0, needsAttention: 0, sent: 0, calls: 0 }
  if (!rows.length) return result

  const sources = await loadCatalogSources(container, rows.map((r) => r.variant_id), context.salesChannelId)
  const settings = { ...context.settings, now }
  const outcomes: CatalogItemOutcome[] = []
  const operations: CatalogOperation[] = []
  const sent: Sent[] = []
  const keep = (row: CatalogItemRow, status: string, errors: unknown = null): CatalogItemOutcome => ({
    id: row.id,
    status,
    content_hash: row.content_hash,
    retailer_id: row.retailer_id,
    errors,
    synced: false,
  })

  for (const row of rows) {
    const source = sources.get(row.variant_id)
    const eligibility = catalogEligibility({
      exists: source !== undefined,
      status: source?.product.status,
      salesChannelIds: source?.salesChannelIds,
      salesChannelId: context.salesChannelId,
      excluded: row.excluded,
    })
    const inMeta = row.content_hash !== null && row.retailer_id !== null
    if (!eligibility.eligible) {
      if (inMeta) {
        operations.push({ kind: "delete", retailerId: row.retailer_id! })
        sent.push({ id: row.id, method: "DELETE", hash: null, retailer_id: row.retailer_id! })
      } else {
        outcomes.push({ ...keep(row, "removed"), remove_row: eligibility.reason === "deleted" })
      }
      continue
    }
    const mapped = mapVariantToCatalogItem(source!.product, source!.variant, settings)
    if (!mapped.ok) {
      result.needsAttention++
      const reasons = mapped.reasons.map((r) => ({ field: r.field, message: r.message, hint: r.message }))
      if (inMeta) {
        // What Meta holds is stale (an old price, still buyable): it goes until the item is fixed. The
        // DELETE carries the reasons, so the item ends up "needs attention" once Meta confirms it.
        operations.push({ kind: "delete", retailerId: row.retailer_id! })
        sent.push({ id: row.id, method: "DELETE", hash: null, retailer_id: row.retailer_id!, errors: reasons })
      } else {
        outcomes.push(keep(row, "needs_attention", reasons))
      }
      continue
    }
    if (mapped.hash === row.content_hash && row.retailer_id === mapped.item.id && ["synced", "error"].includes(row.status)) {
      result.unchanged++
      outcomes.push(keep(row, row.status, row.errors))
      continue
    }
    // A changed SKU changes the retailer id: the old item goes, the new one comes.
    if (inMeta && row.retailer_id !== mapped.item.id) operations.push({ kind: "delete", retailerId: row.retailer_id! })
    operations.push({ kind: "upsert", item: mapped.item })
    sent.push({ id: row.id, method: "UPDATE", hash: mapped.hash, retailer_id: mapped.item.id })
  }
  await store.recordOutcomes(outcomes)
  if (!operations.length) return result

  const sentIds = sent.map((s) => s.id)
  await context.service.createMetaCatalogBatches({
    id: batchId,
    catalog_id: target.catalogId,
    status: "sending",
    request_count: operations.length,
    item_ids: sentIds,
  } as any)
  await store.markSent(batchId, sent, target.catalogId)
  const graph = context.service.getGraphClient()
  const handles: string[] = []
  try {
    for (const body of buildItemsBatchBodies(operations)) {
      const answer = await graph.post<{ handles?: string[]; validation_status?: unknown[] }>(`${target.catalogId}/items_batch`, {
        token: target.token,
        body: body as unknown as Record<string, unknown>,
        usageKey: target.catalogId,
      })
      result.calls++
      handles.push(...(answer?.handles ?? []))
    }
  } catch (error) {
    return { ...result, ...(await recordCallFailure(context, batchId, sentIds, error)) }
  }
  result.sent = operations.length
  await context.service.updateMetaCatalogBatches({
    id: batchId,
    status: "submitted",
    handle: handles.join(","),
    next_poll_at: new Date(),
  } as any)
  return result
}

/** What a failed items_batch call means for its items: wait as Meta says, pause on auth, back off otherwise. */
async function recordCallFailure(
  context: CatalogContext,
  batchId: string,
  itemIds: string[],
  error: unknown
): Promise<Pick<FlushResult, "throttledForMs" | "failed" | "paused">> {
  const store = context.service.catalogItemStore()
  const message = error instanceof Error ? error.message : String(error)
  await context.service.updateMetaCatalogBatches({ id: batchId, status: "failed", error: message } as any)
  if (error instanceof GraphError && error.category === "auth") {
    await context.service.recordGraphFailure(context.target!.connectionId, error)
    await store.releaseForRetry(itemIds, null, false)
    return { paused: `The Meta connection needs attention: ${message}` }
  }
  if (error instanceof GraphError && error.category === "throttled") {
    const wait = error.retryAfterMs ?? 60_000
    await store.releaseForRetry(itemIds, wait, false)
    return { throttledForMs: wait }
  }
  await store.releaseForRetry(itemIds, retryDelayMs(1), true)
  return { failed: message }
}
