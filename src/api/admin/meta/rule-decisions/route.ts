import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_ADS_MODULE } from "../../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../../modules/meta-ads/service"
import type { MetaAdRuleDecisionsResponse } from "../../../../types/http/ads"
import { presentDecision } from "../rules/present-rule"
import type { GetMetaRuleDecisionsType } from "../rules/validators"

/** Every decision the rules made — acted or skipped — newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, GetMetaRuleDecisionsType>, res: MedusaResponse<MetaAdRuleDecisionsResponse>) => {
  const q = req.validatedQuery as GetMetaRuleDecisionsType
  const filters: Record<string, unknown> = {}
  if (q.rule_id) filters.rule_id = q.rule_id
  if (q.object_id) filters.object_meta_id = q.object_id
  if (q.acted) filters.acted = q.acted === "true"
  const [rows, count] = await req.scope
    .resolve<MetaAdsModuleService>(META_ADS_MODULE)
    .listAndCountMetaAdRuleDecisions(filters, { order: { evaluated_at: "DESC" }, skip: q.offset, take: q.limit })
  res.json({ decisions: rows.map((d) => presentDecision(d)), count, offset: q.offset, limit: q.limit })
}
