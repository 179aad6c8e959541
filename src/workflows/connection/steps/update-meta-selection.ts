import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AssetSelection, SELECTION_TYPES, pageInstagramMismatch, unknownSelections } from "../../../lib/connection"
import { metaService } from "../../../modules/meta/resolve-meta-service"

/** Saves the merchant's choice of business, page, Instagram account, ad account, pixel and catalog. */
export const updateMetaSelectionStep = createStep(
  "update-meta-selection",
  async (input: Partial<AssetSelection>, { container }) => {
    const service = metaService(container)
    const connection = await service.retrieveLiveConnection()
    if (!connection) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "The store is not connected to Meta")
    }
    const assets = await service.listMetaAssets({ connection_id: connection.id }, { take: null })
    const unknown = unknownSelections(input, assets)
    if (unknown.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        unknown
          .map((key) => `${key}: ${input[key]} is not a ${SELECTION_TYPES[key].replace("_", " ")} of this connection`)
          .join("; ")
      )
    }
    if ("page_id" in input || "instagram_account_id" in input) {
      const mismatch = pageInstagramMismatch(
        {
          page_id: input.page_id !== undefined ? input.page_id : ((connection.page_id as string | null) ?? null),
          instagram_account_id:
            input.instagram_account_id !== undefined
              ? input.instagram_account_id
              : ((connection.instagram_account_id as string | null) ?? null),
        },
        assets as unknown as Parameters<typeof pageInstagramMismatch>[1]
      )
      if (mismatch) throw new MedusaError(MedusaError.Types.INVALID_DATA, mismatch)
    }
    const previous = Object.fromEntries(
      (Object.keys(input) as (keyof AssetSelection)[]).map((key) => [key, connection[key]])
    )
    await service.updateMetaConnections({ id: connection.id, ...input })
    return new StepResponse(
      { connection_id: connection.id, previous_catalog_id: (connection.catalog_id as string | null) ?? null },
      { id: connection.id, ...previous }
    )
  },
  async (previous, { container }) => {
    if (previous) {
      await metaService(container).updateMetaConnections(previous)
    }
  }
)
