import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { dateFromUnixSeconds } from "../../../lib/connection"
import { metaService } from "../../../modules/meta/resolve-meta-service"
import { readableMetaError } from "../readable-meta-error"

export type MetaTokenInspection = {
  meta_user_id: string | null
  meta_user_name: string | null
  token_type: string | null
  granted_scopes: string[]
  declined_scopes: string[]
  expires_at: string | null
  data_access_expires_at: string | null
}

/**
 * Asks Meta what the token is (debug_token with the app token) and who it belongs to. Rejects
 * tokens that are invalid or were issued for another app — a pasted token from a different app
 * would otherwise "connect" and then fail every call.
 */
export const inspectMetaTokenStep = createStep(
  "inspect-meta-token",
  async (input: { sealed_token: string; expires_at: string | null }, { container }) => {
    const service = metaService(container)
    const graph = service.getGraphClient()
    const token = service.openSecret(input.sealed_token)
    try {
      const info = await graph.debugToken(token)
      if (!info.is_valid) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Meta says this access token is not valid: ${info.error?.message ?? "no reason given"}`
        )
      }
      if (info.app_id && info.app_id !== service.getOptions().appId) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `This access token belongs to Meta app ${info.app_id}, not to the configured app ${service.getOptions().appId}`
        )
      }
      const me = await graph.get<{ id: string; name?: string }>("me", {
        token,
        params: { fields: "id,name" },
      })
      const permissions = await graph.listAll<{ permission: string; status: string }>(
        "me/permissions",
        { token }
      )
      const granted = permissions.filter((p) => p.status === "granted").map((p) => p.permission)
      return new StepResponse<MetaTokenInspection>({
        meta_user_id: me.id ?? info.user_id ?? null,
        meta_user_name: me.name ?? null,
        token_type: info.type ?? null,
        granted_scopes: granted.length ? granted : info.scopes ?? [],
        declined_scopes: permissions
          .filter((p) => p.status === "declined")
          .map((p) => p.permission),
        expires_at: dateFromUnixSeconds(info.expires_at)?.toISOString() ?? input.expires_at,
        data_access_expires_at:
          dateFromUnixSeconds(info.data_access_expires_at)?.toISOString() ?? null,
      })
    } catch (error) {
      throw readableMetaError(error, "accept this access token")
    }
  }
)
