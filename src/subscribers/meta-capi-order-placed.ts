import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { afterShopperResponse } from "../lib/after-shopper-response"
import { recordMetaPurchaseEventWorkflow } from "../workflows/capi"
import { sendMetaCapiEventsInBackground } from "../workflows/capi/send-in-background"

/**
 * order.placed → the order's Purchase for the Conversions API: recorded in the outbox before the
 * subscriber returns, then sent without holding the event bus (the flush job retries what fails).
 */
export default async function metaCapiOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await afterShopperResponse(container.resolve(Modules.EVENT_BUS))
  const { result } = await recordMetaPurchaseEventWorkflow(container).run({ input: { order_id: data.id } })
  sendMetaCapiEventsInBackground(container, result.ids)
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "meta-capi-order-placed" },
}
