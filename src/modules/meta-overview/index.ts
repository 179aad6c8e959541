import { Module } from "@medusajs/framework/utils"
import MetaOverviewModuleService from "./service"

export const META_OVERVIEW_MODULE = "meta_overview"

export default Module(META_OVERVIEW_MODULE, {
  service: MetaOverviewModuleService,
})

export { MetaOverviewModuleService }
