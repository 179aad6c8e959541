import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { planSafetyNet, SafetyNetInputError, type MetaRuleBody, type SafetyNetAction, type SafetyNetKind, type SafetyNetRequest } from "../../../lib/ads"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"
import { safetyNetConnection } from "../safety-net-graph"

/** One rule's part of the plan, with the plugin's row for it when there is one. */
export type SafetyNetPlanItem = SafetyNetAction & { row_id: string | null }

export type SafetyNetPlan = { act: string; currency: string; items: Record<SafetyNetKind, SafetyNetPlanItem> }

/**
 * What the request means for the connection's ad account: its currency (from the mirror, else from Meta), the
 * rules the plugin keeps for it, and per rule what to send (planSafetyNet). A read only. Wrong values are a 400
 * naming the field, before anything is sent.
 */
export const planMetaSafetyNetStep = createStep("plan-meta-safety-net", async (input: SafetyNetRequest, { container }) => {
  const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const { graph, token, act } = await safetyNetConnection(container)
  const [mirrored] = await ads.listMetaAdAccounts({ meta_id: act })
  // https://developers.facebook.com/docs/marketing-api/reference/ad-account/ (currency)
  const currency = mirrored?.currency ?? (await graph.get<{ currency?: string }>(act, { token, params: { fields: "currency" } })).currency
  if (!currency) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Meta did not say which currency ${act} bills in`)
  const rows = await ads.listMetaAdNativeRules({ ad_account_meta_id: act })
  let actions: SafetyNetAction[]
  try {
    actions = planSafetyNet(
      input,
      rows.map((row) => ({ kind: row.kind, meta_rule_id: row.meta_rule_id, threshold: row.threshold, status: row.status, spec: row.spec as unknown as MetaRuleBody })),
      currency
    )
  } catch (error) {
    if (error instanceof SafetyNetInputError) throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    throw error
  }
  const items = Object.fromEntries(
    actions.map((action) => [action.kind, { ...action, row_id: rows.find((row) => row.kind === action.kind)?.id ?? null }])
  ) as Record<SafetyNetKind, SafetyNetPlanItem>
  return new StepResponse<SafetyNetPlan>({ act, currency, items })
})
