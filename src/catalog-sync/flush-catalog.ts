import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import { MAX_REQUESTS_PER_BATCH } from "../lib/catalog"
import { GraphError } from "../lib/graph"
import { knexSqlExecutor } from "../modules/meta/sql-executor"
import { catalogPassThread, CatalogPassThreadUnavailable, threadConnectionConfig } from "./catalog-pass-thread"
import { metaService } from "../modules/meta/resolve-meta-service"
import { recordAuthFailure, resolveCatalogContext, type CatalogContext } from "./catalog-context"
import { prepareCatalogPass, type CatalogPassInput, type CatalogPassResult } from "./prepare-catalog-pass"
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
  /** Passes that ran on the main thread because the catalog pass thread was unavailable. */
  mainThreadPasses?: number
}

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
  const service = context.service
  const now = options.now ?? (() => new Date())
  await service.releaseStaleCatalogClaims(10 * 60_000)
  const batchSize = Math.min(options.batchSize ?? MAX_REQUESTS_PER_BATCH, MAX_REQUESTS_PER_BATCH)

  for (;;) {
    const summary = await service.summarizeDueCatalogItems()
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
    if (pass.mainThreadPasses) result.mainThreadPasses = (result.mainThreadPasses ?? 0) + pass.mainThreadPasses
    if (pass.throttledForMs !== undefined || pass.failed || pass.paused) {
      return { ...result, throttledForMs: pass.throttledForMs, failed: pass.failed, paused: pass.paused }
    }
    if (options.once || pass.claimed === 0) break
  }
  return result
}

async function flushOnce(container: MedusaContainer, context: CatalogContext, batchSize: number, now: Date): Promise<FlushResult> {
  const target = context.target!
  const pass = await runCatalogPass(container, {
    batchId: generateEntityId(undefined, "metacb"),
    batchSize,
    catalogId: target.catalogId,
    salesChannelId: context.salesChannelId ?? null,
    settings: { ...context.settings, now },
  })
  const result: FlushResult = {
    claimed: pass.claimed,
    unchanged: pass.unchanged,
    needsAttention: pass.needsAttention,
    sent: 0,
    calls: 0,
    ...(pass.onMainThread ? { mainThreadPasses: 1 } : {}),
  }
  if (!pass.bodies.length) return result

  const graph = context.service.getGraphClient()
  const handles: string[] = []
  try {
    for (const body of pass.bodies) {
      const answer = await graph.post<{ handles?: string[]; validation_status?: unknown[] }>(`${target.catalogId}/items_batch`, {
        token: target.token,
        jsonBody: body,
        usageKey: target.catalogId,
      })
      result.calls++
      handles.push(...(answer?.handles ?? []))
    }
  } catch (error) {
    return { ...result, ...(await recordCallFailure(context, pass.batchId, error)) }
  }
  result.sent = pass.requestCount
  await context.service.updateMetaCatalogBatches({
    id: pass.batchId,
    status: "submitted",
    handle: handles.join(","),
    next_poll_at: new Date(),
  })
  return result
}

/**
 * prepareCatalogPass on the catalog pass thread (its own heap and connection), or on the store's own
 * connection when the thread is unavailable: then whatever the thread had claimed goes back first.
 */
async function runCatalogPass(
  container: MedusaContainer,
  input: CatalogPassInput
): Promise<CatalogPassResult & { batchId: string; onMainThread: boolean }> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const db = knexSqlExecutor(knex)
  const connection = threadConnectionConfig(knex)
  if (connection && catalogPassThread.available) {
    try {
      return { ...(await catalogPassThread.run(connection, input)), batchId: input.batchId, onMainThread: false }
    } catch (error) {
      if (!(error instanceof CatalogPassThreadUnavailable)) throw error
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Meta catalog: ${error.message}; this pass runs on the main thread.`)
      await metaService(container).releaseCatalogBatchForRetry(input.batchId, null, false, error.message)
      input = { ...input, batchId: generateEntityId(undefined, "metacb") }
    }
  }
  return { ...(await prepareCatalogPass(db, input)), batchId: input.batchId, onMainThread: true }
}

/** What a failed items_batch call means for its items: wait as Meta says, pause on auth, back off otherwise. */
async function recordCallFailure(
  context: CatalogContext,
  batchId: string,
  error: unknown
): Promise<Pick<FlushResult, "throttledForMs" | "failed" | "paused">> {
  const service = context.service
  const message = error instanceof Error ? error.message : String(error)
  if (await recordAuthFailure(context.service, context.target!.connectionId, error)) {
    await service.releaseCatalogBatchForRetry(batchId, null, false, message)
    return { paused: `The Meta connection needs attention: ${message}` }
  }
  if (error instanceof GraphError && error.category === "throttled") {
    const wait = error.retryAfterMs ?? 60_000
    await service.releaseCatalogBatchForRetry(batchId, wait, false, message)
    return { throttledForMs: wait }
  }
  await service.releaseCatalogBatchForRetry(batchId, retryDelayMs(1), true, message)
  return { failed: message }
}
