import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { hintForItemError } from "../lib/catalog"
import { GraphError } from "../lib/graph"
import type { CatalogItemOutcome } from "../modules/meta/catalog-item-repository"
import { metaService } from "../modules/meta/resolve-meta-service"
import { recordAuthFailure, resolveCatalogContext } from "./catalog-context"
import { retryDelayMs } from "./retry-delay"

type BatchStatus = {
  handle: string
  status: string
  errors?: { line?: number; id?: string; message?: string }[]
  errors_total_count?: number
  ids_of_invalid_requests?: string[]
}

/** How long a tick owns a batch's status check; the outcome sets the real next poll time. */
const POLL_LEASE_MS = 60_000

export type PollResult = { polled: number; finished: number; synced: number; errors: number; paused?: string }

/**
 * Polls check_batch_request_status (with load_ids_of_invalid_requests, else Meta leaves the id list
 * empty) for submitted batches; a finished batch records each item: synced, or Meta's error with a
 * hint naming the field to fix. A failed DELETE stays dirty and is retried until it lands.
 */
export async function pollCatalogBatches(container: MedusaContainer): Promise<PollResult> {
  const context = await resolveCatalogContext(container)
  const result: PollResult = { polled: 0, finished: 0, synced: 0, errors: 0 }
  if (!context.target) return { ...result, paused: context.pausedReason }
  const { service, target } = context
  const graph = service.getGraphClient()
  // Not item_ids: up to 5,000 ids per batch, and the items carry the batch's id themselves.
  const batches = await service.listMetaCatalogBatches({ status: "submitted" }, {
    take: 50,
    order: { created_at: "ASC" },
    select: ["id", "catalog_id", "handle", "attempts", "next_poll_at"],
  })
  for (const batch of batches) {
    if (batch.next_poll_at && new Date(batch.next_poll_at).getTime() > Date.now()) continue
    // Another tick (on another worker) may be polling it right now.
    if (!(await service.claimCatalogBatchPoll(batch.id, POLL_LEASE_MS))) continue
    result.polled++
    const handles = (batch.handle ?? "").split(",").filter(Boolean)
    const statuses: BatchStatus[] = []
    try {
      for (const handle of handles) {
        const answer = await graph.get<{ data?: BatchStatus[] }>(`${batch.catalog_id}/check_batch_request_status`, {
          token: target.token,
          params: { handle, load_ids_of_invalid_requests: true },
          usageKey: batch.catalog_id,
        })
        statuses.push(...(answer?.data ?? []))
      }
    } catch (error) {
      if (await recordAuthFailure(service, target.connectionId, error)) return { ...result, paused: (error as GraphError).message }
      const wait = error instanceof GraphError && error.retryAfterMs ? error.retryAfterMs : retryDelayMs(batch.attempts + 1)
      await service.updateMetaCatalogBatches({ id: batch.id, attempts: batch.attempts + 1, next_poll_at: new Date(Date.now() + wait) })
      continue
    }
    if (statuses.length < handles.length || statuses.some((s) => s.status !== "finished")) {
      // Meta documents only "finished"; anything else means: ask again a little later.
      await service.updateMetaCatalogBatches({
        id: batch.id,
        attempts: batch.attempts + 1,
        next_poll_at: new Date(Date.now() + Math.min(30_000, 1_000 * (batch.attempts + 1))),
      })
      continue
    }
    const outcome = await recordBatchOutcome(container, batch.id, statuses)
    result.finished++
    result.synced += outcome.synced
    result.errors += outcome.errors
  }
  return result
}

async function recordBatchOutcome(
  container: MedusaContainer,
  batchId: string,
  statuses: BatchStatus[]
): Promise<{ synced: number; errors: number }> {
  const service = metaService(container)
  const errorsById = new Map<string, string[]>()
  for (const status of statuses) {
    for (const error of status.errors ?? []) {
      if (!error.id) continue
      errorsById.set(error.id, [...(errorsById.get(error.id) ?? []), error.message ?? "Meta rejected the item"])
    }
    for (const id of status.ids_of_invalid_requests ?? []) if (!errorsById.has(id)) errorsById.set(id, ["Meta rejected the item"])
  }
  // The common case in one statement: every UPDATE Meta did not reject is synced.
  let synced = await service.recordCatalogBatchSynced(batchId, [...errorsById.keys()])
  // DELETEs and rejected UPDATEs, item by item.
  const items = await service.listCatalogBatchItems(batchId)
  const existing = await existingVariants(
    container,
    items.filter((i) => i.sent_method === "DELETE" && !i.variant_id.startsWith("orphan:")).map((i) => i.variant_id)
  )
  const outcomes: CatalogItemOutcome[] = []
  let errors = 0
  for (const item of items) {
    const retailerId = item.sent_retailer_id ?? item.retailer_id
    const messages = retailerId ? errorsById.get(retailerId) : undefined
    if (item.sent_method === "DELETE") {
      if (messages) {
        errors++
        outcomes.push({
          id: item.id,
          status: "error",
          content_hash: "deleting",
          retailer_id: item.retailer_id,
          errors: messages.map((m) => ({ field: "item", message: m, hint: "Deleting the item from Meta failed; it is retried." })),
          synced: false,
          retry_in_ms: retryDelayMs(item.attempts + 1),
        })
        continue
      }
      synced++
      const exists = existing.has(item.variant_id)
      // Removed because it needs attention (the flush put the reasons on the DELETE): it stays so, with
      // its reasons, until fixed; then it is sent again as a new item.
      const reasons = exists && Array.isArray(item.errors) && item.errors.length > 0 ? item.errors : null
      outcomes.push({
        id: item.id,
        status: reasons ? "needs_attention" : "removed",
        content_hash: null,
        retailer_id: null,
        errors: reasons,
        synced: false,
        remove_row: !exists,
      })
      continue
    }
    // An UPDATE still here is one Meta rejected (recordBatchSynced took the others).
    errors++
    outcomes.push({
      id: item.id,
      status: "error",
      content_hash: item.sent_hash,
      retailer_id: retailerId,
      errors: (messages ?? ["Meta rejected the item"]).map((message) => ({ message, ...hintForItemError(message) })),
      synced: false,
    })
  }
  await service.recordCatalogItemOutcomes(outcomes)
  await service.updateMetaCatalogBatches({
    id: batchId,
    status: "finished",
    finished_at: new Date(),
    errors_total: errors,
  })
  return { synced, errors }
}

async function existingVariants(container: MedusaContainer, variantIds: string[]): Promise<Set<string>> {
  if (!variantIds.length) return new Set()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { id: variantIds } })
  return new Set((data as { id: string }[]).map((v) => v.id))
}
