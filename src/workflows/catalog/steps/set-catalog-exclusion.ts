import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { metaService } from "../../../modules/meta/resolve-meta-service"

type Input = { product_id: string; variant_ids?: string[]; excluded: boolean }
type Previous = { product_id: string; states: { variant_id: string; excluded: boolean }[] }

/** Includes or excludes a product's variants (all, or the ones given); excluded items are deleted from Meta. */
export const setCatalogExclusionStep = createStep(
  "set-meta-catalog-exclusion",
  async (input: Input, { container }) => {
    const service = metaService(container)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { product_id: input.product_id } })
    const all = (data as { id: string }[]).map((v) => v.id)
    const ids = input.variant_ids?.length ? all.filter((id) => input.variant_ids!.includes(id)) : all
    const before = await service.listMetaCatalogItems({ variant_id: ids }, { take: null })
    const previous: Previous = {
      product_id: input.product_id,
      states: ids.map((id) => ({ variant_id: id, excluded: before.find((b: any) => b.variant_id === id)?.excluded ?? false })),
    }
    await service.setCatalogItemsExcluded(input.product_id, ids, input.excluded)
    return new StepResponse({ variant_ids: ids }, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const service = metaService(container)
    for (const excluded of [true, false]) {
      const ids = previous.states.filter((s) => s.excluded === excluded).map((s) => s.variant_id)
      if (ids.length) await service.setCatalogItemsExcluded(previous.product_id, ids, excluded)
    }
  }
)
