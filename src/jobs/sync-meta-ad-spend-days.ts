import type { MedusaContainer } from "@medusajs/framework/types"
import { META_MODULE } from "../modules/meta"
import type MetaModuleService from "../modules/meta/service"
import { syncMetaAdSpendDaysWorkflow } from "../workflows/overview"

/**
 * Every 30 minutes: the ad account's spend per day (one insights call for the last 35 days), for the ROI
 * report and the spend-pacing alert. Each day is written as Meta reports it, so processes racing write the same.
 */
export default async function syncMetaAdSpendDaysJob(container: MedusaContainer) {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  if (!meta.featureFlags(await meta.retrieveLiveConnection()).ads.enabled) return
  await syncMetaAdSpendDaysWorkflow(container).run()
}

export const config = {
  name: "meta-sync-ad-spend-days",
  schedule: "7,37 * * * *",
}
