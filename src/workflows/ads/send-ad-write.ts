import { MedusaError } from "@medusajs/framework/utils"
import { usageVerdict } from "../../lib/ads/marketing-api-usage"
import { GRAPH_BATCH_MAX_REQUESTS, GraphError, type GraphBatchItem } from "../../lib/graph"
import type MetaModuleService from "../../modules/meta/service"
import type { FinishedChange } from "../../modules/meta-ads/change-repository"
import type MetaAdsModuleService from "../../modules/meta-ads/service"
import type { AdObjectType } from "../../modules/meta-ads/service"
import { accountUsage } from "./marketing-api-reader"

export type AdWrite = {
  object_type: AdObjectType
  object_meta_id: string
  actor: string
  action: string
  before: Record<string, string | null>
  after: Record<string, string | null>
  params: Record<string, string>
  idempotency_key: string | null
}

/**
 * Sends one absolute write (status, budget) to Meta through the audit log: the change is recorded before
 * the call, a change already applied under the same key is not sent again, and repeating the POST itself
 * (the client's retry after a lost answer) cannot change anything twice because the values are absolute.
 * Throws a 400 with Meta's message when Meta refuses.
 */
export async function sendAdWrite(meta: MetaModuleService, ads: MetaAdsModuleService, token: string, write: AdWrite): Promise<string> {
  const change = await ads.beginChange({
    object_type: write.object_type,
    object_meta_id: write.object_meta_id,
    actor: write.actor,
    action: write.action,
    before: write.before,
    after: write.after,
    request: { method: "POST", path: write.object_meta_id, params: write.params },
    idempotency_key: write.idempotency_key,
  })
  if (!change.created && change.status === "applied") return change.id
  try {
    await meta.getGraphClient().post(write.object_meta_id, { token, body: write.params, retry: true })
  } catch (error) {
    const message = error instanceof GraphError ? error.userMessage ?? error.message : (error as Error).message
    await ads.finishChange({ id: change.id, object_type: write.object_type, object_meta_id: write.object_meta_id, applied: false, error: message })
    if (error instanceof GraphError && error.category === "invalid") throw new MedusaError(MedusaError.Types.INVALID_DATA, `Meta refused the change: ${message}`)
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Meta did not take the change: ${message}`)
  }
  // Only what the write changed goes into the mirror (a rule's "after" also repeats unchanged fields).
  const changed = Object.fromEntries(Object.keys(write.params).map((key) => [key, write.after[key] ?? write.params[key]]))
  const values = changed.status ? { ...changed, effective_status: changed.status } : changed
  await ads.finishChange({ id: change.id, object_type: write.object_type, object_meta_id: write.object_meta_id, applied: true, values })
  return change.id
}

/** What happened to one write of a batched evaluation. */
export type BatchedWriteOutcome = {
  /** The audit-log entry (null when the write was not sent, so nothing was recorded). */
  change_id: string | null
  applied: boolean
  /** Why it was not applied, as the decision log shows it. */
  reason?: string
}

const stableParams = (params: Record<string, unknown>) => JSON.stringify(Object.keys(params).sort().map((k) => [k, String(params[k])]))

/** The mirror's part of an applied write: only what the write changed (a rule's "after" also repeats unchanged fields). */
function mirrorValues(write: AdWrite): Record<string, string | null> {
  const changed = Object.fromEntries(Object.keys(write.params).map((key) => [key, write.after[key] ?? write.params[key]]))
  return changed.status ? { ...changed, effective_status: changed.status } : changed
}

/**
 * Sends many absolute writes (one rule evaluation's) in Graph batch requests of at most 50
 * (https://developers.facebook.com/docs/graph-api/batch-requests), each through the audit log like
 * sendAdWrite: the batch's changes are recorded (pending) before the call, one statement per batch; each
 * is finished from its own sub-answer — applied (and written into the mirror), or failed with Meta's
 * message while the batch's other items stand. A change already applied under its key is not sent again.
 *
 * A lost answer (the connection died, Meta answered null for an item: "You can retry any request that
 * fails") leaves its changes pending: the next evaluation that decides the same write for the same object
 * takes over the pending change (same key) and sends the same absolute values, so Meta ends in the same
 * state once and the log holds one entry. After a lost answer or a throttling answer (or when Meta's
 * usage headers say the account is used up) no further batch is sent this evaluation; those writes are
 * not recorded and are decided again next time. Meta's Marketing API counts each sub-request as a call.
 */
export async function sendAdWritesBatched(
  meta: MetaModuleService,
  ads: MetaAdsModuleService,
  token: string,
  writes: (AdWrite & { idempotency_key: string })[],
  opts: { act: string }
): Promise<BatchedWriteOutcome[]> {
  const outcomes: BatchedWriteOutcome[] = writes.map(() => ({ change_id: null, applied: false }))
  if (!writes.length) return outcomes
  const notSent = (from: number, why: string) => {
    for (let i = from; i < writes.length; i++) if (!outcomes[i].change_id && !outcomes[i].applied) outcomes[i].reason = `Not sent: ${why}; decided again on the next evaluation`
  }
  const [sync] = await ads.listMetaAdSyncs({ ad_account_meta_id: opts.act })
  if (sync?.resumes_at && new Date(sync.resumes_at).getTime() > Date.now()) {
    notSent(0, sync.reason ?? "Meta is throttling the ad account")
    return outcomes
  }

  // A change left pending by a lost answer is taken over by the same write decided again.
  const pending = await ads.listMetaAdChanges(
    { status: "pending", actor: [...new Set(writes.map((w) => w.actor))], object_meta_id: [...new Set(writes.map((w) => w.object_meta_id))] },
    { take: null }
  )
  const pendingKeys = new Map<string, string>()
  for (const change of pending) {
    const request = change.request as { params?: Record<string, unknown> } | null
    if (change.idempotency_key && request?.params) pendingKeys.set(`${change.actor}|${change.object_meta_id}|${stableParams(request.params)}`, change.idempotency_key)
  }
  const sendable = writes.map((w) => ({ ...w, idempotency_key: pendingKeys.get(`${w.actor}|${w.object_meta_id}|${stableParams(w.params)}`) ?? w.idempotency_key }))

  const graph = meta.getGraphClient()
  const started = Date.now()
  for (let from = 0; from < sendable.length; from += GRAPH_BATCH_MAX_REQUESTS) {
    const chunk = sendable.slice(from, from + GRAPH_BATCH_MAX_REQUESTS)
    const begun = await ads.beginChanges(
      chunk.map((w) => ({
        object_type: w.object_type,
        object_meta_id: w.object_meta_id,
        actor: w.actor,
        action: w.action,
        before: w.before,
        after: w.after,
        request: { method: "POST", path: w.object_meta_id, params: w.params },
        idempotency_key: w.idempotency_key,
      }))
    )
    const toSend: number[] = []
    begun.forEach((change, i) => {
      outcomes[from + i].change_id = change.id
      if (!change.created && change.status === "applied") outcomes[from + i].applied = true
      else toSend.push(i)
    })
    if (!toSend.length) continue

    let items: GraphBatchItem[]
    try {
      items = await graph.batch(
        toSend.map((i) => ({ method: "POST" as const, relative_url: chunk[i].object_meta_id, body: chunk[i].params })),
        { token, usageKey: opts.act }
      )
    } catch (error) {
      const graphError = error instanceof GraphError ? error : undefined
      if (graphError && graphError.category !== "transient") {
        // Meta refused the whole call (throttled, token, permission): nothing in it was applied.
        const message = graphError.userMessage ?? graphError.message
        await ads.finishChanges(toSend.map((i) => ({ id: begun[i].id, object_type: chunk[i].object_type, object_meta_id: chunk[i].object_meta_id, applied: false, error: message, values: null })))
        for (const i of toSend) outcomes[from + i].reason = `Meta refused: ${message}`
        notSent(from + chunk.length, `Meta refused the previous batch (${message})`)
      } else {
        for (const i of toSend) outcomes[from + i].reason = LOST
        notSent(from + chunk.length, "Meta's answer to the previous batch was lost")
      }
      return outcomes
    }

    let throttled: string | undefined
    let lost = false
    const finished: FinishedChange[] = []
    items.forEach((item, n) => {
      const i = toSend[n]
      const write = chunk[i]
      if (!item.error) {
        finished.push({ id: begun[i].id, object_type: write.object_type, object_meta_id: write.object_meta_id, applied: true, error: null, values: mirrorValues(write) })
        outcomes[from + i].applied = true
        return
      }
      if (item.error.category === "transient") {
        // Not answered (null) or a server failure: it may or may not have run. Stays pending, sent again with the same values.
        lost = true
        outcomes[from + i].reason = LOST
        return
      }
      const message = item.error.userMessage ?? item.error.message
      if (item.error.category === "throttled") throttled = message
      finished.push({ id: begun[i].id, object_type: write.object_type, object_meta_id: write.object_meta_id, applied: false, error: message, values: null })
      outcomes[from + i].reason = `Meta refused: ${message}`
    })
    await ads.finishChanges(finished)
    const exhausted = usageVerdict(accountUsage(graph, opts.act, started), 100)
    const stopWhy = throttled
      ? `Meta is throttling the ad account (${throttled})`
      : lost
        ? "Meta did not answer every write of the previous batch"
        : exhausted.stop
          ? exhausted.reason
          : undefined
    if (stopWhy && from + chunk.length < sendable.length) {
      notSent(from + chunk.length, stopWhy)
      return outcomes
    }
  }
  return outcomes
}

const LOST = "Meta's answer was lost (the write may have been applied); the same absolute values are sent again on the next evaluation"
