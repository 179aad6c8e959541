import { model } from "@medusajs/framework/utils"

/**
 * A Medusa collection or category mirrored as a Meta product set (for catalog ads). Events only mark the
 * row dirty; the catalog worker recomputes the set's filter and creates, updates or deletes it in Meta.
 */
export const MetaCatalogProductSet = model
  .define("meta_catalog_product_set", {
    id: model.id({ prefix: "metaps" }).primaryKey(),
    source_type: model.enum(["collection", "category"]),
    source_id: model.text(),
    catalog_id: model.text().nullable(),
    /** The product set's id in Meta once created. */
    meta_product_set_id: model.text().nullable(),
    name: model.text().nullable(),
    /** Hash of the name and filter Meta holds: same hash → no call. */
    content_hash: model.text().nullable(),
    /** Retailer ids in the set as last sent: a product leaving the set marks it dirty through them. */
    retailer_ids: model.json().nullable(),
    item_count: model.number().default(0),
    status: model.enum(["pending", "synced", "error", "removed"]).default("pending"),
    dirty: model.boolean().default(true),
    error: model.text().nullable(),
    last_synced_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["source_type", "source_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["dirty"], where: "deleted_at IS NULL AND dirty = true" },
  ])
