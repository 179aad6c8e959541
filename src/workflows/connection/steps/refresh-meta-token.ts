import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GraphError } from "../../../lib/graph"
import { metaService } from "../../../modules/meta/resolve-meta-service"

export type RefreshOutcome = {
  connection_id: string
  refreshed: boolean
  status: string
  error: string | null
}

/**
 * Renews a long-lived user token by exchanging it for a new one (fb_exchange_token) while it is still
 * valid; Meta cannot renew an expired token. An auth refusal marks the connection (expired/revoked)
 * so dependent work pauses and the admin offers a reconnect; a transient failure only records the
 * error, and the next run tries again.
 */
export const refreshMetaTokenStep = createStep(
  "refresh-meta-token",
  async (input: { connection_id: string }, { container }) => {
    const service = metaService(container)
    const connection = await service.retrieveMetaConnection(input.connection_id)
    const previous = {
      access_token: connection.access_token,
      token_expires_at: connection.token_expires_at,
      status: connection.status,
      last_refreshed_at: connection.last_refreshed_at,
      last_error: connection.last_error,
      last_error_code: connection.last_error_code,
      last_error_at: connection.last_error_at,
    }
    if (!connection.access_token) {
      return new StepResponse<RefreshOutcome, typeof previous & { id: string }>(
        { connection_id: connection.id, refreshed: false, status: connection.status, error: "No token stored" },
        { id: connection.id, ...previous }
      )
    }
    const graph = service.getGraphClient()
    try {
      const renewed = await graph.exchangeForLongLivedToken(service.openSecret(connection.access_token))
      await service.updateMetaConnections({
        id: connection.id,
        access_token: service.sealSecret(renewed.accessToken),
        token_expires_at: renewed.expiresIn
          ? new Date(Date.now() + renewed.expiresIn * 1000)
          : connection.token_expires_at,
        status: "active",
        last_refreshed_at: new Date(),
        last_error: null,
        last_error_code: null,
        last_error_at: null,
      })
      return new StepResponse<RefreshOutcome, typeof previous & { id: string }>(
        { connection_id: connection.id, refreshed: true, status: "active", error: null },
        { id: connection.id, ...previous }
      )
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (error instanceof GraphError && error.category === "auth") {
        await service.recordGraphFailure(connection.id, error)
        if (error.subcode !== 458) {
          await service.updateMetaConnections({ id: connection.id, status: "expired" })
        }
      } else {
        await service.updateMetaConnections({
          id: connection.id,
          last_error: `Token refresh failed, will retry: ${message}`,
          last_error_at: new Date(),
        })
      }
      const after = await service.retrieveMetaConnection(connection.id)
      return new StepResponse<RefreshOutcome, typeof previous & { id: string }>(
        { connection_id: connection.id, refreshed: false, status: after.status, error: message },
        { id: connection.id, ...previous }
      )
    }
  },
  async (previous, { container }) => {
    if (previous) {
      await metaService(container).updateMetaConnections(previous)
    }
  }
)
