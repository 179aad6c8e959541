import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_ADS_MODULE } from "../../../../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../../../../modules/meta-ads/service"
import type { MetaAdRuleEvaluationResponse } from "../../../../../../types/http/ads"
import { evaluateMetaAdRulesWorkflow } from "../../../../../../workflows/ads"
import { presentDecision } from "../../present-rule"

/**
 * Runs one rule now, as the scheduled job would: a mirror pass for fresh figures, then the rule judged and
 * acted on (a dry-run rule only logs), every decision logged. Answers the decisions as the log holds them.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaAdRuleEvaluationResponse>) => {
  const { result } = await evaluateMetaAdRulesWorkflow(req.scope).run({ input: { rule_id: req.params.id, sync: true } })
  const [evaluation] = result
  const decisions = await req.scope
    .resolve<MetaAdsModuleService>(META_ADS_MODULE)
    .listMetaAdRuleDecisions({ evaluation_id: evaluation.evaluation_id }, { order: { object_meta_id: "ASC" }, take: null })
  res.json({ rule_id: req.params.id, evaluation_id: evaluation.evaluation_id, decisions: decisions.map((d) => presentDecision(d)) })
}
