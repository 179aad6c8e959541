import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { afterShopperResponse } from "../lib/after-shopper-response"
import { attributeOrderToAdWorkflow } from "../workflows/ads"

/** order.placed → credited to the Meta ad the shopper came from (its URL parameters, or a Meta click), once checkout has answered. */
export default async function metaAdOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await afterShopperResponse(container.resolve(Modules.EVENT_BUS))
  await attributeOrderToAdWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "meta-ad-order-placed" },
}
