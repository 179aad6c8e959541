import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { buildRuleDraft, ruleErrorsMessage } from "../../../lib/ads"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"

export type SaveMetaAdRuleInput = {
  /** Absent: a new rule. */
  id?: string
  name?: string
  enabled?: boolean
  template?: string
  values?: Record<string, string>
} & Record<string, unknown>

/**
 * Creates or updates a rule: a template's draft (if one is named) with the merchant's fields over it, checked
 * as the evaluator will read it (amounts against the ad account's currency); a 400 names each wrong field.
 */
type Undo = { previous: Record<string, unknown> | null; created: string | null }

export const saveMetaAdRuleStep = createStep(
  "save-meta-ad-rule",
  async (input: SaveMetaAdRuleInput, { container }) => {
    const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
    const meta = container.resolve<MetaModuleService>(META_MODULE)
    const connection = await meta.retrieveLiveConnection()
    const [account] = connection?.ad_account_id ? await ads.listMetaAdAccounts({ meta_id: connection.ad_account_id }) : []
    const existing = input.id ? (await ads.listMetaAdRules({ id: input.id }))[0] : undefined
    if (input.id && !existing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `rule with id: ${input.id} was not found`)
    const templateKey = input.template ?? existing?.template ?? undefined
    const checked = buildRuleDraft(input, {
      base: (existing?.definition as Record<string, unknown> | undefined) ?? null,
      id: existing?.id,
      currency: account?.currency ?? null,
    })
    if (!checked.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, ruleErrorsMessage(checked))
    const { id: _id, ...definition } = checked.rule
    const name = input.name ?? existing?.name
    if (!name) throw new MedusaError(MedusaError.Types.INVALID_DATA, "name is required")
    if (existing) {
      const [updated] = await ads.updateMetaAdRules([{ id: existing.id, name, enabled: input.enabled ?? existing.enabled, template: templateKey ?? null, definition }])
      return new StepResponse<{ id: string }, Undo>({ id: updated.id }, { previous: existing as unknown as Record<string, unknown>, created: null })
    }
    const created = await ads.createMetaAdRules({ name, enabled: input.enabled ?? true, template: templateKey ?? null, definition })
    return new StepResponse<{ id: string }, Undo>({ id: created.id }, { previous: null, created: created.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
    if (undo.created) await ads.deleteMetaAdRules([undo.created])
    else if (undo.previous) {
      const { id, name, enabled, template, definition } = undo.previous as never
      await ads.updateMetaAdRules([{ id, name, enabled, template, definition }])
    }
  }
)
