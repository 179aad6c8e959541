import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { META_ADS_MODULE } from "../../../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../../../modules/meta-ads/service"
import type { MetaCampaignResponse } from "../../../../../types/http/ads"
import { loadStoreRevenue, metaIdsOf, presentCampaign } from "../present-ads"

/** One campaign with its ad sets and their ads, Meta's figures beside the store's own. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaCampaignResponse>) => {
  const ads = req.scope.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const [campaign] = await ads.listMetaCampaigns({ id: req.params.id }, { relations: ["ad_account", "ad_sets", "ad_sets.ads"] })
  if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `campaign with id: ${req.params.id} was not found`)
  const store = await loadStoreRevenue(ads, campaign.ad_account, metaIdsOf([campaign]))
  res.json({ campaign: presentCampaign(campaign, campaign.ad_account.currency, store.index) })
}
