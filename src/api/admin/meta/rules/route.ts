import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RULE_TEMPLATES } from "../../../../lib/ads"
import { META_ADS_MODULE } from "../../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../../modules/meta-ads/service"
import type { MetaAdRuleResponse, MetaAdRulesResponse } from "../../../../types/http/ads"
import { saveMetaAdRuleWorkflow } from "../../../../workflows/ads"
import { presentRule } from "./present-rule"
import type { PostMetaAdRuleType } from "./validators"

/** The automated rules, with the built-in templates the editor offers. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaAdRulesResponse>) => {
  const ads = req.scope.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const [rows, count] = await ads.listAndCountMetaAdRules({}, { order: { created_at: "ASC" }, take: null })
  res.json({
    rules: rows.map(presentRule),
    count,
    templates: RULE_TEMPLATES.map((t) => ({ key: t.key, title: t.title, description: t.description, parameters: t.parameters })),
  })
}

/** A new rule: `{ name, template?, values?, …definition }`. */
export const POST = async (req: AuthenticatedMedusaRequest<PostMetaAdRuleType>, res: MedusaResponse<MetaAdRuleResponse>) => {
  const { result } = await saveMetaAdRuleWorkflow(req.scope).run({ input: req.validatedBody as never })
  const [rule] = await req.scope.resolve<MetaAdsModuleService>(META_ADS_MODULE).listMetaAdRules({ id: result.id })
  res.status(201).json({ rule: presentRule(rule) })
}
