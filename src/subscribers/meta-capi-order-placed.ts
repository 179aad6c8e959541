import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { emitMetaPurchaseEventWorkflow } from "../workflows/capi"

/** order.placed → the order's Purchase for the Conversions API (recorded first, then sent). */
export default async function metaCapiOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await emitMetaPurchaseEventWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "meta-capi-order-placed" },
}
