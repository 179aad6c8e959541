import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { META_MODULE } from "../modules/meta"
import type MetaModuleService from "../modules/meta/service"
import { META_PUBLISHING_MODULE } from "../modules/meta-publishing"
import type MetaPublishingModuleService from "../modules/meta-publishing/service"
import { prepareMetaPublicationsWorkflow, publishMetaPublicationsWorkflow } from "../workflows/publishing"

/** Publications leased per round; a run keeps taking rounds until nothing is due or its time is up. */
const ROUND = 25
/**
 * Instagram containers are made this long before the due time, so that at the time only media_publish
 * is left. A container unpublished for 24 hours expires (status_code EXPIRED,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container) and
 * Meta may process a video for minutes; ten minutes covers the processing and keeps the containers made
 * for posts that are then edited or cancelled few.
 */
const PREPARE_AHEAD_MS = 10 * 60_000
/** A run ends well inside the minute, so runs don't pile up behind each other. */
const RUN_BUDGET_MS = 45_000

/**
 * Every minute: marks scheduled posts missed when the store was down past the grace window, publishes
 * what is due (and what falls due within the run, at its time), and once nothing more is due makes the Instagram containers of what falls due in the next
 * PREPARE_AHEAD_MS (never publishing those before their time). The lease is taken in PostgreSQL, so the
 * job may run on every worker at once: each publication is advanced by one of them.
 */
export default async function publishMetaPublicationsJob(container: MedusaContainer) {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  if (!meta.featureFlags(await meta.retrieveLiveConnection()).publishing.enabled) return
  const publishing = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const missed = await publishing.markMissedPublications(meta.getOptions().publishing.graceMinutes * 60_000)
  if (missed.length) logger.warn(`Meta publishing: ${missed.length} scheduled post(s) missed their time while the store was down`)
  const started = Date.now()
  const counts = { published: 0, failed: 0, waiting: 0 }
  while (Date.now() - started < RUN_BUDGET_MS) {
    const { result } = await publishMetaPublicationsWorkflow(container).run({ input: { limit: ROUND } })
    for (const r of result) if (r.status in counts) counts[r.status as keyof typeof counts]++
    // Due work first: preparation only runs while nothing more is due.
    if (result.length === ROUND) continue
    const { result: prepared } = await prepareMetaPublicationsWorkflow(container).run({ input: { limit: ROUND, ahead_ms: PREPARE_AHEAD_MS } })
    if (prepared.length === ROUND) continue
    // A post falling due before this run's time is up is published at its time, not at the next minute's run.
    const left = RUN_BUDGET_MS - (Date.now() - started)
    const [next] = await publishing.listMetaPublications(
      { status: "scheduled", scheduled_at: { $gt: new Date(), $lte: new Date(Date.now() + left) } },
      { select: ["scheduled_at"], order: { scheduled_at: "ASC" }, take: 1 }
    )
    if (!next?.scheduled_at) break
    await new Promise((resolve) => setTimeout(resolve, Math.max(200, new Date(next.scheduled_at!).getTime() - Date.now())))
  }
  if (counts.published || counts.failed) {
    logger.info(`Meta publishing: ${counts.published} published, ${counts.failed} failed, ${counts.waiting} waiting`)
  }
}

export const config = {
  name: "meta-publish-publications",
  schedule: "* * * * *",
}
