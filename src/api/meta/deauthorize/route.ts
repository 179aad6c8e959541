import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseSignedRequest } from "../../../lib/webhooks"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import type { MetaDeauthorizeResponse } from "../../../types/http/callbacks"
import { pauseMetaConnectionWorkflow } from "../../../workflows"
import { refuseSignedRequest } from "./signed-request-errors"
import type { PostSignedRequestType } from "./validators"

// Meta calls this when a person removes the app; the signed_request authenticates it.
export const AUTHENTICATE = false

/** Deauthorize callback (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#deauth-callback): the connection that person authorised is revoked; work pauses. */
export const POST = async (req: MedusaRequest<PostSignedRequestType>, res: MedusaResponse<MetaDeauthorizeResponse>) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const check = parseSignedRequest(req.validatedBody.signed_request, service.getOptions().appSecret)
  if (!check.ok) {
    refuseSignedRequest(res, check)
    return
  }
  const { result } = await pauseMetaConnectionWorkflow(req.scope).run({
    input: { meta_user_id: check.payload.user_id },
  })
  res.status(200).json({ success: true, connection_revoked: result.revoked })
}
