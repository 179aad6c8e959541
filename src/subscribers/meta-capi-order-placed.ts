import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { afterShopperResponse } from "../lib/after-shopper-response"
import { emitMetaPurchaseEventWorkflow } from "../workflows/capi"

/** order.placed → the order's Purchase for the Conversions API (recorded first, then sent), once checkout has answered. */
export default async function metaCapiOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await afterShopperResponse()
  await emitMetaPurchaseEventWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "meta-capi-order-placed" },
}
