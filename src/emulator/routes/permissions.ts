import { requestErrors } from "../errors"
import { KNOWN_PERMISSIONS } from "../permissions"
import { removeAppAuthorization, revokePermission } from "../tokens"
import { authorizationKey } from "../world"
import type { EdgeContext } from "./edges"

/** GET /me/permissions → [{permission, status}] for the person's grant to the app. */
export function listPermissions(ec: EdgeContext): Record<string, unknown>[] {
  if (ec.caller.kind !== "token") return []
  const { token } = ec.caller
  const authorization = ec.ctx.world.authorizations[authorizationKey(token.appId, token.userId)]
  const scopes = authorization?.scopes ?? token.scopes
  return scopes.map((permission) => ({ permission, status: "granted" }))
}

/**
 * DELETE /me/permissions removes the app (every session of the person ends with 190/458);
 * DELETE /me/permissions/{permission} withdraws one permission.
 */
export function deletePermissions(ec: EdgeContext, permission: string | undefined): Record<string, unknown> {
  if (ec.caller.kind !== "token") return { success: false }
  const { token } = ec.caller
  if (permission === undefined) {
    removeAppAuthorization(ec.ctx.world, token.appId, token.userId)
    return { success: true }
  }
  if (!KNOWN_PERMISSIONS.includes(permission)) {
    throw requestErrors.invalidParam(`${permission} is not a valid permission`)
  }
  revokePermission(ec.ctx.world, token.appId, token.userId, permission)
  return { success: true }
}
