import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import { connectMetaWorkflow } from "../../../../workflows"
import type { GetMetaOAuthCallbackType } from "./validators"

// Meta redirects the admin's browser here; there is no admin bearer token on this request. The signed,
// single-use state (bound to the admin who clicked "Connect") is what authorizes it.
export const AUTHENTICATE = false

const STATE_ERRORS = {
  expired: ["expired_state", "The Meta sign-in took longer than 10 minutes. Please click Connect again."],
  used: ["used_state", "This Meta sign-in link was already used. Please click Connect again."],
  malformed: ["invalid_state", "The sign-in response was not issued by this store. Please click Connect again."],
  bad_signature: ["invalid_state", "The sign-in response was not issued by this store. Please click Connect again."],
  unknown: ["invalid_state", "The sign-in response was not issued by this store. Please click Connect again."],
} as const

export const GET = async (req: MedusaRequest<unknown, GetMetaOAuthCallbackType>, res: MedusaResponse) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const query = req.validatedQuery as GetMetaOAuthCallbackType
  const fail = (code: string, message: string) => {
    logger.warn(`Meta connection failed (${code}): ${message}`)
    res.redirect(service.adminSettingsUrl({ meta_error: code, meta_error_message: message }))
  }

  const state = await service.consumeOAuthState(query.state)
  if (!state.ok) {
    const [code, message] = STATE_ERRORS[state.reason]
    return fail(code, message)
  }
  if (query.error) {
    return query.error === "access_denied"
      ? fail("access_denied", "The Meta sign-in was cancelled, so nothing was connected.")
      : fail("meta_error", `Meta reported: ${query.error_description || query.error}`)
  }

  try {
    await connectMetaWorkflow(req.scope).run({
      input: { method: "oauth", code: query.code as string, user_id: state.userId },
    })
  } catch (error) {
    return fail("meta_error", errorMessage(error))
  }
  res.redirect(service.adminSettingsUrl({ meta_connected: "1" }))
}

/** Workflow errors can arrive as plain objects once they have crossed the workflow engine. */
function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") {
    return (error as { message: string }).message
  }
  return "Meta could not complete the connection"
}
