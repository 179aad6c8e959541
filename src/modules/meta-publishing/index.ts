import { Module } from "@medusajs/framework/utils"
import MetaPublishingModuleService from "./service"

export const META_PUBLISHING_MODULE = "meta_publishing"

export default Module(META_PUBLISHING_MODULE, {
  service: MetaPublishingModuleService,
})

export { MetaPublishingModuleService }
