import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { syncMetaPublishingAccountsStep } from "../steps/sync-meta-publishing-accounts"

/** The connection's Pages and Instagram accounts as publishing accounts, with their current profile. */
export const syncMetaPublishingAccountsWorkflow = createWorkflow("sync-meta-publishing-accounts", () => {
  return new WorkflowResponse(syncMetaPublishingAccountsStep())
})
