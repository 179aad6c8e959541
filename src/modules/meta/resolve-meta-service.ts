import type { MedusaContainer } from "@medusajs/framework/types"
import { META_MODULE } from "./index"
import type MetaModuleService from "./service"

/** The meta module's service from a container (a request scope, a step's or a job's container). */
export function metaService(container: MedusaContainer): MetaModuleService {
  return container.resolve<MetaModuleService>(META_MODULE)
}
