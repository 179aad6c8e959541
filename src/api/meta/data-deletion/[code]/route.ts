import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONFIRMATION_CODE, renderDeletionStatusPage } from "../../../../lib/webhooks"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import type { MetaDataDeletionRequest, MetaDataDeletionStatusResponse } from "../../../../types/http/callbacks"

// The person who asked for deletion opens this from Meta; it shows only the state of their request.
export const AUTHENTICATE = false

/** The status page behind the `url` of a data-deletion answer: HTML for people, JSON on request. */
export const GET = async (req: MedusaRequest, res: MedusaResponse<MetaDataDeletionStatusResponse | string>) => {
  const code = String(req.params.code ?? "")
  const wantsJson = req.accepts(["html", "json"]) === "json"
  if (!CONFIRMATION_CODE.test(code)) {
    const message = "code must be the 24-character confirmation code Meta showed"
    if (wantsJson) res.status(400).json({ type: "invalid_data", message })
    else res.status(400).type("html").send(renderDeletionStatusPage(null))
    return
  }
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const [request] = await service.listMetaDataDeletionRequests({ confirmation_code: code })
  const view: MetaDataDeletionRequest | null = request
    ? {
        confirmation_code: request.confirmation_code,
        status: request.status,
        requested_at: new Date(request.created_at).toISOString(),
        completed_at: request.completed_at ? new Date(request.completed_at).toISOString() : null,
      }
    : null
  const status = view ? 200 : 404
  if (wantsJson) {
    res.status(status).json(view ? { data_deletion_request: view } : { type: "not_found", message: "No deletion request has this confirmation code" })
    return
  }
  res.status(status).type("html").send(renderDeletionStatusPage(view))
}
