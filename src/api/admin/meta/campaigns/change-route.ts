import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_ADS_MODULE } from "../../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../../modules/meta-ads/service"
import type { AdObjectType } from "../../../../modules/meta-ads/service"
import { changeMetaAdObjectWorkflow } from "../../../../workflows/ads"
import { refuseUnlessFeatureReady } from "../connection/feature-ready"
import { loadStoreRevenue, presentAd, presentAdSet, presentCampaign } from "./present-ads"
import type { PostMetaAdBudgetType, PostMetaAdStatusType } from "./validators"

/**
 * The handler behind every status and budget route (`/campaigns|ad-sets|ads/:id/status`, `/…/budget`): runs
 * the change as the signed-in user and answers the object as the mirror now has it.
 */
export function changeRoute(objectType: AdObjectType) {
  return async (req: AuthenticatedMedusaRequest<PostMetaAdStatusType | PostMetaAdBudgetType>, res: MedusaResponse) => {
    if (await refuseUnlessFeatureReady(req.scope, res, "ads")) return
    const { idempotency_key, ...values } = req.validatedBody as PostMetaAdStatusType & PostMetaAdBudgetType
    const { result } = await changeMetaAdObjectWorkflow(req.scope).run({
      input: { object_type: objectType, id: req.params.id, actor: `user:${req.auth_context.actor_id}`, idempotency_key, ...values },
    })
    const ads = req.scope.resolve<MetaAdsModuleService>(META_ADS_MODULE)
    const change = { id: result.change_id, warnings: result.warnings }
    if (objectType === "campaign") {
      const [c] = await ads.listMetaCampaigns({ id: req.params.id }, { relations: ["ad_account"] })
      const store = await loadStoreRevenue(ads, c.ad_account, [c.meta_id])
      res.json({ campaign: presentCampaign(c, c.ad_account.currency, store.index), change })
    } else if (objectType === "ad_set") {
      const [s] = await ads.listMetaAdSets({ id: req.params.id }, { relations: ["campaign", "campaign.ad_account"] })
      const store = await loadStoreRevenue(ads, s.campaign.ad_account, [s.meta_id])
      res.json({ ad_set: presentAdSet(s, s.campaign.ad_account.currency, store.index), change })
    } else {
      const [a] = await ads.listMetaAds({ id: req.params.id }, { relations: ["ad_set", "ad_set.campaign", "ad_set.campaign.ad_account"] })
      const store = await loadStoreRevenue(ads, a.ad_set.campaign.ad_account, [a.meta_id])
      res.json({ ad: presentAd(a, a.ad_set.campaign.ad_account.currency, store.index), change })
    }
  }
}
