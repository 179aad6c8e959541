import { model } from "@medusajs/framework/utils"
import { MetaConnection } from "./meta-connection"

/**
 * A Meta object the connection can use (business, page, Instagram account, ad account, pixel,
 * catalog). Rows are upserted by (type, meta_id) on every discovery, so their ids stay stable
 * across reconnects.
 */
export const MetaAsset = model
  .define("meta_asset", {
    id: model.id({ prefix: "metaast" }).primaryKey(),
    type: model.enum(["business", "page", "instagram_account", "ad_account", "pixel", "catalog"]),
    meta_id: model.text(),
    name: model.text(),
    parent_meta_id: model.text().nullable(),
    /** Page access token, sealed by the token vault; only pages have one. */
    access_token: model.text().nullable(),
    metadata: model.json().nullable(),
    connection: model.belongsTo(() => MetaConnection, { mappedBy: "assets" }),
  })
  .indexes([
    {
      on: ["type", "meta_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
