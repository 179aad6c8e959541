import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { META_MODULE } from "../modules/meta"
import type MetaModuleService from "../modules/meta/service"
import { refreshMetaInsightsWorkflow } from "../workflows/insights"

/**
 * Every hour: reads the figures of the publications of the last 30 days (Graph batch requests, 50 per
 * call) and, once a day, each account's figures and posts. Work is claimed in PostgreSQL, so the job may
 * run on every worker at once and each publication and account is read by one of them.
 */
export default async function refreshMetaInsightsJob(container: MedusaContainer) {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  if (!meta.featureFlags(await meta.retrieveLiveConnection()).insights.enabled) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await refreshMetaInsightsWorkflow(container).run({ input: {} })
  if (result.refreshed_publications || result.refreshed_accounts) {
    logger.info(
      `Meta insights: ${result.refreshed_publications} publication(s) and ${result.refreshed_accounts} account(s) refreshed in ${result.calls} call(s)`
    )
  }
}

export const config = {
  name: "meta-refresh-insights",
  schedule: "17 * * * *",
}
