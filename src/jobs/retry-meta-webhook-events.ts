import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STALE_PROCESSING_MS } from "../lib/webhooks"
import { META_MODULE } from "../modules/meta"
import type MetaModuleService from "../modules/meta/service"
import { processMetaWebhookEvent } from "../workflows"

/** Changes handled per run; the rest wait for the next minute. */
const BATCH = 100
/** A change still "received" after this long was never handed to the subscriber (e.g. a restart). */
const UNQUEUED_AFTER_MS = 60_000

/**
 * Every minute: processes webhook changes that failed and are due (backoff 1 min … 6 h, see
 * retry-schedule.ts), that were stored but never processed, or whose worker died mid-way.
 */
export default async function retryMetaWebhookEventsJob(container: MedusaContainer) {
  const service = container.resolve<MetaModuleService>(META_MODULE)
  const ids = await service.listDueWebhookEvents({
    limit: BATCH,
    staleMs: STALE_PROCESSING_MS,
    receivedBeforeMs: UNQUEUED_AFTER_MS,
  })
  let failed = 0
  for (const id of ids) {
    const result = await processMetaWebhookEvent(container, id)
    if (result.status === "failed") failed++
  }
  if (ids.length) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Meta webhooks: retried ${ids.length} change(s), ${failed} still failing`)
  }
}

export const config = {
  name: "meta-retry-webhook-events",
  schedule: "* * * * *",
}
