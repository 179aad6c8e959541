import { model } from "@medusajs/framework/utils"
import { MetaAd } from "./meta-ad"
import { MetaCampaign } from "./meta-campaign"

/** An ad set as Meta last reported it. */
export const MetaAdSet = model
  .define("meta_ad_set", {
    id: model.id({ prefix: "metaadset" }).primaryKey(),
    meta_id: model.text(),
    name: model.text(),
    status: model.text(),
    effective_status: model.text(),
    daily_budget: model.text().nullable(),
    lifetime_budget: model.text().nullable(),
    bid_strategy: model.text().nullable(),
    optimization_goal: model.text().nullable(),
    billing_event: model.text().nullable(),
    targeting: model.json().nullable(),
    promoted_object: model.json().nullable(),
    start_time: model.dateTime().nullable(),
    end_time: model.dateTime().nullable(),
    insights: model.json().nullable(),
    synced_at: model.dateTime().nullable(),
    campaign: model.belongsTo(() => MetaCampaign, { mappedBy: "ad_sets" }),
    ads: model.hasMany(() => MetaAd, { mappedBy: "ad_set" }),
  })
  .indexes([{ on: ["meta_id"], unique: true, where: "deleted_at IS NULL" }])
