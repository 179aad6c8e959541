import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaPageSubscriptionResponse } from "../../../../../types/http/setup"
import { subscribeMetaPageWorkflow } from "../../../../../workflows"

/** POST /admin/meta/setup/page-subscription: the chosen Page sends its comments and leads to the store. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaPageSubscriptionResponse>) => {
  const { result } = await subscribeMetaPageWorkflow(req.scope).run()
  res.json({ page_id: result.page_id, subscribed: true, subscribed_fields: result.subscribed_fields })
}
