import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaAdRuleDefinition, MetaAdRuleDraftPreviewResponse } from "../../../../../types/http/ads"
import { evaluateMetaAdRulesWorkflow } from "../../../../../workflows/ads"
import { presentDraftDecision } from "../present-rule"
import type { PostMetaAdRulePreviewType } from "../validators"

/**
 * What a rule that is not saved yet would do right now (the body of `POST /admin/meta/rules`: a template with
 * its values and/or definition fields), on the mirror's figures. Nothing is saved, logged or sent to Meta.
 */
export const POST = async (req: AuthenticatedMedusaRequest<PostMetaAdRulePreviewType>, res: MedusaResponse<MetaAdRuleDraftPreviewResponse>) => {
  const { result } = await evaluateMetaAdRulesWorkflow(req.scope).run({ input: { preview: true, draft: req.validatedBody as Record<string, unknown> } })
  const [evaluation] = result
  const { id: _id, ...rule } = evaluation.rule
  res.json({ rule: rule as MetaAdRuleDefinition, decisions: evaluation.decisions.map(presentDraftDecision) })
}
