import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_PUBLISHING_MODULE } from "../../../../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../../../../modules/meta-publishing/service"
import type { MetaPublishingAccountResponse } from "../../../../../../types/http/publishing"
import { presentAccount } from "../present-account"
import type { PostMetaPublishingAccountType } from "../../validators"

/** Turns publishing on or off for one account; scheduled posts to an account that is off wait. */
export const POST = async (
  req: AuthenticatedMedusaRequest<PostMetaPublishingAccountType>,
  res: MedusaResponse<MetaPublishingAccountResponse>
) => {
  const service = req.scope.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  await service.retrieveMetaPublishingAccount(req.params.id)
  const row = await service.updateMetaPublishingAccounts({ id: req.params.id, enabled: req.validatedBody.enabled })
  res.json({ account: presentAccount(row as never) })
}
