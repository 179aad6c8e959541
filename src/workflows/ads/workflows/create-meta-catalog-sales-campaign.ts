import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { createMetaCatalogSalesPlanStep, type CreateMetaCatalogSalesInput } from "../steps/create-meta-catalog-sales-plan"
import { composeMetaAdCreation } from "./create-meta-ad-objects"

/** A catalog sales campaign for a synced product set, with the pixel: all PAUSED, once per idempotency key. */
export const createMetaCatalogSalesCampaignWorkflow = createWorkflow("create-meta-catalog-sales-campaign", (input: CreateMetaCatalogSalesInput) =>
  new WorkflowResponse(composeMetaAdCreation(createMetaCatalogSalesPlanStep(input)))
)
