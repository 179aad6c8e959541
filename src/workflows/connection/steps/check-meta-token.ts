import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { FEATURE_NAMES, connectionStatus, dateFromUnixSeconds } from "../../../lib/connection"
import { GraphError } from "../../../lib/graph"
import { missingPermissionsByFeature } from "../../../lib/oauth"
import type { MetaHealth } from "../../../types/http/connection"
import { metaService } from "../../../modules/meta/resolve-meta-service"

/**
 * Health check: asks Meta (debug_token) whether the stored token still works, refreshes the granted
 * permissions and expiry, and reports which permissions each enabled feature still lacks.
 */
export const checkMetaTokenStep = createStep(
  "check-meta-token",
  async (_: void, { container }) => {
    const service = metaService(container)
    const connection = await service.retrieveLiveConnection()
    if (!connection) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "The store is not connected to Meta")
    }
    const previous = {
      id: connection.id,
      status: connection.status,
      granted_scopes: connection.granted_scopes,
      token_expires_at: connection.token_expires_at,
      data_access_expires_at: connection.data_access_expires_at,
      last_error: connection.last_error,
      last_error_code: connection.last_error_code,
      last_error_at: connection.last_error_at,
      last_health_check_at: connection.last_health_check_at,
    }
    const now = new Date()
    const enabled = Object.entries(service.featureFlags(connection))
      .filter(([, flag]) => flag.enabled)
      .map(([name]) => name as (typeof FEATURE_NAMES)[number])

    let health: Omit<MetaHealth, "checks">
    // False only when Meta did not answer debug_token (the setup checks then have nothing to go on).
    let reachable = true
    if (!connection.access_token) {
      health = {
        ok: false,
        checked_at: now.toISOString(),
        token_valid: false,
        expires_at: null,
        missing_permissions: {},
        error: "No access token is stored; reconnect to Meta",
      }
    } else {
      const graph = service.getGraphClient()
      const token = service.openSecret(connection.access_token)
      try {
        const info = await graph.debugToken(token)
        const expiresAt = dateFromUnixSeconds(info.expires_at)
        if (!info.is_valid) {
          const subcode = info.error?.subcode
          const status = subcode === 458 ? "revoked" : subcode === 463 ? "expired" : "error"
          const message = info.error?.message ?? "Meta says the token is no longer valid"
          await service.updateMetaConnections({
            id: connection.id,
            status,
            last_error: message,
            last_error_code: info.error?.code ?? 190,
            last_error_at: now,
            last_health_check_at: now,
          })
          health = {
            ok: false,
            checked_at: now.toISOString(),
            token_valid: false,
            expires_at: expiresAt?.toISOString() ?? null,
            missing_permissions: {},
            error: message,
          }
        } else {
          const scopes = info.scopes ?? connection.granted_scopes ?? []
          const missing = missingPermissionsByFeature(scopes, enabled)
          const tokenExpiresAt = expiresAt ?? (info.expires_at === 0 ? null : connection.token_expires_at)
          await service.updateMetaConnections({
            id: connection.id,
            status: connectionStatus("active", tokenExpiresAt, now.getTime()),
            granted_scopes: scopes,
            token_expires_at: tokenExpiresAt,
            data_access_expires_at:
              dateFromUnixSeconds(info.data_access_expires_at) ?? connection.data_access_expires_at,
            last_error: null,
            last_error_code: null,
            last_error_at: null,
            last_health_check_at: now,
          })
          const missingCount = Object.values(missing).reduce((n, list) => n + list.length, 0)
          health = {
            ok: missingCount === 0,
            checked_at: now.toISOString(),
            token_valid: true,
            expires_at: tokenExpiresAt ? new Date(tokenExpiresAt).toISOString() : null,
            missing_permissions: missing,
            error: missingCount ? "Some enabled features lack permissions; reconnect to grant them" : null,
          }
        }
      } catch (error) {
        if (error instanceof GraphError && error.category === "auth") {
          await service.recordGraphFailure(connection.id, error)
        }
        await service.updateMetaConnections({ id: connection.id, last_health_check_at: now })
        reachable = error instanceof GraphError && error.category === "auth"
        health = {
          ok: false,
          checked_at: now.toISOString(),
          token_valid: !(error instanceof GraphError && error.category === "auth"),
          expires_at: null,
          missing_permissions: {},
          error: `Could not reach Meta: ${error instanceof Error ? error.message : String(error)}`,
        }
      }
    }
    return new StepResponse({ health, reachable, connection_id: connection.id }, previous)
  },
  async (previous, { container }) => {
    if (previous) {
      await metaService(container).updateMetaConnections(previous)
    }
  }
)
