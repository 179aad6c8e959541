import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { META_ADS_MODULE, SKIPPED_DECISION_RETENTION_DAYS } from "../modules/meta-ads"
import type MetaAdsModuleService from "../modules/meta-ads/service"
import { META_MODULE } from "../modules/meta"
import type MetaModuleService from "../modules/meta/service"
import { evaluateMetaAdRulesWorkflow } from "../workflows/ads"

/**
 * Every 30 minutes (Meta's own rules run at most semi-hourly): mirrors the ad account, then evaluates the
 * due rules. Rules are claimed in PostgreSQL, so the job may run on every worker: each rule acts once.
 * Then the decision log's skipped entries older than the retention go (the acted ones stay).
 */
export default async function evaluateMetaAdRulesJob(container: MedusaContainer) {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  if (!meta.featureFlags(await meta.retrieveLiveConnection()).ads.enabled) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await evaluateMetaAdRulesWorkflow(container).run({ input: { sync: true } })
  const acted = result.reduce((n, r) => n + r.decisions.filter((d) => d.acted).length, 0)
  if (result.length) logger.info(`Meta ad rules: ${result.length} rule(s) evaluated, ${acted} change(s) made`)
  const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  await ads.pruneSkippedRuleDecisions(new Date(Date.now() - SKIPPED_DECISION_RETENTION_DAYS * 24 * 60 * 60 * 1000))
}

export const config = {
  name: "meta-evaluate-ad-rules",
  schedule: "*/30 * * * *",
}
