import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { syncMetaAdsStep } from "../steps/sync-meta-ads"

/** Mirrors the connection's ad account: campaigns, ad sets, ads and their performance for three ranges. */
export const syncMetaAdsWorkflow = createWorkflow("sync-meta-ads", () => new WorkflowResponse(syncMetaAdsStep()))
