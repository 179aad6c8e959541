import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { claimUpcomingMetaPublicationsStep, type ClaimUpcomingMetaPublicationsInput } from "../steps/claim-upcoming-meta-publications"
import { prepareMetaContainersStep } from "../steps/prepare-meta-containers"

/**
 * Makes the Instagram containers of publications due soon, ahead of their time, so the publisher only
 * polls and publishes when they are due. Never publishes anything.
 */
export const prepareMetaPublicationsWorkflow = createWorkflow(
  "prepare-meta-publications",
  (input: ClaimUpcomingMetaPublicationsInput) => {
    const claimed = claimUpcomingMetaPublicationsStep(input)
    return new WorkflowResponse(prepareMetaContainersStep(claimed))
  }
)
