import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { DiscoveredAsset, discoverAssets } from "../../../lib/connection"
import { metaService } from "../../../modules/meta/resolve-meta-service"
import { readableMetaError } from "../readable-meta-error"

export type DiscoveredMetaAsset = DiscoveredAsset & { sealed_token: string | null }

/** Discovers the businesses, pages (+ sealed page tokens), Instagram accounts, ad accounts, pixels and catalogs. */
export const discoverMetaAssetsStep = createStep(
  "discover-meta-assets",
  async (input: { sealed_token: string }, { container }) => {
    const service = metaService(container)
    try {
      const discovery = await discoverAssets(
        service.getGraphClient(),
        service.openSecret(input.sealed_token)
      )
      const assets: DiscoveredMetaAsset[] = discovery.assets.map((found) => {
        const { page_token, ...rest } = found as DiscoveredAsset & { page_token?: string | null }
        return { ...rest, sealed_token: page_token ? service.sealSecret(page_token) : null }
      })
      return new StepResponse({ assets, warnings: discovery.warnings })
    } catch (error) {
      throw readableMetaError(error, "list your Meta assets")
    }
  }
)
