import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_ADS_MODULE } from "../../../../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../../../../modules/meta-ads/service"
import type { MetaAdSetDuplicateResponse } from "../../../../../../types/http/ads"
import { duplicateMetaAdSetWorkflow } from "../../../../../../workflows/ads"
import { presentAdSet } from "../../../campaigns/present-ads"
import type { PostMetaAdSetDuplicateType } from "../../../campaigns/validators"
import { refuseUnlessFeatureReady } from "../../../connection/feature-ready"

/** A paused deep copy of the ad set ("scale the winner"), answered as the mirror lists it. */
export const POST = async (req: AuthenticatedMedusaRequest<PostMetaAdSetDuplicateType>, res: MedusaResponse<MetaAdSetDuplicateResponse>) => {
  if (await refuseUnlessFeatureReady(req.scope, res as MedusaResponse, "ads")) return
  const { result } = await duplicateMetaAdSetWorkflow(req.scope).run({
    input: { id: req.params.id, actor: `user:${req.auth_context.actor_id}`, idempotency_key: req.validatedBody.idempotency_key },
  })
  const ads = req.scope.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const [copy] = await ads.listMetaAdSets({ meta_id: result.copy_meta_id }, { relations: ["campaign", "campaign.ad_account", "ads"] })
  res.json({ ad_set: presentAdSet(copy, copy.campaign.ad_account.currency), copied_from: req.params.id })
}
