import { model } from "@medusajs/framework/utils"

/**
 * The audit log: every change to a campaign, ad set or ad made from the plugin, by a person or a rule,
 * with the values before and after. The row is written (pending) before Meta is called and carries the
 * absolute values sent, so a retry after a lost answer sends the same values and changes nothing twice.
 */
export const MetaAdChange = model
  .define("meta_ad_change", {
    id: model.id({ prefix: "metaadchg" }).primaryKey(),
    object_type: model.enum(["campaign", "ad_set", "ad"]),
    object_meta_id: model.text(),
    /** "user:<id>" or "rule:<id>". */
    actor: model.text(),
    action: model.text(),
    before: model.json().nullable(),
    after: model.json().nullable(),
    /** The Graph write: { method, path, params }. */
    request: model.json(),
    status: model.enum(["pending", "applied", "failed"]).default("pending"),
    error: model.text().nullable(),
    /** Who asked for it once: a second request with the same key is the same change. */
    idempotency_key: model.text().nullable(),
    applied_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true, where: "deleted_at IS NULL AND idempotency_key IS NOT NULL" },
    { on: ["object_meta_id", "created_at"] },
  ])
