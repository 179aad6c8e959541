import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setExclusion } from "../exclusion"

/** POST /admin/meta/catalog/products/:id/include { variant_ids? }: send these variants to Meta again. */
export async function POST(req: AuthenticatedMedusaRequest<{ variant_ids?: string[] }>, res: MedusaResponse) {
  await setExclusion(req, res, false)
}
