import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../../modules/meta-ads/service"
import type { MetaCampaignsResponse } from "../../../../types/http/ads"
import { loadStoreRevenue, metaIdsOf, presentAdAccount, presentCampaign } from "./present-ads"
import { presentSyncState } from "./present-sync"
import type { GetMetaCampaignsType } from "./validators"

/**
 * The mirrored campaigns of the connection's ad account, with their ad sets and metrics for each range — Meta's
 * figures and the store's own (orders attributed to the ads, store revenue and store ROAS).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, GetMetaCampaignsType>, res: MedusaResponse<MetaCampaignsResponse>) => {
  const ads = req.scope.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const connection = await req.scope.resolve<MetaModuleService>(META_MODULE).retrieveLiveConnection()
  const q = req.validatedQuery as GetMetaCampaignsType
  const [account] = connection?.ad_account_id ? await ads.listMetaAdAccounts({ meta_id: connection.ad_account_id }) : []
  const [syncState] = connection?.ad_account_id ? await ads.listMetaAdSyncs({ ad_account_meta_id: connection.ad_account_id }) : []
  const sync = syncState ? presentSyncState(syncState) : null
  if (!account) {
    res.json({ account: null, sync, campaigns: [], store: {}, count: 0, offset: q.offset, limit: q.limit })
    return
  }
  const filters: Record<string, unknown> = { ad_account_id: account.id }
  if (q.status) filters.status = q.status
  if (q.q) filters.name = { $ilike: `%${q.q}%` }
  const [rows, count] = await ads.listAndCountMetaCampaigns(filters, {
    relations: ["ad_sets"],
    order: { name: "ASC" },
    skip: q.offset,
    take: q.limit,
  })
  const store = await loadStoreRevenue(ads, account, metaIdsOf(rows))
  res.json({
    account: presentAdAccount(account),
    sync,
    campaigns: rows.map((c) => presentCampaign(c, account.currency, store.index)),
    store: store.totals,
    count,
    offset: q.offset,
    limit: q.limit,
  })
}
