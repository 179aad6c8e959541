import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { afterShopperResponse } from "../lib/after-shopper-response"
import { emitMetaRegistrationEventWorkflow } from "../workflows/capi"

/** customer.created → CompleteRegistration when the customer has an account. */
export default async function metaCapiCustomerCreated({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await afterShopperResponse()
  await emitMetaRegistrationEventWorkflow(container).run({ input: { customer_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "meta-capi-customer-created" },
}
