import { model } from "@medusajs/framework/utils"
import { MetaAccountInsight } from "./meta-account-insight"
import { MetaAccountPost } from "./meta-account-post"
import { MetaPublication } from "./meta-publication"

/**
 * A Facebook Page or Instagram professional account the connection discovered, which the merchant can
 * publish to. Rows are upserted by (platform, meta_id) from the connection's assets, so their ids stay
 * stable across reconnects; publishing is off until the merchant turns it on.
 */
export const MetaPublishingAccount = model
  .define("meta_publishing_account", {
    id: model.id({ prefix: "metapacc" }).primaryKey(),
    platform: model.enum(["instagram", "facebook"]),
    /** The Instagram user id or the Page id. */
    meta_id: model.text(),
    /** The Page whose token publishes (an Instagram account's linked Page; the Page itself). */
    page_meta_id: model.text().nullable(),
    name: model.text(),
    username: model.text().nullable(),
    followers_count: model.number().nullable(),
    picture_url: model.text().nullable(),
    enabled: model.boolean().default(false),
    /** Meta's `content_publishing_limit`, as last read (Instagram only). */
    quota_usage: model.number().nullable(),
    quota_total: model.number().nullable(),
    quota_duration: model.number().nullable(),
    quota_checked_at: model.dateTime().nullable(),
    /** Meta's `shopping_product_tag_eligibility` (Instagram), as last read; null = unknown. */
    product_tag_eligible: model.boolean().nullable(),
    product_tag_checked_at: model.dateTime().nullable(),
    /** Set when the connection no longer discovers the account; its publications wait. */
    missing_since: model.dateTime().nullable(),
    /** When the account's figures were last read, and why Meta gave none (e.g. under 100 followers). */
    insights_refreshed_at: model.dateTime().nullable(),
    insights_unavailable_reason: model.text().nullable(),
    publications: model.hasMany(() => MetaPublication, { mappedBy: "account" }),
    insights: model.hasMany(() => MetaAccountInsight, { mappedBy: "account" }),
    posts: model.hasMany(() => MetaAccountPost, { mappedBy: "account" }),
  })
  .indexes([{ on: ["platform", "meta_id"], unique: true, where: "deleted_at IS NULL" }])
