import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"
import type { AppliedMetaSafetyNetRule } from "./apply-meta-safety-net-rule"

export type SaveMetaSafetyNetInput = { act: string; applied: AppliedMetaSafetyNetRule[] }

type Undo = {
  created: string[]
  restored: { id: string; spec: Record<string, unknown>; threshold: string; status: "ENABLED" | "DISABLED" }[]
  removed: string[]
}

/**
 * Records what Meta now holds, in one transaction: new rules with their Meta id, changed ones with the spec,
 * threshold and status sent, removed ones soft-deleted. Compensation puts the rows back as they were (and so a
 * failure here lets the steps before it delete at Meta what they made).
 */
export const saveMetaSafetyNetStep = createStep(
  "save-meta-safety-net",
  async ({ act, applied }: SaveMetaSafetyNetInput, { container }) => {
    const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
    const create = applied
      .filter((a) => a.action === "create" && a.meta_rule_id && a.spec && a.threshold)
      .map((a) => ({
        ad_account_meta_id: act,
        kind: a.kind,
        meta_rule_id: a.meta_rule_id as string,
        spec: a.spec as unknown as Record<string, unknown>,
        threshold: a.threshold as string,
        status: a.spec!.status,
      }))
    const updates = applied.filter((a) => a.action === "update" && a.row_id && a.spec && a.threshold && a.previous)
    const update = updates.map((a) => ({
      id: a.row_id as string,
      spec: a.spec as unknown as Record<string, unknown>,
      threshold: a.threshold as string,
      status: a.spec!.status,
    }))
    const remove = applied.filter((a) => a.action === "remove" && a.row_id).map((a) => a.row_id as string)
    const { created } = await ads.saveSafetyNetRules({ create, update, remove })
    return new StepResponse<{ created: string[] }, Undo>(
      { created },
      {
        created,
        restored: updates.map((a) => ({
          id: a.row_id as string,
          spec: a.previous!.spec as unknown as Record<string, unknown>,
          threshold: a.previous!.threshold,
          status: a.previous!.status,
        })),
        removed: remove,
      }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
    if (undo.created.length) await ads.deleteMetaAdNativeRules(undo.created)
    if (undo.removed.length) await ads.restoreMetaAdNativeRules(undo.removed)
    if (undo.restored.length) await ads.updateMetaAdNativeRules(undo.restored)
  }
)
