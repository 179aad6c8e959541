import { model } from "@medusajs/framework/utils"
import { MetaPublishingAccount } from "./meta-publishing-account"

/**
 * An account's figures for one day: followers, the day's metrics, and when its followers were
 * online (Instagram's `online_followers`, 24 hourly counts; null under 100 followers, where Meta has none).
 */
export const MetaAccountInsight = model
  .define("meta_account_insight", {
    id: model.id({ prefix: "metaains" }).primaryKey(),
    /** YYYY-MM-DD, UTC. */
    day: model.text(),
    followers_count: model.number().nullable(),
    metrics: model.json(),
    /**
     * [n0, …, n23]: followers online in each hour of Meta's reporting day, keyed as Meta keys them (the
     * best-time ranking converts them to UTC); null where Meta gave no figure.
     */
    online_followers: model.json().nullable(),
    account: model.belongsTo(() => MetaPublishingAccount, { mappedBy: "insights" }),
  })
  .indexes([{ on: ["account_id", "day"], unique: true, where: "deleted_at IS NULL" }])
