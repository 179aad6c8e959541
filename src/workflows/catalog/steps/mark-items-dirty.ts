import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { markChangesDirty, type CatalogChange } from "../../../catalog-sync/mark-changes-dirty"

/** Marks the variants behind a Medusa change dirty; the catalog worker sends them. Idempotent. */
export const markItemsDirtyStep = createStep("mark-meta-catalog-items-dirty", async (input: CatalogChange, { container }) => {
  return new StepResponse(await markChangesDirty(container, input))
})
