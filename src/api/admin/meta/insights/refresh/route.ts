import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaInsightsRefreshResponse } from "../../../../../types/http/insights"
import { refreshMetaInsightsWorkflow } from "../../../../../workflows/insights"
import type { PostMetaInsightsRefreshType } from "../validators"

/** Reads the figures from Meta now (all accounts, or one), instead of waiting for the hourly refresh. */
export const POST = async (
  req: AuthenticatedMedusaRequest<PostMetaInsightsRefreshType>,
  res: MedusaResponse<MetaInsightsRefreshResponse>
) => {
  const { result } = await refreshMetaInsightsWorkflow(req.scope).run({ input: { account_id: req.validatedBody.account_id, force: true } })
  res.json({ refreshed_publications: result.refreshed_publications, refreshed_accounts: result.refreshed_accounts })
}
