import type { MedusaContainer } from "@medusajs/framework/types"
import { StoredAsset, StoredConnection, presentConnection, presentUsage } from "../../../../lib/connection"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import { META_OVERVIEW_MODULE } from "../../../../modules/meta-overview"
import type MetaOverviewModuleService from "../../../../modules/meta-overview/service"
import { mergeUsageSnapshots } from "../../../../lib/overview"
import type { MetaConnection } from "../../../../types/http/connection"

/**
 * Reads the store's connection as the admin API shows it. Not through `query.graph` with caller-chosen
 * fields: the rows hold sealed tokens, and the response is built field by field so none can leak.
 */
export async function readConnectionView(scope: MedusaContainer): Promise<MetaConnection | null> {
  const service = scope.resolve<MetaModuleService>(META_MODULE)
  const connection = await service.retrieveLiveConnection()
  if (!connection) {
    return null
  }
  const assets = await service.listMetaAssets({ connection_id: connection.id }, { take: null })
  return {
    ...presentConnection(
      connection as unknown as StoredConnection,
      assets as unknown as StoredAsset[],
      service.featureFlags(connection),
      service.getOptions().autoSetup
    ),
    // This process's figures with the newest the other servers and workers reported (within the hour).
    api_usage: presentUsage(
      mergeUsageSnapshots([service.getGraphClient().usage(), ...(await recentUsage(scope))]),
      assets as unknown as StoredAsset[]
    ),
  }
}

const USAGE_WINDOW_MS = 60 * 60 * 1000

async function recentUsage(scope: MedusaContainer) {
  const overview = scope.resolve<MetaOverviewModuleService>(META_OVERVIEW_MODULE, { allowUnregistered: true })
  return overview ? overview.listRecentApiUsage(USAGE_WINDOW_MS) : []
}
