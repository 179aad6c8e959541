import { model } from "@medusajs/framework/utils"

/** A pending OAuth dialog: the nonce inside the signed `state`, so each state works exactly once. */
export const MetaOAuthState = model.define("meta_oauth_state", {
  id: model.id({ prefix: "metaoas" }).primaryKey(),
  nonce: model.text().unique(),
  user_id: model.text(),
  expires_at: model.dateTime(),
  used_at: model.dateTime().nullable(),
})
