import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { EXPIRING_WINDOW_MS } from "../lib/connection"
import { META_MODULE } from "../modules/meta"
import type MetaModuleService from "../modules/meta/service"
import { refreshMetaTokenWorkflow } from "../workflows"

/**
 * Daily: renews user tokens that expire within 7 days (Meta's long-lived tokens last ~60 days and an
 * expired one cannot be renewed). System-user tokens that never expire are left alone.
 */
export default async function refreshMetaTokensJob(container: MedusaContainer) {
  const service = container.resolve<MetaModuleService>(META_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const connection = await service.retrieveLiveConnection()
  if (
    !connection?.access_token ||
    !connection.token_expires_at ||
    !["active", "expiring"].includes(connection.status)
  ) {
    return
  }
  if (new Date(connection.token_expires_at).getTime() - Date.now() > EXPIRING_WINDOW_MS) {
    return
  }
  const { result } = await refreshMetaTokenWorkflow(container).run({
    input: { connection_id: connection.id },
  })
  if (result.refreshed) {
    logger.info("Meta: access token renewed")
  } else {
    logger.warn(`Meta: access token could not be renewed (${result.status}): ${result.error}`)
  }
}

export const config = {
  name: "meta-refresh-tokens",
  schedule: "17 3 * * *",
}
