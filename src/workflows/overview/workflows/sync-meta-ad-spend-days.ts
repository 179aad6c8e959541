import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { syncMetaAdSpendDaysStep } from "../steps/sync-meta-ad-spend-days"

/** Reads the ad account's daily spend and purchase figures from Meta for the ROI report and spend pacing. */
export const syncMetaAdSpendDaysWorkflow = createWorkflow("sync-meta-ad-spend-days", () => new WorkflowResponse(syncMetaAdSpendDaysStep()))
