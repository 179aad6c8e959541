import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { FeatureName } from "../../../lib/connection"
import { metaService } from "../../../modules/meta/resolve-meta-service"

/** Stores the admin's feature toggles; they override the plugin options for this store. */
export const updateMetaFeaturesStep = createStep(
  "update-meta-features",
  async (input: Partial<Record<FeatureName, boolean>>, { container }) => {
    const service = metaService(container)
    const connection = await service.retrieveLiveConnection()
    if (!connection) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "The store is not connected to Meta")
    }
    const previous = (connection.feature_overrides ?? null) as Record<string, unknown> | null
    await service.updateMetaConnections({
      id: connection.id,
      feature_overrides: { ...(previous ?? {}), ...input },
    })
    return new StepResponse({ connection_id: connection.id }, { id: connection.id, previous })
  },
  async (saved, { container }) => {
    if (saved) {
      await metaService(container).updateMetaConnections({
        id: saved.id,
        feature_overrides: saved.previous,
      })
    }
  }
)
