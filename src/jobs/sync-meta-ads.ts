import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { META_MODULE } from "../modules/meta"
import type MetaModuleService from "../modules/meta/service"
import { syncMetaAdsWorkflow } from "../workflows/ads"

/** Every 15 minutes: mirrors the ad account's campaigns, ad sets, ads and their performance. */
export default async function syncMetaAdsJob(container: MedusaContainer) {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  if (!meta.featureFlags(await meta.retrieveLiveConnection()).ads.enabled) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await syncMetaAdsWorkflow(container).run()
  if (result.synced) logger.info(`Meta ads: ${result.campaigns} campaigns, ${result.ad_sets} ad sets, ${result.ads} ads mirrored in ${result.calls} calls`)
  else if (result.state === "waiting" || result.state === "partial") logger.info(`Meta ads: mirror ${result.state} after ${result.calls} calls: ${result.reason}`)
}

export const config = {
  name: "meta-sync-ads",
  schedule: "*/15 * * * *",
}
