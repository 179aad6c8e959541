import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { toMetaBudget } from "../../../lib/ads"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"

export type RulesSwitchInput = { paused: boolean; daily_budget_ceiling?: string | null }

/** The account's switch for all rules (and its total daily budget ceiling), restored on compensation. */
export const setMetaAdRulesSwitchStep = createStep(
  "set-meta-ad-rules-switch",
  async (input: RulesSwitchInput, { container }) => {
    const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
    const connection = await container.resolve<MetaModuleService>(META_MODULE).retrieveLiveConnection()
    const [account] = connection?.ad_account_id ? await ads.listMetaAdAccounts({ meta_id: connection.ad_account_id }) : []
    if (!account) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "No ad account is mirrored yet: choose an ad account in Settings → Meta and sync campaigns first.")
    const update: Record<string, unknown> = { id: account.id, rules_paused: input.paused }
    if (input.daily_budget_ceiling !== undefined) {
      try {
        update.daily_budget_ceiling = input.daily_budget_ceiling === null ? null : toMetaBudget(input.daily_budget_ceiling, account.currency)
      } catch (error) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `daily_budget_ceiling: ${(error as Error).message}`)
      }
    }
    await ads.updateMetaAdAccounts(update as never)
    return new StepResponse(
      { rules_paused: input.paused },
      { id: account.id, rules_paused: account.rules_paused, daily_budget_ceiling: account.daily_budget_ceiling }
    )
  },
  async (previous, { container }) => {
    if (previous) await container.resolve<MetaAdsModuleService>(META_ADS_MODULE).updateMetaAdAccounts(previous as never)
  }
)
