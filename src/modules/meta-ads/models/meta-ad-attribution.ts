import { model } from "@medusajs/framework/utils"

/**
 * An order that came from a Meta ad: the shopper landed on the storefront from the ad (its url_tags name
 * it) — or only with a recent Meta click id, the ad unknown — and the cart the order was placed from carried
 * that landing. One row per order (last click: the last ad the shopper came through). Ad set and campaign are
 * resolved from the mirror when the order is attributed, else taken from the landing URL. Store revenue and
 * store ROAS per ad, ad set and campaign are sums over these rows.
 */
export const MetaAdAttribution = model
  .define("meta_ad_attribution", {
    id: model.id({ prefix: "metaadatt" }).primaryKey(),
    order_id: model.text(),
    cart_id: model.text().nullable(),
    /** "landing" (the ad's URL parameters) or "fbclid" (a Meta click, the ad unknown). */
    source: model.text(),
    ad_meta_id: model.text().nullable(),
    ad_set_meta_id: model.text().nullable(),
    campaign_meta_id: model.text().nullable(),
    currency_code: model.text(),
    /** The order total in the currency's main unit. */
    total: model.bigNumber(),
    placed_at: model.dateTime(),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["placed_at"] },
    { on: ["ad_meta_id", "placed_at"] },
    { on: ["ad_set_meta_id", "placed_at"] },
    { on: ["campaign_meta_id", "placed_at"] },
  ])
