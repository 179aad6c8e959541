import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { setMetaCatalogExclusionWorkflow } from "../../../../../../workflows/catalog"
import type { MetaCatalogExclusionBody, MetaCatalogItem, MetaCatalogProductResponse } from "../../../../../../types/http/catalog"
import { metaService } from "../../../../../../modules/meta/resolve-meta-service"
import { presentCatalogItem } from "../../present-catalog"

export async function requireProduct(req: AuthenticatedMedusaRequest, id: string): Promise<void> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id } })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id "${id}" was not found`)
}

export async function productItems(req: AuthenticatedMedusaRequest, productId: string): Promise<MetaCatalogItem[]> {
  const rows = await metaService(req.scope).listMetaCatalogItems({ product_id: productId }, { take: null, order: { variant_id: "ASC" } })
  return rows.map((r) => presentCatalogItem(r))
}

/** Include/exclude: the items are marked dirty; the worker deletes excluded ones from Meta or sends included ones. */
export async function setExclusion(
  req: AuthenticatedMedusaRequest<MetaCatalogExclusionBody>,
  res: MedusaResponse<MetaCatalogProductResponse>,
  excluded: boolean
) {
  const productId = req.params.id
  await requireProduct(req, productId)
  await setMetaCatalogExclusionWorkflow(req.scope).run({
    input: { product_id: productId, variant_ids: req.validatedBody?.variant_ids, excluded },
  })
  res.json({ items: await productItems(req, productId) })
}
