import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { META_PUBLISHING_MODULE } from "../../../../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../../../../modules/meta-publishing/service"
import type { MetaPublicationInsightsResponse } from "../../../../../../types/http/insights"
import { presentPublicationInsights } from "../../present-insights"

/** One publication's latest figures, how they grew, and the orders that came through its link. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaPublicationInsightsResponse>) => {
  const publishing = req.scope.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const found = await publishing.retrievePublicationInsights(req.params.id)
  if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Publication with id: ${req.params.id} was not found`)
  const [account, totals] = await Promise.all([
    publishing.retrieveMetaPublishingAccount(found.row.account_id, { select: ["platform"] }),
    publishing.attributionTotals({ publicationIds: [found.row.id] }),
  ])
  res.json({ insights: presentPublicationInsights({ row: found.row, platform: account.platform, history: found.history, totals }) })
}
