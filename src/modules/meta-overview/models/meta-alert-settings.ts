import { model } from "@medusajs/framework/utils"

/**
 * The store's alert settings (one row, `scope` "store"): one switch and threshold per alert kind, as
 * src/lib/overview/alerts.ts reads them. `evaluated_at` doubles as the claim of the alert check, so one
 * process evaluates per round however many run the job.
 */
export const MetaAlertSettings = model
  .define("meta_alert_settings", {
    id: model.id({ prefix: "metaalertset" }).primaryKey(),
    scope: model.text().default("store"),
    settings: model.json(),
    evaluated_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["scope"], unique: true, where: "deleted_at IS NULL" }])
