import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { mirrorMetaSafetyNetStep } from "../steps/mirror-meta-safety-net"
import { syncMetaAdsStep } from "../steps/sync-meta-ads"

/** Mirrors the connection's ad account: campaigns, ad sets, ads and their performance for three ranges. */
export const syncMetaAdsWorkflow = createWorkflow("sync-meta-ads", () => {
  const synced = syncMetaAdsStep()
  // The safety net's rules at Meta and what they did meanwhile (no call while there is no safety net).
  mirrorMetaSafetyNetStep()
  return new WorkflowResponse(synced)
})
