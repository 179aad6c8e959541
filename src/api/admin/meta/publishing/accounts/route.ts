import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_PUBLISHING_MODULE } from "../../../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../../../modules/meta-publishing/service"
import type { MetaPublishingAccountsResponse } from "../../../../../types/http/publishing"
import { syncMetaPublishingAccountsWorkflow } from "../../../../../workflows/publishing"
import { presentAccount } from "./present-account"

/**
 * The Pages and Instagram accounts the connection can publish to, refreshed from the connection's
 * assets and profiles on each read (a handful of calls), with each Instagram account's current quota.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaPublishingAccountsResponse>) => {
  await syncMetaPublishingAccountsWorkflow(req.scope).run()
  const service = req.scope.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const rows = await service.listMetaPublishingAccounts({ missing_since: null }, { take: null, order: { platform: "DESC", name: "ASC" } })
  res.json({ accounts: rows.map((row) => presentAccount(row as never)) })
}
