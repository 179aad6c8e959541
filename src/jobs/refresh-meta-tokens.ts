import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { EXPIRING_WINDOW_MS } from "../lib/connection"
import { META_MODULE } from "../modules/meta"
import type MetaModuleService from "../modules/meta/service"
import { refreshMetaTokenWorkflow } from "../workflows"

/** A renewal takes two Graph calls; a run that cannot get the lock in this time leaves it to the holder. */
const LOCK_WAIT_SECONDS = 60

/**
 * Daily: renews user tokens that expire within 7 days (Meta's long-lived tokens last ~60 days and an
 * expired one cannot be renewed). System-user tokens that never expire are left alone. Two runs at once
 * (two instances whose schedulers both fired, or a run started by hand) take Medusa's lock on the
 * connection in turn and the second finds the token already renewed, so Meta is asked once.
 */
export default async function refreshMetaTokensJob(container: MedusaContainer) {
  const service = container.resolve<MetaModuleService>(META_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const due = async () => {
    const connection = await service.retrieveLiveConnection()
    if (
      !connection?.access_token ||
      !connection.token_expires_at ||
      !["active", "expiring"].includes(connection.status) ||
      new Date(connection.token_expires_at).getTime() - Date.now() > EXPIRING_WINDOW_MS
    ) {
      return null
    }
    return connection
  }
  const first = await due()
  if (!first) return
  await container.resolve(Modules.LOCKING).execute(
    `meta-refresh-token:${first.id}`,
    async () => {
      // Read again under the lock: a run that held it before this one may have renewed the token.
      const connection = await due()
      if (!connection) return
      const { result } = await refreshMetaTokenWorkflow(container).run({
        input: { connection_id: connection.id },
      })
      if (result.refreshed) {
        logger.info("Meta: access token renewed")
      } else {
        logger.warn(`Meta: access token could not be renewed (${result.status}): ${result.error}`)
      }
    },
    { timeout: LOCK_WAIT_SECONDS }
  )
}

export const config = {
  name: "meta-refresh-tokens",
  schedule: "17 3 * * *",
}
