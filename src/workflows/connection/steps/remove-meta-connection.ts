import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { metaService } from "../../../modules/meta/resolve-meta-service"

/**
 * Disconnects locally: wipes the tokens (connection and page tokens) and soft-deletes the connection
 * and its assets. The selections stay on the soft-deleted row so a later reconnect restores them.
 */
export const removeMetaConnectionStep = createStep(
  "remove-meta-connection",
  async (_: void, { container }) => {
    const service = metaService(container)
    const connection = await service.retrieveLiveConnection()
    if (!connection) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "The store is not connected to Meta")
    }
    const assets = await service.listMetaAssets({ connection_id: connection.id }, { take: null })
    const sealedToken = connection.access_token
    await service.updateMetaConnections({ id: connection.id, access_token: null, status: "revoked" })
    for (const asset of assets.filter((a) => a.access_token)) {
      await service.updateMetaAssets({ id: asset.id, access_token: null })
    }
    if (assets.length) {
      await service.softDeleteMetaAssets(assets.map((a) => a.id))
    }
    await service.softDeleteMetaConnections([connection.id])
    return new StepResponse(
      { connection_id: connection.id, sealed_token: sealedToken, method: connection.method },
      {
        connection_id: connection.id,
        status: connection.status,
        sealed_token: sealedToken,
        page_tokens: assets.map((a) => ({ id: a.id, access_token: a.access_token })),
      }
    )
  },
  async (removed, { container }) => {
    if (!removed) {
      return
    }
    const service = metaService(container)
    await service.restoreMetaConnections([removed.connection_id])
    await service.updateMetaConnections({
      id: removed.connection_id,
      status: removed.status,
      access_token: removed.sealed_token,
    })
    const ids = removed.page_tokens.map((p) => p.id)
    if (ids.length) {
      await service.restoreMetaAssets(ids)
      for (const page of removed.page_tokens) {
        await service.updateMetaAssets({ id: page.id, access_token: page.access_token })
      }
    }
  }
)
