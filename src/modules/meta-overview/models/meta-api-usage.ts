import { model } from "@medusajs/framework/utils"

/**
 * The rate-limit figures one Medusa process last saw in Meta's headers (its Graph client's usage snapshot),
 * so the overview can show the newest reading of each budget across all processes.
 */
export const MetaApiUsage = model
  .define("meta_api_usage", {
    id: model.id({ prefix: "metausage" }).primaryKey(),
    /** host:pid of the process. */
    process_key: model.text(),
    snapshot: model.json(),
    recorded_at: model.dateTime(),
  })
  .indexes([{ on: ["process_key"], unique: true, where: "deleted_at IS NULL" }])
