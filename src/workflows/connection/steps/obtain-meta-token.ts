import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { metaService } from "../../../modules/meta/resolve-meta-service"
import { readableMetaError } from "../readable-meta-error"

export type ObtainMetaTokenInput =
  | { method: "oauth"; code: string }
  | { method: "system_user"; access_token: string }

export type ObtainedMetaToken = {
  /** Sealed by the vault: workflow storage never holds a usable token. */
  sealed_token: string
  expires_at: string | null
}

/**
 * OAuth: code → user token → long-lived (~60-day) token (Meta: the server-side code flow may return a
 * short-lived token, so it is always exchanged). System user: the token as given.
 */
export const obtainMetaTokenStep = createStep(
  "obtain-meta-token",
  async (input: ObtainMetaTokenInput, { container }) => {
    const service = metaService(container)
    if (input.method === "system_user") {
      return new StepResponse<ObtainedMetaToken>({
        sealed_token: service.sealSecret(input.access_token),
        expires_at: null,
      })
    }
    const graph = service.getGraphClient()
    try {
      const short = await graph.exchangeCode({
        code: input.code,
        redirectUri: service.oauthRedirectUri(),
      })
      const long = await graph.exchangeForLongLivedToken(short.accessToken)
      return new StepResponse<ObtainedMetaToken>({
        sealed_token: service.sealSecret(long.accessToken),
        expires_at: long.expiresIn ? new Date(Date.now() + long.expiresIn * 1000).toISOString() : null,
      })
    } catch (error) {
      throw readableMetaError(error, "complete the sign-in")
    }
  }
)
