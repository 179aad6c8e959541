import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { createMetaBoostPlanStep, type CreateMetaBoostInput } from "../steps/create-meta-boost-plan"
import { composeMetaAdCreation } from "./create-meta-ad-objects"

/** Boosts a published post: campaign, ad set, creative and ad, all PAUSED, once per idempotency key. */
export const createMetaBoostCampaignWorkflow = createWorkflow("create-meta-boost-campaign", (input: CreateMetaBoostInput) =>
  new WorkflowResponse(composeMetaAdCreation(createMetaBoostPlanStep(input)))
)
