import { model } from "@medusajs/framework/utils"
import { MetaAdSet } from "./meta-ad-set"

/** An ad as Meta last reported it, with its creative's references and the products it advertises. */
export const MetaAd = model
  .define("meta_ad", {
    id: model.id({ prefix: "metaad" }).primaryKey(),
    meta_id: model.text(),
    name: model.text(),
    status: model.text(),
    effective_status: model.text(),
    /** { id, object_story_id, source_instagram_media_id, product_set_id } */
    creative: model.json().nullable(),
    review_feedback: model.json().nullable(),
    /** Medusa products the ad shows (from the boosted publication or the catalog product set). */
    product_ids: model.array().default([]),
    insights: model.json().nullable(),
    synced_at: model.dateTime().nullable(),
    ad_set: model.belongsTo(() => MetaAdSet, { mappedBy: "ads" }),
  })
  .indexes([{ on: ["meta_id"], unique: true, where: "deleted_at IS NULL" }])
