import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setExclusion } from "../exclusion"

/** POST /admin/meta/catalog/products/:id/exclude { variant_ids? }: keep these variants out of Meta. */
export async function POST(req: AuthenticatedMedusaRequest<{ variant_ids?: string[] }>, res: MedusaResponse) {
  await setExclusion(req, res, true)
}
