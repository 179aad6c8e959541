import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { newConfirmationCode, parseSignedRequest } from "../../../lib/webhooks"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import type { MetaDataDeletionResponse } from "../../../types/http/callbacks"
import { deleteMetaUserDataWorkflow } from "../../../workflows"
import { refuseSignedRequest } from "../deauthorize/signed-request-errors"
import type { PostSignedRequestType } from "../deauthorize/validators"

// Meta calls this on a person's data-deletion request; the signed_request authenticates it.
export const AUTHENTICATE = false

/**
 * Data-deletion callback (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback): the request is recorded first (so its status page exists
 * even if deleting fails), the data is deleted, and Meta gets `{ url, confirmation_code }`.
 */
export const POST = async (req: MedusaRequest<PostSignedRequestType>, res: MedusaResponse<MetaDataDeletionResponse>) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const check = parseSignedRequest(req.validatedBody.signed_request, service.getOptions().appSecret)
  if (!check.ok) {
    refuseSignedRequest(res, check)
    return
  }
  const request = await service.createMetaDataDeletionRequests({
    confirmation_code: newConfirmationCode(),
    meta_user_id: check.payload.user_id,
    status: "pending",
  })
  try {
    await deleteMetaUserDataWorkflow(req.scope).run({
      input: { request_id: request.id, meta_user_id: check.payload.user_id },
    })
  } catch (error) {
    const message = error && typeof error === "object" && "message" in error ? String(error.message) : String(error)
    await service.updateMetaDataDeletionRequests({ id: request.id, status: "failed", last_error: message.slice(0, 2000) })
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Meta data deletion ${request.confirmation_code} failed: ${message}`)
  }
  res.status(200).json({
    url: `${service.getOptions().backendUrl}/meta/data-deletion/${request.confirmation_code}`,
    confirmation_code: request.confirmation_code,
  })
}
