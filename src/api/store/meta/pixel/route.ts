import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import type { StoreMetaPixelResponse } from "../../../../types/http/store"

/** The pixel id for `fbq('init', …)`, and nothing else (DESIGN: only the pixel id reaches the browser). */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreMetaPixelResponse>) => {
  const svc = req.scope.resolve<MetaModuleService>(META_MODULE)
  const connection = await svc.retrieveLiveConnection()
  const enabled = !!connection?.pixel_id && svc.featureFlags(connection).capi.enabled
  res.json({ pixel_id: enabled ? connection!.pixel_id : null })
}
