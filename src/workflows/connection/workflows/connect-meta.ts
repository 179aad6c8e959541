import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import type { AssetSelection } from "../../../lib/connection"
import { autoSetupMetaAssetsStep } from "../steps/auto-setup-meta-assets"
import { discoverMetaAssetsStep } from "../steps/discover-meta-assets"
import { inspectMetaTokenStep } from "../steps/inspect-meta-token"
import { obtainMetaTokenStep } from "../steps/obtain-meta-token"
import { storeMetaConnectionStep } from "../steps/store-meta-connection"
import { startFullSyncForSelectedCatalogStep } from "../../catalog/steps/start-full-sync-for-selected-catalog"

export type ConnectMetaInput =
  | { method: "oauth"; code: string; user_id: string }
  | {
      method: "system_user"
      access_token: string
      user_id: string
      selection?: Partial<AssetSelection>
    }

export const connectMetaWorkflowId = "connect-meta"

/**
 * Connects the store: token (OAuth code exchange or a system-user token) → debug_token → asset
 * discovery → stored encrypted → auto-setup of catalog and pixel → a full catalog sync.
 */
export const connectMetaWorkflow = createWorkflow(
  connectMetaWorkflowId,
  (input: ConnectMetaInput) => {
    const tokenInput = transform({ input }, ({ input }) =>
      input.method === "oauth"
        ? { method: "oauth" as const, code: input.code }
        : { method: "system_user" as const, access_token: input.access_token }
    )
    const token = obtainMetaTokenStep(tokenInput)
    const inspection = inspectMetaTokenStep(token)
    const discovery = discoverMetaAssetsStep({ sealed_token: token.sealed_token })
    const stored = storeMetaConnectionStep(
      transform({ input, token, inspection, discovery }, ({ input, token, inspection, discovery }) => ({
        method: input.method,
        user_id: input.user_id,
        sealed_token: token.sealed_token,
        inspection,
        assets: discovery.assets,
        warnings: discovery.warnings,
        selection: input.method === "system_user" ? input.selection : undefined,
      }))
    )
    autoSetupMetaAssetsStep({ connection_id: stored.connection_id })
    // The catalog gets the whole store, products from before the plugin was installed included.
    startFullSyncForSelectedCatalogStep({})
    return new WorkflowResponse(stored)
  }
)
