import { model } from "@medusajs/framework/utils"
import { MetaCampaign } from "./meta-campaign"

/**
 * The connection's ad account as last mirrored: currency and time zone (budgets and days are in them),
 * Meta's minimum budgets, the usage Meta reported, and the merchant's guards for automated rules.
 */
export const MetaAdAccount = model
  .define("meta_ad_account", {
    id: model.id({ prefix: "metaadacc" }).primaryKey(),
    /** "act_…" */
    meta_id: model.text(),
    name: model.text(),
    currency: model.text(),
    timezone_name: model.text(),
    account_status: model.number().nullable(),
    /** Meta's `minimum_budgets` for the account's currency, in Meta units. */
    minimum_budgets: model.json().nullable(),
    usage_pct: model.number().nullable(),
    synced_at: model.dateTime().nullable(),
    /** One switch that stops every automated rule. */
    rules_paused: model.boolean().default(false),
    /** The ceiling for the account's total daily budget, in Meta units; null = none. */
    daily_budget_ceiling: model.text().nullable(),
    campaigns: model.hasMany(() => MetaCampaign, { mappedBy: "ad_account" }),
  })
  .indexes([{ on: ["meta_id"], unique: true, where: "deleted_at IS NULL" }])
