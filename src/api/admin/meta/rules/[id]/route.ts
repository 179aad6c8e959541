import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { META_ADS_MODULE } from "../../../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../../../modules/meta-ads/service"
import type { MetaAdRuleResponse } from "../../../../../types/http/ads"
import { saveMetaAdRuleWorkflow } from "../../../../../workflows/ads"
import { presentRule } from "../present-rule"
import type { PostMetaAdRuleType } from "../validators"

const service = (req: AuthenticatedMedusaRequest<unknown>) => req.scope.resolve<MetaAdsModuleService>(META_ADS_MODULE)

async function find(req: AuthenticatedMedusaRequest<unknown>) {
  const [rule] = await service(req).listMetaAdRules({ id: req.params.id })
  if (!rule) throw new MedusaError(MedusaError.Types.NOT_FOUND, `rule with id: ${req.params.id} was not found`)
  return rule
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaAdRuleResponse>) => {
  res.json({ rule: presentRule(await find(req)) })
}

/** Changes a rule (only the fields given; `enabled: false` turns it off). */
export const POST = async (req: AuthenticatedMedusaRequest<PostMetaAdRuleType>, res: MedusaResponse<MetaAdRuleResponse>) => {
  await saveMetaAdRuleWorkflow(req.scope).run({ input: { ...(req.validatedBody as object), id: req.params.id } as never })
  res.json({ rule: presentRule(await find(req)) })
}

/** Deletes a rule; its decisions stay in the log. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const rule = await find(req)
  await service(req).softDeleteMetaAdRules([rule.id])
  res.json({ id: rule.id, object: "meta_ad_rule", deleted: true })
}
