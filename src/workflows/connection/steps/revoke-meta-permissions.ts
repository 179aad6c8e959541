import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { metaService } from "../../../modules/meta/resolve-meta-service"

/**
 * Tells Meta to drop the app's permissions (DELETE /me/permissions) when Meta is reachable. Best
 * effort: a disconnect must work even when Meta is down or the token is already dead.
 */
export const revokeMetaPermissionsStep = createStep(
  "revoke-meta-permissions",
  async (input: { sealed_token: string | null; method: "oauth" | "system_user" }, { container }) => {
    // A system-user token belongs to the merchant's business, not to a person: revoking its
    // permissions would break other tools of theirs using it, so it is only forgotten locally.
    if (!input.sealed_token || input.method === "system_user") {
      return new StepResponse({ revoked_at_meta: false })
    }
    const service = metaService(container)
    try {
      await service.getGraphClient().revokePermissions(service.openSecret(input.sealed_token))
      return new StepResponse({ revoked_at_meta: true })
    } catch {
      return new StepResponse({ revoked_at_meta: false })
    }
  }
)
