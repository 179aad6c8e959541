import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaAdRulesPauseAllResponse } from "../../../../../types/http/ads"
import { setMetaAdRulesSwitchWorkflow } from "../../../../../workflows/ads"
import type { PostMetaRulesPauseAllType } from "../validators"

/** The one switch: `{ paused: true }` stops every rule at once (`false` lets them run again); optionally the budget ceiling. */
export const POST = async (req: AuthenticatedMedusaRequest<PostMetaRulesPauseAllType>, res: MedusaResponse<MetaAdRulesPauseAllResponse>) => {
  const { result } = await setMetaAdRulesSwitchWorkflow(req.scope).run({ input: req.validatedBody })
  res.json(result)
}
