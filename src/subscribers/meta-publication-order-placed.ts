import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { attributeOrderToPublicationWorkflow } from "../workflows/insights"

/** order.placed → credited to the publication the shopper came from (its link's utm_content), if any. */
export default async function metaPublicationOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await attributeOrderToPublicationWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "meta-publication-order-placed" },
}
