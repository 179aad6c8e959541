import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { META_MODULE } from "../modules/meta"
import type MetaModuleService from "../modules/meta/service"
import { META_PUBLISHING_MODULE } from "../modules/meta-publishing"
import type MetaPublishingModuleService from "../modules/meta-publishing/service"
import { publishMetaPublicationsWorkflow } from "../workflows/publishing"

/** Publications leased per round; a run keeps taking rounds until nothing is due or its time is up. */
const ROUND = 25
/** A run ends well inside the minute, so runs don't pile up behind each other. */
const RUN_BUDGET_MS = 45_000

/**
 * Every minute: marks scheduled posts missed when the store was down past the grace window, then
 * publishes what is due. The lease is taken in PostgreSQL, so the job may run on every worker at once:
 * each publication is advanced by one of them.
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
    if (result.length < ROUND) break
  }
  if (counts.published || counts.failed) {
    logger.info(`Meta publishing: ${counts.published} published, ${counts.failed} failed, ${counts.waiting} waiting`)
  }
}

export const config = {
  name: "meta-publish-publications",
  schedule: "* * * * *",
}
