import type { MedusaResponse } from "@medusajs/framework/http"
import type { SignedRequestCheck } from "../../../lib/webhooks"
import type { MetaErrorResponse } from "../../../types/http/errors"

const MESSAGES = {
  malformed: "signed_request must be <signature>.<payload> in base64url with a JSON payload",
  unsupported_algorithm: "signed_request payload must use algorithm HMAC-SHA256",
  missing_user: "signed_request payload must carry the app-scoped user_id",
  bad_signature: "signed_request signature does not match this app's secret",
} as const

/** Answers a refused signed_request: a forgery is 401, a malformed one 400; both name the field. */
export function refuseSignedRequest(res: MedusaResponse<MetaErrorResponse>, check: Extract<SignedRequestCheck, { ok: false }>): void {
  res
    .status(check.reason === "bad_signature" ? 401 : 400)
    .json({ type: check.reason === "bad_signature" ? "unauthorized" : "invalid_data", message: MESSAGES[check.reason] })
}
