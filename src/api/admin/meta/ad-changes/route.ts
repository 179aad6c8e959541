import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_ADS_MODULE } from "../../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../../modules/meta-ads/service"
import type { MetaAdChangesResponse } from "../../../../types/http/ads"

/** The audit log: every change made from the plugin, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaAdChangesResponse>) => {
  const ads = req.scope.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const offset = Math.max(0, Number(req.query.offset ?? 0) || 0)
  const limit = Math.min(200, Math.max(1, Number(req.query.limit ?? 50) || 50))
  const filters = typeof req.query.object_meta_id === "string" ? { object_meta_id: req.query.object_meta_id } : {}
  const [rows, count] = await ads.listAndCountMetaAdChanges(filters, { order: { created_at: "DESC" }, skip: offset, take: limit })
  res.json({
    changes: rows.map((r) => ({
      id: r.id,
      object_type: r.object_type,
      object_meta_id: r.object_meta_id,
      actor: r.actor,
      action: r.action,
      before: (r.before as Record<string, unknown>) ?? null,
      after: (r.after as Record<string, unknown>) ?? null,
      status: r.status,
      error: r.error,
      created_at: new Date(r.created_at).toISOString(),
    })),
    count,
    offset,
    limit,
  })
}
