import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { metaService } from "../../../../../modules/meta/resolve-meta-service"
import type { MetaCatalogItemsBulkBody, MetaCatalogListItem } from "../../../../../types/http/catalog"
import { setMetaCatalogExclusionWorkflow } from "../../../../../workflows/catalog"
import { withNames } from "./list-catalog-items"

/** How many unknown ids a 404 names before "and N more". */
const NAMED_IN_ERROR = 5

/**
 * The selected variants, grouped by product, as Medusa knows them. A selection naming a variant Medusa
 * does not have is refused whole (404 naming it), so a stale page never changes half a selection.
 */
export async function selectedVariants(
  req: AuthenticatedMedusaRequest<MetaCatalogItemsBulkBody>
): Promise<{ ids: string[]; byProduct: Map<string, string[]> }> {
  const ids = [...new Set(req.validatedBody.variant_ids)]
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: ids } })
  const found = new Map(data.map((v) => [v.id, v.product_id as string]))
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length) {
    const named = missing.slice(0, NAMED_IN_ERROR).map((id) => `"${id}"`).join(", ")
    const more = missing.length > NAMED_IN_ERROR ? ` and ${missing.length - NAMED_IN_ERROR} more` : ""
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `${missing.length === 1 ? "This variant is" : "These variants are"} not in Medusa any more: ${named}${more}. Reload the list and select again.`
    )
  }
  const byProduct = new Map<string, string[]>()
  for (const id of ids) {
    const productId = found.get(id)!
    byProduct.set(productId, [...(byProduct.get(productId) ?? []), id])
  }
  return { ids, byProduct }
}

/**
 * Includes or excludes the selection, product by product (each a workflow that restores its variants if
 * it fails); returns the selected variant ids, each once, in the order given.
 */
export async function setSelectionExcluded(req: AuthenticatedMedusaRequest<MetaCatalogItemsBulkBody>, excluded: boolean): Promise<string[]> {
  const { ids, byProduct } = await selectedVariants(req)
  for (const [product_id, variant_ids] of byProduct) {
    await setMetaCatalogExclusionWorkflow(req.scope).run({ input: { product_id, variant_ids, excluded } })
  }
  return ids
}

/** The selection's rows as the list shows them now, in the order they were selected. */
export async function selectionRows(req: AuthenticatedMedusaRequest, variantIds: string[]): Promise<MetaCatalogListItem[]> {
  const rows = await metaService(req.scope).listMetaCatalogItems({ variant_id: variantIds }, { take: null })
  const position = new Map(variantIds.map((id, i) => [id, i]))
  rows.sort((a, b) => (position.get(a.variant_id) ?? 0) - (position.get(b.variant_id) ?? 0))
  return withNames(req.scope, rows)
}
