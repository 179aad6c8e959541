import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaAdRulePreviewResponse } from "../../../../../../types/http/ads"
import { evaluateMetaAdRulesWorkflow } from "../../../../../../workflows/ads"
import { presentDecision } from "../../present-rule"

/** What the rule would do right now, on the mirror's figures — nothing is sent to Meta or logged. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaAdRulePreviewResponse>) => {
  const { result } = await evaluateMetaAdRulesWorkflow(req.scope).run({ input: { rule_id: req.params.id, preview: true } })
  res.json({ rule_id: req.params.id, decisions: (result[0]?.decisions ?? []).map((d) => presentDecision(d, req.params.id)) })
}
