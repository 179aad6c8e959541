import { Module } from "@medusajs/framework/utils"
import MetaAdsModuleService from "./service"

export const META_ADS_MODULE = "meta_ads"

/** Days a rule decision that changed nothing (skipped, or a dry run) stays in the log; acted ones stay for good. */
export const SKIPPED_DECISION_RETENTION_DAYS = 30

export default Module(META_ADS_MODULE, {
  service: MetaAdsModuleService,
})

export { MetaAdsModuleService }
