import { MedusaError } from "@medusajs/framework/utils"
import { GraphError } from "../../lib/graph"
import type MetaModuleService from "../../modules/meta/service"
import type MetaAdsModuleService from "../../modules/meta-ads/service"
import type { AdObjectType } from "../../modules/meta-ads/service"

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
