import { model } from "@medusajs/framework/utils"

/** A data-deletion callback from Meta and how far the deletion got (shown on the public status page). */
export const MetaDataDeletionRequest = model.define("meta_data_deletion_request", {
  id: model.id({ prefix: "metaddr" }).primaryKey(),
  confirmation_code: model.text().unique(),
  meta_user_id: model.text(),
  status: model.enum(["pending", "completed", "failed"]).default("pending"),
  /** Counts of what was removed: { tokens, leads, comments, webhook_events }. */
  summary: model.json().nullable(),
  last_error: model.text().nullable(),
  completed_at: model.dateTime().nullable(),
})
