import { model } from "@medusajs/framework/utils"

/** A full sync or a reconcile, with its progress for the admin. */
export const MetaCatalogRun = model
  .define("meta_catalog_run", {
    id: model.id({ prefix: "metacr" }).primaryKey(),
    kind: model.enum(["full_sync", "reconcile"]),
    status: model.enum(["running", "completed", "failed", "stopped"]).default("running"),
    catalog_id: model.text().nullable(),
    total: model.number().default(0),
    processed: model.number().default(0),
    deleted: model.number().default(0),
    message: model.text().nullable(),
    started_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["kind", "started_at"], where: "deleted_at IS NULL" }])
