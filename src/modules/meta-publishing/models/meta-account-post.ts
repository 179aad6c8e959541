import { model } from "@medusajs/framework/utils"
import { MetaPublishingAccount } from "./meta-publishing-account"

/**
 * A post of the account as Meta lists it (published through the plugin or not): when it went out and the
 * engagement it got. The best-time ranking learns from these, so an account with years of posts made
 * elsewhere gets advice from its own history on day one.
 */
export const MetaAccountPost = model
  .define("meta_account_post", {
    id: model.id({ prefix: "metaapost" }).primaryKey(),
    /** The Instagram media id or the Page post id. */
    meta_id: model.text(),
    published_at: model.dateTime(),
    /** Likes (reactions) + comments (+ shares on Facebook), as last read. */
    engagement: model.number().default(0),
    account: model.belongsTo(() => MetaPublishingAccount, { mappedBy: "posts" }),
  })
  .indexes([
    { on: ["account_id", "meta_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["account_id", "published_at"] },
  ])
