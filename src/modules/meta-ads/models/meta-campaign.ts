import { model } from "@medusajs/framework/utils"
import { MetaAdAccount } from "./meta-ad-account"
import { MetaAdSet } from "./meta-ad-set"

/** A campaign as Meta last reported it. Budgets are Meta's integers (per-currency offset) as text. */
export const MetaCampaign = model
  .define("meta_campaign", {
    id: model.id({ prefix: "metacmp" }).primaryKey(),
    meta_id: model.text(),
    name: model.text(),
    objective: model.text(),
    status: model.text(),
    effective_status: model.text(),
    daily_budget: model.text().nullable(),
    lifetime_budget: model.text().nullable(),
    bid_strategy: model.text().nullable(),
    special_ad_categories: model.json().nullable(),
    start_time: model.dateTime().nullable(),
    stop_time: model.dateTime().nullable(),
    /** { today, last_7d, last_30d }: Meta's insights row per range (spend as Meta's decimal string). */
    insights: model.json().nullable(),
    synced_at: model.dateTime().nullable(),
    ad_account: model.belongsTo(() => MetaAdAccount, { mappedBy: "campaigns" }),
    ad_sets: model.hasMany(() => MetaAdSet, { mappedBy: "campaign" }),
  })
  .indexes([
    { on: ["meta_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["ad_account_id", "effective_status"] },
  ])
