import { model } from "@medusajs/framework/utils"

/**
 * One row per Medusa variant the catalog knows about: what Meta holds for it (retailer id, hash of the
 * content Meta last accepted or rejected), whether it changed since (dirty), and what happened last.
 * Subscribers only set `dirty`; the flush worker does the rest, so nothing is lost between the two.
 */
export const MetaCatalogItem = model
  .define("meta_catalog_item", {
    id: model.id({ prefix: "metaci" }).primaryKey(),
    variant_id: model.text(),
    product_id: model.text().nullable(),
    /** The id Meta knows the item by (SKU, else variant id), as last sent. */
    retailer_id: model.text().nullable(),
    catalog_id: model.text().nullable(),
    status: model
      .enum(["pending", "synced", "needs_attention", "error", "deleting", "removed"])
      .default("pending"),
    dirty: model.boolean().default(true),
    dirty_at: model.dateTime().nullable(),
    /** Throttling or a failed call: not before this time. */
    next_attempt_at: model.dateTime().nullable(),
    attempts: model.number().default(0),
    /** Hash of the content Meta last answered for (accepted or rejected): same hash → nothing to send. */
    content_hash: model.text().nullable(),
    /** In flight: the batch carrying this item, its method and content hash. */
    batch_id: model.text().nullable(),
    /** When the flush took the item; a change after this (dirty_at later) keeps it dirty. */
    claimed_at: model.dateTime().nullable(),
    sent_method: model.text().nullable(),
    sent_hash: model.text().nullable(),
    sent_retailer_id: model.text().nullable(),
    last_synced_at: model.dateTime().nullable(),
    /** The last reconcile that found the item in Meta's catalog. */
    seen_in_meta_at: model.dateTime().nullable(),
    /** [{ field, message, hint }] — Meta's item errors or the reasons the item needs attention. */
    errors: model.json().nullable(),
    excluded: model.boolean().default(false),
  })
  .indexes([
    { on: ["variant_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["product_id"], where: "deleted_at IS NULL" },
    { on: ["retailer_id"], where: "deleted_at IS NULL" },
    { on: ["status"], where: "deleted_at IS NULL" },
    { on: ["dirty", "dirty_at"], where: "deleted_at IS NULL AND dirty = true" },
    { on: ["batch_id"], where: "deleted_at IS NULL" },
    // The catalog totals (per status, dirty, excluded, in flight) in one pass over the index alone.
    { on: ["status", "dirty", "excluded", "batch_id"], where: "deleted_at IS NULL" },
  ])
