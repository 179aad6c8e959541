import { model } from "@medusajs/framework/utils"

/**
 * One items_batch call. Written before the call is sent; the handle Meta returns is polled with
 * check_batch_request_status until it is finished, then each item's outcome is recorded.
 */
export const MetaCatalogBatch = model
  .define("meta_catalog_batch", {
    id: model.id({ prefix: "metacb" }).primaryKey(),
    catalog_id: model.text(),
    handle: model.text().nullable(),
    status: model.enum(["sending", "submitted", "finished", "failed"]).default("sending"),
    request_count: model.number().default(0),
    /** meta_catalog_item ids carried by the call. */
    item_ids: model.json(),
    attempts: model.number().default(0),
    next_poll_at: model.dateTime().nullable(),
    errors_total: model.number().default(0),
    error: model.text().nullable(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["status"], where: "deleted_at IS NULL" }])
