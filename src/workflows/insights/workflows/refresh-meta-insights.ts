import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { refreshAccountInsightsStep } from "../steps/refresh-account-insights"
import { refreshPublicationInsightsStep, type RefreshInsightsInput } from "../steps/refresh-publication-insights"

export type RefreshMetaInsightsResult = { refreshed_publications: number; refreshed_accounts: number; calls: number }

/**
 * Reads organic figures from Meta: the publications of the last 30 days (hourly) and each account's day
 * (daily), or everything due for one account now (`force`, the admin's "Refresh from Meta").
 */
export const refreshMetaInsightsWorkflow = createWorkflow("refresh-meta-insights", (input: RefreshInsightsInput) => {
  const publications = refreshPublicationInsightsStep(input)
  const accounts = refreshAccountInsightsStep(input)
  const result = transform({ publications, accounts }, ({ publications, accounts }): RefreshMetaInsightsResult => ({
    refreshed_publications: publications.refreshed,
    refreshed_accounts: accounts.refreshed,
    calls: publications.calls + accounts.calls,
  }))
  return new WorkflowResponse(result)
})
