import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rankBestTimes } from "../../../../../lib/insights"
import { META_PUBLISHING_MODULE } from "../../../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../../../modules/meta-publishing/service"
import type { MetaBestTimesResponse } from "../../../../../types/http/insights"
import type { GetMetaBestTimesType } from "../validators"

const DAY_MS = 86_400_000

/** The account's 168 hour-of-week slots, best first, from when its followers are online and how its posts did. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, GetMetaBestTimesType>, res: MedusaResponse<MetaBestTimesResponse>) => {
  const publishing = req.scope.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const { account_id } = req.validatedQuery as GetMetaBestTimesType
  const account = await publishing.retrieveMetaPublishingAccount(account_id, { select: ["id", "followers_count"] })
  const now = new Date()
  const { days, posts } = await publishing.bestTimeInputs({ accountId: account.id, sinceDay: new Date(now.getTime() - 30 * DAY_MS).toISOString().slice(0, 10) })
  const ranking = rankBestTimes({
    onlineFollowers: days.filter((d) => d.online_followers).map((d) => ({ date: d.day, hours: d.online_followers! })),
    posts: posts.map((p) => ({
      publishedAt: new Date(p.published_at),
      engagement: p.engagement === null ? null : Number(p.engagement),
      // Posts made outside the plugin have no reach here, so every post is measured per follower (one
      // yardstick for all; the ranking compares each post with the account's own usual, so the scale cancels).
      reach: account.followers_count ?? (p.reach === null ? null : Number(p.reach)),
    })),
    followersCount: account.followers_count,
    now,
  })
  res.json({ account_id: account.id, ...ranking })
}
