import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MetaCatalogItemsBulkBody, MetaCatalogItemsBulkResponse } from "../../../../../../types/http/catalog"
import { selectionRows, setSelectionExcluded } from "../bulk"

/** POST /admin/meta/catalog/items/exclude { variant_ids }: keep the selected variants out of Meta (removed there). */
export async function POST(req: AuthenticatedMedusaRequest<MetaCatalogItemsBulkBody>, res: MedusaResponse<MetaCatalogItemsBulkResponse>) {
  const ids = await setSelectionExcluded(req, true)
  res.json({ items: await selectionRows(req, ids), updated: ids.length })
}
