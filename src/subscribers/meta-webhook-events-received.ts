import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { META_WEBHOOK_EVENTS_RECEIVED } from "../modules/meta"
import { enqueueMetaWebhookEvents } from "../workflows"

/** Hands newly stored webhook changes to the background queue; failures wait for the retry job. */
export default async function metaWebhookEventsReceived({ event, container }: SubscriberArgs<{ ids: string[] }>) {
  void enqueueMetaWebhookEvents(container, event.data.ids ?? [])
}

export const config: SubscriberConfig = {
  event: META_WEBHOOK_EVENTS_RECEIVED,
  context: { subscriberId: "meta-webhook-events-received" },
}
