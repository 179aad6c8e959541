import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { afterShopperResponse } from "../lib/after-shopper-response"
import { attributeOrderToPublicationWorkflow } from "../workflows/insights"

/** order.placed → credited to the publication the shopper came from (its link's utm_content), if any, once checkout has answered. */
export default async function metaPublicationOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await afterShopperResponse(container.resolve(Modules.EVENT_BUS))
  await attributeOrderToPublicationWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "meta-publication-order-placed" },
}
