import { Module } from "@medusajs/framework/utils"
import MetaAdsModuleService from "./service"

export const META_ADS_MODULE = "meta_ads"

export default Module(META_ADS_MODULE, {
  service: MetaAdsModuleService,
})

export { MetaAdsModuleService }
