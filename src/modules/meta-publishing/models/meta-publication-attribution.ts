import { model } from "@medusajs/framework/utils"
import { MetaPublication } from "./meta-publication"

/**
 * An order that came through a publication's link: the shopper landed on the storefront with the
 * publication's utm_content, and the cart the order was placed from carried that landing. One row per
 * order (an order is attributed to one publication: the last one the shopper came through).
 */
export const MetaPublicationAttribution = model
  .define("meta_publication_attribution", {
    id: model.id({ prefix: "metapatt" }).primaryKey(),
    order_id: model.text(),
    cart_id: model.text().nullable(),
    currency_code: model.text(),
    /** The order total in the currency's main unit. */
    total: model.bigNumber(),
    placed_at: model.dateTime(),
    publication: model.belongsTo(() => MetaPublication, { mappedBy: "attributions" }),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["publication_id", "placed_at"] },
  ])
