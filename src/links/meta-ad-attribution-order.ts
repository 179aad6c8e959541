import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import MetaAdsModule from "../modules/meta-ads"

/**
 * The order an attribution credits to a Meta ad. Read-only: the id lives on the attribution (`order_id`), so
 * `query.graph` can return the order without a link table, and Medusa's order module is never written to.
 */
export default defineLink(
  { linkable: MetaAdsModule.linkable.metaAdAttribution, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
