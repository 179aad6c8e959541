import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import MetaPublishingModule from "../modules/meta-publishing"

/**
 * The products a publication shows. Read-only: the ids live on the publication (`product_ids`), so
 * `query.graph` can return a publication's products without a link table, and Medusa's product
 * module is never written to.
 */
export default defineLink(
  { linkable: MetaPublishingModule.linkable.metaPublication, field: "product_ids", isList: true },
  ProductModule.linkable.product,
  { readOnly: true }
)
