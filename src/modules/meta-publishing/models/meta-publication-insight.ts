import { model } from "@medusajs/framework/utils"
import { MetaPublication } from "./meta-publication"

/**
 * A publication's organic figures as read on one day (UTC). One row per publication and day: the latest
 * read of the day replaces the earlier one, so the rows are the figures' growth curve.
 */
export const MetaPublicationInsight = model
  .define("meta_publication_insight", {
    id: model.id({ prefix: "metapins" }).primaryKey(),
    /** YYYY-MM-DD, UTC. */
    day: model.text(),
    /** Meta's metric name → value; a metric Meta did not report is absent. */
    metrics: model.json(),
    publication: model.belongsTo(() => MetaPublication, { mappedBy: "insights" }),
  })
  .indexes([{ on: ["publication_id", "day"], unique: true, where: "deleted_at IS NULL" }])
