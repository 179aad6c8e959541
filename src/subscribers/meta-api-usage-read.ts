import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { META_API_USAGE_READ, type MetaApiUsageReadData } from "../modules/meta"
import { META_OVERVIEW_MODULE } from "../modules/meta-overview"
import type MetaOverviewModuleService from "../modules/meta-overview/service"

/** A process's usage reading (servers and workers each send theirs) → its row in meta_api_usage. */
export default async function metaApiUsageRead({ event: { data }, container }: SubscriberArgs<MetaApiUsageReadData>) {
  if (!data?.process_key || !data.snapshot) return
  await container.resolve<MetaOverviewModuleService>(META_OVERVIEW_MODULE).recordApiUsage(data.snapshot, data.process_key)
}

export const config: SubscriberConfig = {
  event: META_API_USAGE_READ,
  context: { subscriberId: "meta-api-usage-read" },
}
