import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendMetaCapiEventsWorkflow } from "./workflows/send-meta-capi-events"

/**
 * Starts the immediate send of rows already in the outbox and returns at once. Subscribers use it: on
 * Medusa's Redis event bus a subscriber keeps its worker's event slot until it returns, and the rows are
 * safe in PostgreSQL by now. If the process dies mid-send, the rows' lease runs out and the flush job
 * sends them (Meta deduplicates a repeat by event_id and event_name,
 * https://developers.facebook.com/docs/marketing-api/conversions-api/deduplicate-pixel-and-server-events).
 */
export function sendMetaCapiEventsInBackground(container: MedusaContainer, ids: string[]): void {
  if (!ids.length) return
  sendMetaCapiEventsWorkflow(container)
    .run({ input: { ids } })
    .catch((error: Error) => {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Meta CAPI: immediate send failed, the flush job will retry: ${error.message}`)
    })
}
