import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { optimizationClassFor, validateBudget } from "../../../lib/ads"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"
import type { AdObjectType } from "../../../modules/meta-ads/service"
import { sendAdWrite } from "../send-ad-write"

export type ChangeMetaAdObjectInput = {
  object_type: AdObjectType
  /** The mirror's id (metacmp_…, metaadset_…, metaad_…). */
  id: string
  /** "user:<id>" or "rule:<id>". */
  actor: string
  status?: "ACTIVE" | "PAUSED"
  /** Decimal in the account currency's main unit. */
  daily_budget?: string | number
  lifetime_budget?: string | number
  /** A retried request with the same key is the same change (sent once). */
  idempotency_key?: string | null
}

export type ChangedMetaAdObject = { change_id: string; object_type: AdObjectType; id: string; meta_id: string; applied: boolean; warnings: string[] }

type Located = {
  meta_id: string
  status: string
  daily_budget: string | null
  lifetime_budget: string | null
  optimization_goal: string | null
  currency: string
  minimum_budgets: Record<string, unknown> | null
  /** For an ad set: whether its campaign holds the budget (Advantage+ campaign budget). */
  campaign_has_budget: boolean
  has_budget_of_its_own: boolean
}

async function locate(ads: MetaAdsModuleService, type: AdObjectType, id: string): Promise<Located> {
  const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, `${type.replace("_", " ")} with id: ${id} was not found`)
  if (type === "campaign") {
    const [c] = await ads.listMetaCampaigns({ id }, { relations: ["ad_account"] })
    if (!c) throw notFound()
    return {
      meta_id: c.meta_id,
      status: c.status,
      daily_budget: c.daily_budget,
      lifetime_budget: c.lifetime_budget,
      optimization_goal: null,
      currency: c.ad_account.currency,
      minimum_budgets: c.ad_account.minimum_budgets as Record<string, unknown> | null,
      campaign_has_budget: !!(c.daily_budget || c.lifetime_budget),
      has_budget_of_its_own: !!(c.daily_budget || c.lifetime_budget),
    }
  }
  if (type === "ad_set") {
    const [s] = await ads.listMetaAdSets({ id }, { relations: ["campaign", "campaign.ad_account"] })
    if (!s) throw notFound()
    return {
      meta_id: s.meta_id,
      status: s.status,
      daily_budget: s.daily_budget,
      lifetime_budget: s.lifetime_budget,
      optimization_goal: s.optimization_goal,
      currency: s.campaign.ad_account.currency,
      minimum_budgets: s.campaign.ad_account.minimum_budgets as Record<string, unknown> | null,
      campaign_has_budget: !!(s.campaign.daily_budget || s.campaign.lifetime_budget),
      has_budget_of_its_own: !!(s.daily_budget || s.lifetime_budget),
    }
  }
  const [a] = await ads.listMetaAds({ id }, { relations: ["ad_set", "ad_set.campaign", "ad_set.campaign.ad_account"] })
  if (!a) throw notFound()
  return {
    meta_id: a.meta_id,
    status: a.status,
    daily_budget: null,
    lifetime_budget: null,
    optimization_goal: null,
    currency: a.ad_set.campaign.ad_account.currency,
    minimum_budgets: null,
    campaign_has_budget: false,
    has_budget_of_its_own: false,
  }
}

/**
 * Pauses / activates a campaign, ad set or ad, or sets its daily or lifetime budget: Meta first, then the
 * mirror, with the change in the audit log before and after. Values are absolute (never "+20 %"), so a
 * retry after a lost answer has the same effect once; Meta's refusal comes back as a 400 with its message.
 * https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group/#Updating
 */
export const changeMetaAdObjectStep = createStep("change-meta-ad-object", async (input: ChangeMetaAdObjectInput, { container }) => {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const live = await meta.getConnectionToken()
  if (!live) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Meta is not connected: connect it in Settings → Meta first.")
  const object = await locate(ads, input.object_type, input.id)

  const params: Record<string, string> = {}
  const before: Record<string, string | null> = {}
  const after: Record<string, string | null> = {}
  const warnings: string[] = []
  if (input.status) {
    before.status = object.status
    after.status = input.status
    params.status = input.status
  }
  for (const field of ["daily_budget", "lifetime_budget"] as const) {
    const amount = input[field]
    if (amount === undefined) continue
    if (input.object_type === "ad") throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: an ad has no budget; change its ad set's or campaign's`)
    if (input.object_type === "ad_set" && object.campaign_has_budget) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: this ad set's campaign holds the budget (Advantage+ campaign budget); change the campaign's`)
    }
    if (input.object_type === "campaign" && !object.campaign_has_budget) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: this campaign has no campaign budget; its ad sets hold the budgets`)
    }
    const otherField = field === "daily_budget" ? "lifetime_budget" : "daily_budget"
    if (object[otherField] && !object[field]) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: this ${input.object_type.replace("_", " ")} runs on a ${otherField.replace("_", " ")}; set ${otherField} instead`)
    }
    const checked = validateBudget({
      field,
      amount,
      account_currency: object.currency,
      minimum_budgets: object.minimum_budgets as never,
      optimization: object.optimization_goal ? optimizationClassFor(object.optimization_goal) : null,
      current_meta_units: object[field],
    })
    if (!checked.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, checked.errors.map((e) => e.message).join("; "))
    warnings.push(...checked.warnings.map((w) => w.message))
    before[field] = object[field]
    after[field] = checked.meta_units
    params[field] = checked.meta_units
  }
  if (!Object.keys(params).length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Nothing to change: give status, daily_budget or lifetime_budget")

  const action = input.status ? (input.status === "PAUSED" ? "pause" : "activate") : "set_budget"
  const changeId = await sendAdWrite(meta, ads, live.token, {
    object_type: input.object_type,
    object_meta_id: object.meta_id,
    actor: input.actor,
    action,
    before,
    after,
    params,
    idempotency_key: input.idempotency_key ?? null,
  })
  return new StepResponse<ChangedMetaAdObject>({ change_id: changeId, object_type: input.object_type, id: input.id, meta_id: object.meta_id, applied: true, warnings })
})
