import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildSetupSheet } from "../../../../lib/setup"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import type { MetaSetupResponse } from "../../../../types/http/setup"

/**
 * GET /admin/meta/setup: what to paste into Meta's dashboards, built from the plugin options, with a check
 * for each. Answers before the first connection too. The webhook verify token is shown (the merchant types it
 * into Meta); the app secret, tokens and the encryption key never are.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaSetupResponse>) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const options = service.getOptions()
  res.json({
    setup: buildSetupSheet({
      backendUrl: options.backendUrl,
      webhookVerifyToken: options.webhookVerifyToken ?? null,
      storefrontUrl: options.storefrontUrl ?? null,
      webhookVerifiedAt: await service.webhookVerifiedAt(),
    }),
  })
}
