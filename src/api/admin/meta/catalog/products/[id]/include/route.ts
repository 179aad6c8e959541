import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaCatalogExclusionBody, MetaCatalogProductResponse } from "../../../../../../../types/http/catalog"
import { setExclusion } from "../exclusion"

/** POST /admin/meta/catalog/products/:id/include { variant_ids? }: send these variants to Meta again. */
export async function POST(
  req: AuthenticatedMedusaRequest<MetaCatalogExclusionBody>,
  res: MedusaResponse<MetaCatalogProductResponse>
) {
  await setExclusion(req, res, false)
}
