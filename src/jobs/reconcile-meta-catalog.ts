import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcileMetaCatalogWorkflow } from "../workflows/catalog"

/** Nightly at 03:17: Meta's catalog against the store (orphans deleted with a safety stop). */
export default async function reconcileMetaCatalogJob(container: MedusaContainer) {
  const { result } = await reconcileMetaCatalogWorkflow(container).run()
  if (result.status === "stopped" || result.status === "failed") {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Meta catalog reconcile ${result.status}: ${result.message}`)
  }
}

export const config = { name: "reconcile-meta-catalog", schedule: "17 3 * * *" }
