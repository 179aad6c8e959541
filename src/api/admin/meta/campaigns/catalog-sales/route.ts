import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { META_ADS_MODULE } from "../../../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../../../modules/meta-ads/service"
import { createMetaCatalogSalesCampaignWorkflow } from "../../../../../workflows/ads"
import { presentCampaign } from "../present-ads"
import type { PostMetaCatalogSalesType } from "../validators"
import { refuseUnlessFeatureReady } from "../../connection/feature-ready"

/**
 * A catalog sales campaign for a product set of the synced catalog (`product_set_id`), with the connection's
 * pixel: campaign, ad set, catalog creative and ad, all PAUSED. A repeated request with the same
 * `idempotency_key` answers the same campaign and creates nothing more.
 */
export const POST = async (req: AuthenticatedMedusaRequest<PostMetaCatalogSalesType>, res: MedusaResponse) => {
  if (await refuseUnlessFeatureReady(req.scope, res as MedusaResponse, "ads")) return
  const { result } = await createMetaCatalogSalesCampaignWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor: `user:${req.auth_context.actor_id}` },
  })
  const ads = req.scope.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const [campaign] = await ads.listMetaCampaigns({ meta_id: result.campaign_meta_id }, { relations: ["ad_account", "ad_sets", "ad_sets.ads"] })
  if (!campaign) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The campaign ${result.campaign_meta_id} was created at Meta but is not mirrored yet; sync the campaigns`)
  res.json({ campaign: presentCampaign(campaign, campaign.ad_account.currency), change: { id: result.change_id, warnings: result.warnings } })
}
