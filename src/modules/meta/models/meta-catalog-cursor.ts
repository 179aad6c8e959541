import { model } from "@medusajs/framework/utils"

/**
 * A named watermark, e.g. "prices": the newest price change already turned into dirty items. Medusa
 * 2.21 emits no event for price or price-list edits, so the price watcher reads changes since here.
 */
export const MetaCatalogCursor = model
  .define("meta_catalog_cursor", {
    id: model.id({ prefix: "metacc" }).primaryKey(),
    name: model.text(),
    position: model.dateTime(),
  })
  .indexes([{ on: ["name"], unique: true, where: "deleted_at IS NULL" }])
