import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { afterShopperResponse } from "../lib/after-shopper-response"
import { recordMetaRegistrationEventWorkflow } from "../workflows/capi"
import { sendMetaCapiEventsInBackground } from "../workflows/capi/send-in-background"

/** customer.created → CompleteRegistration when the customer has an account: recorded, then sent in the background. */
export default async function metaCapiCustomerCreated({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await afterShopperResponse(container.resolve(Modules.EVENT_BUS))
  const { result } = await recordMetaRegistrationEventWorkflow(container).run({ input: { customer_id: data.id } })
  sendMetaCapiEventsInBackground(container, result.ids)
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "meta-capi-customer-created" },
}
