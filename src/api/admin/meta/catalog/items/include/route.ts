import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaCatalogItemsBulkBody, MetaCatalogItemsBulkResponse } from "../../../../../../types/http/catalog"
import { selectionRows, setSelectionExcluded } from "../bulk"

/** POST /admin/meta/catalog/items/include { variant_ids }: send the selected variants to Meta again. */
export async function POST(req: AuthenticatedMedusaRequest<MetaCatalogItemsBulkBody>, res: MedusaResponse<MetaCatalogItemsBulkResponse>) {
  const ids = await setSelectionExcluded(req, false)
  res.json({ items: await selectionRows(req, ids), updated: ids.length })
}
