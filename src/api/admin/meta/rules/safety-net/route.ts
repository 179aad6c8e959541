import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaSafetyNetResponse } from "../../../../../types/http/ads"
import { setMetaSafetyNetWorkflow } from "../../../../../workflows/ads"
import { readSafetyNet } from "./present-safety-net"
import type { PostMetaSafetyNetType } from "./validators"

/** The safety net: Meta's own spend-cap and frequency rules on the connection's ad account, and what they did. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaSafetyNetResponse>) => {
  res.json({ safety_net: await readSafetyNet(req.scope) })
}

/** `{ enabled, spend_cap_daily?, max_frequency? }`: turns the net on or off or changes its values, at Meta first. */
export const POST = async (req: AuthenticatedMedusaRequest<PostMetaSafetyNetType>, res: MedusaResponse<MetaSafetyNetResponse>) => {
  await setMetaSafetyNetWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ safety_net: await readSafetyNet(req.scope) })
}
