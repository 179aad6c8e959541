import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { scopesFor } from "../../../lib/oauth"
import { PermissionNotice, permissionChangeEffect } from "../../../lib/webhooks"
import { metaService } from "../../../modules/meta/resolve-meta-service"

export type PauseMetaConnectionInput = {
  meta_user_id: string
  /** Set for a `permissions` webhook; absent for the deauthorize callback (the whole app was removed). */
  permission?: PermissionNotice
}

/**
 * The deauthorize callback (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#deauth-callback) and `permissions` webhooks: the connection authorised by that
 * Meta user is marked revoked — work needing it pauses and the admin asks to reconnect — or, for a
 * permission the enabled features don't need, only its scope list is updated.
 */
export const pauseMetaConnectionStep = createStep(
  "pause-meta-connection",
  async (input: PauseMetaConnectionInput, { container }) => {
    const service = metaService(container)
    const connection = await service.retrieveLiveConnection()
    if (!connection || connection.meta_user_id !== input.meta_user_id) {
      return new StepResponse({ revoked: false, outcome: "ignored: not the connected Meta user" }, null)
    }
    const previous = {
      id: connection.id,
      status: connection.status,
      granted_scopes: connection.granted_scopes as string[],
      last_error: connection.last_error,
      last_error_at: connection.last_error_at,
    }
    let revoke = true
    let granted = previous.granted_scopes
    let reason = "The app was removed from the Meta account (deauthorized); reconnect to resume."
    if (input.permission) {
      const enabled = Object.entries(service.featureFlags(connection))
        .filter(([, flag]) => flag.enabled)
        .map(([name]) => name as Parameters<typeof scopesFor>[0][number])
      const effect = permissionChangeEffect({ granted, required: scopesFor(enabled), notice: input.permission })
      revoke = effect.revoke
      granted = effect.granted_scopes
      reason = `The Meta permission ${input.permission.permission} was revoked; reconnect to grant it again.`
    }
    await service.updateMetaConnections({
      id: connection.id,
      granted_scopes: granted,
      ...(revoke ? { status: "revoked" as const, last_error: reason, last_error_at: new Date() } : {}),
    })
    const outcome = revoke ? "connection revoked" : `scopes updated (${input.permission?.verb} ${input.permission?.permission})`
    return new StepResponse({ revoked: revoke, outcome }, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    await metaService(container).updateMetaConnections(previous)
  }
)
