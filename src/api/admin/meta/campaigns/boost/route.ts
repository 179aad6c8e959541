import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { META_ADS_MODULE } from "../../../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../../../modules/meta-ads/service"
import type { MetaBoostResponse } from "../../../../../types/http/ads"
import { createMetaBoostCampaignWorkflow } from "../../../../../workflows/ads"
import { presentCampaign } from "../present-ads"
import type { PostMetaBoostType } from "../validators"
import { refuseUnlessFeatureReady } from "../../connection/feature-ready"

/**
 * Boosts a published post (`publication_id`, or a connected account's `post_id`): campaign, ad set, creative
 * and ad, all PAUSED until the merchant activates them. A repeated request with the same `idempotency_key`
 * answers the same campaign and creates nothing more.
 */
export const POST = async (req: AuthenticatedMedusaRequest<PostMetaBoostType>, res: MedusaResponse<MetaBoostResponse>) => {
  if (await refuseUnlessFeatureReady(req.scope, res as MedusaResponse, "ads")) return
  const { result } = await createMetaBoostCampaignWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor: `user:${req.auth_context.actor_id}` },
  })
  const ads = req.scope.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const [campaign] = await ads.listMetaCampaigns({ meta_id: result.campaign_meta_id }, { relations: ["ad_account", "ad_sets", "ad_sets.ads"] })
  if (!campaign) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The campaign ${result.campaign_meta_id} was created at Meta but is not mirrored yet; sync the campaigns`)
  res.json({ campaign: presentCampaign(campaign, campaign.ad_account.currency), change: { id: result.change_id, warnings: result.warnings } })
}
