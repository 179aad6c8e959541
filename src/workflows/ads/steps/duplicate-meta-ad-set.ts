import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GraphError } from "../../../lib/graph"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"

export type DuplicateMetaAdSetInput = { id: string; actor: string; idempotency_key?: string | null }
export type DuplicatedMetaAdSet = { change_id: string; source_meta_id: string; copy_meta_id: string }

/**
 * "Scale the winner": a deep copy of an ad set (its ads with it), created PAUSED so the merchant reviews it
 * before it spends. A copy is not an absolute write, so it is made once: the change row is written first,
 * the copy is named with the change's id, and a retry after a lost answer looks for that copy before it
 * asks Meta again.
 * https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/copies/
 */
export const duplicateMetaAdSetStep = createStep("duplicate-meta-ad-set", async (input: DuplicateMetaAdSetInput, { container }) => {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const live = await meta.getConnectionToken()
  if (!live) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Meta is not connected: connect it in Settings → Meta first.")
  const [source] = await ads.listMetaAdSets({ id: input.id })
  if (!source) throw new MedusaError(MedusaError.Types.NOT_FOUND, `ad set with id: ${input.id} was not found`)
  const graph = meta.getGraphClient()

  const change = await ads.beginChange({
    object_type: "ad_set",
    object_meta_id: source.meta_id,
    actor: input.actor,
    action: "duplicate",
    before: null,
    after: null,
    request: { method: "POST", path: `${source.meta_id}/copies`, params: { deep_copy: true, status_option: "PAUSED" } },
    idempotency_key: input.idempotency_key ?? null,
  })
  const suffix = ` (copy ${change.id.slice(-8)})`
  const existing = await graph
    .get<{ data?: { id: string; name?: string }[] }>(`${source.meta_id}/copies`, { token: live.token, params: { fields: "id,name", limit: 100 } })
    .then((page) => page.data?.find((c) => c.name?.endsWith(suffix)))
    .catch(() => undefined)
  let copyId = existing?.id
  if (!copyId) {
    try {
      const made = await graph.post<{ copied_adset_id: string }>(`${source.meta_id}/copies`, {
        token: live.token,
        body: { deep_copy: true, status_option: "PAUSED", rename_options: JSON.stringify({ rename_strategy: "DEEP_RENAME", rename_suffix: suffix }) },
        retry: false,
      })
      copyId = made.copied_adset_id
    } catch (error) {
      const message = error instanceof GraphError ? error.userMessage ?? error.message : (error as Error).message
      await ads.finishChange({ id: change.id, object_type: "ad_set", object_meta_id: source.meta_id, applied: false, error: message })
      if (error instanceof GraphError && error.category === "invalid") throw new MedusaError(MedusaError.Types.INVALID_DATA, `Meta refused the copy: ${message}`)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Meta did not make the copy: ${message}`)
    }
  }
  await ads.finishChange({ id: change.id, object_type: "ad_set", object_meta_id: source.meta_id, applied: true })
  await ads.recordChangeResult(change.id, { copied_adset_id: copyId })
  return new StepResponse<DuplicatedMetaAdSet>({ change_id: change.id, source_meta_id: source.meta_id, copy_meta_id: copyId })
})
