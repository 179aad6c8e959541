import { model } from "@medusajs/framework/utils"

/**
 * What Meta reports for the ad account on one day of the account's time zone (account-level insights with
 * time_increment=1): spend and Meta's purchase figures, as Meta's exact decimal strings in the main unit. The
 * ROI report and the spend-pacing alert read these; a later read of the same day replaces it (Meta revises
 * recent days as conversions arrive).
 */
export const MetaAdSpendDay = model
  .define("meta_ad_spend_day", {
    id: model.id({ prefix: "metaspend" }).primaryKey(),
    /** "act_…" */
    ad_account_id: model.text(),
    /** "YYYY-MM-DD" in the account's time zone. */
    day: model.text(),
    currency: model.text(),
    spend: model.text(),
    purchase_value: model.text(),
    purchases: model.number().default(0),
    synced_at: model.dateTime(),
  })
  .indexes([{ on: ["ad_account_id", "day"], unique: true, where: "deleted_at IS NULL" }])
