import { model } from "@medusajs/framework/utils"

/**
 * The shopper's browser context, handed over by a headless storefront during checkout and kept per cart
 * until the order is placed: consent, the Pixel's cookies, IP and user agent. Never hashed (Meta forbids
 * hashing these keys); never returned by a route.
 */
export const MetaCartContext = model.define("meta_cart_context", {
  id: model.id({ prefix: "metactx" }).primaryKey(),
  cart_id: model.text().unique(),
  /** False when the shopper declined tracking: then no event about this cart or its order is sent. */
  consent: model.boolean().default(true),
  fbp: model.text().nullable(),
  fbc: model.text().nullable(),
  client_ip_address: model.text().nullable(),
  client_user_agent: model.text().nullable(),
  event_source_url: model.text().nullable(),
  /**
   * The storefront URL the shopper last landed on from one of our publications (its utm_* parameters) or from
   * a Meta ad (the ad's url_tags), so the order can be attributed to the post or the ad. Kept only with
   * consent, like the rest.
   */
  landing_url: model.text().nullable(),
})
