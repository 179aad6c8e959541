import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import MetaModuleService from "./service"

export const META_MODULE = "meta"

export default Module(META_MODULE, {
  service: MetaModuleService,
  loaders: [validateOptionsLoader],
})

export { MetaModuleService }
export * from "./options"
export * from "./events"
