import { model } from "@medusajs/framework/utils"
import { MetaAsset } from "./meta-asset"

/**
 * The store's link to Meta. One live row per store; a disconnect soft-deletes it so that a reconnect
 * can restore the same row with its selected catalog and pixel (never recreating them).
 */
export const MetaConnection = model.define("meta_connection", {
  id: model.id({ prefix: "metacon" }).primaryKey(),
  status: model
    .enum(["active", "expiring", "expired", "revoked", "error"])
    .default("active"),
  method: model.enum(["oauth", "system_user"]),
  meta_user_id: model.text().nullable(),
  meta_user_name: model.text().nullable(),
  token_type: model.text().nullable(),
  /** Sealed by the token vault (AES-256-GCM); never returned by any route. */
  access_token: model.text().nullable(),
  token_expires_at: model.dateTime().nullable(),
  data_access_expires_at: model.dateTime().nullable(),
  granted_scopes: model.array().default([]),
  declined_scopes: model.array().default([]),
  business_id: model.text().nullable(),
  page_id: model.text().nullable(),
  instagram_account_id: model.text().nullable(),
  ad_account_id: model.text().nullable(),
  pixel_id: model.text().nullable(),
  catalog_id: model.text().nullable(),
  feature_overrides: model.json().nullable(),
  auto_setup_state: model.json().nullable(),
  last_error: model.text().nullable(),
  last_error_code: model.number().nullable(),
  last_error_at: model.dateTime().nullable(),
  last_health_check_at: model.dateTime().nullable(),
  last_refreshed_at: model.dateTime().nullable(),
  connected_by: model.text().nullable(),
  assets: model.hasMany(() => MetaAsset, { mappedBy: "connection" }),
})
