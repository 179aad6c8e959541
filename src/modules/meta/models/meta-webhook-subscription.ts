import { model } from "@medusajs/framework/utils"

/**
 * The store's webhook callback as Meta knows it. One row, kept across disconnects: Meta verifies the callback
 * URL when the merchant saves it in the App Dashboard → Webhooks, which can happen before the first connection.
 * `last_verified_at` is when the handshake (GET /meta/webhooks with the right verify token) last succeeded.
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests
 */
export const MetaWebhookSubscription = model.define("meta_webhook_subscription", {
  id: model.id({ prefix: "metawhsub" }).primaryKey(),
  last_verified_at: model.dateTime().nullable(),
})
