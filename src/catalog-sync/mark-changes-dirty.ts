import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { metaService } from "../modules/meta/resolve-meta-service"

export type CatalogChange =
  | { kind: "products"; ids: string[] }
  | { kind: "variants"; ids: string[] }
  | { kind: "inventory_levels"; ids: string[] }
  | { kind: "inventory_items"; ids: string[] }
  | { kind: "reservations"; ids: string[] }
  | { kind: "product_options"; ids: string[] }
  | { kind: "product_option_values"; ids: string[] }

/** Translates a Medusa event's ids into the variants whose catalog item may have changed; marks them dirty. */
export async function markChangesDirty(container: MedusaContainer, change: CatalogChange): Promise<number> {
  const service = metaService(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = change.ids.filter(Boolean)
  if (!ids.length) return 0
  switch (change.kind) {
    case "products": {
      await service.markCatalogProductsDirty(ids)
      return service.markCatalogItemsDirty(await variantsOfProducts(container, ids))
    }
    case "variants": {
      const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: ids }, withDeleted: true } as any)
      const known = new Map((data as any[]).map((v) => [v.id, v.product_id]))
      return service.markCatalogItemsDirty(ids.map((id) => ({ variant_id: id, product_id: known.get(id) ?? null })))
    }
    case "inventory_levels": {
      const { data } = await query.graph({ entity: "inventory_level", fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true } as any)
      return markChangesDirty(container, { kind: "inventory_items", ids: (data as any[]).map((l) => l.inventory_item_id) })
    }
    case "inventory_items": {
      const { data } = await query.graph({
        entity: "product_variant_inventory_item",
        fields: ["variant_id", "variant.product_id"],
        filters: { inventory_item_id: ids },
      })
      return service.markCatalogItemsDirty((data as any[]).map((l) => ({ variant_id: l.variant_id, product_id: l.variant?.product_id ?? null })))
    }
    case "reservations": {
      // Reserved stock is not for sale: a reservation made, changed or let go moves its item's quantity.
      // A deleted reservation is soft-deleted, so its inventory item is still known.
      const { data } = await query.graph({ entity: "reservation", fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true } as any)
      return markChangesDirty(container, { kind: "inventory_items", ids: [...new Set((data as any[]).map((r) => r.inventory_item_id))] })
    }
    case "product_options": {
      // An option may be shared: its title and values feed every linked product's variants (color, size,
      // which options tell siblings apart in the title).
      const { data } = await query.graph({ entity: "product_option", fields: ["products.id"], filters: { id: ids } })
      const productIds = new Set((data as any[]).flatMap((o) => (o.products ?? []).map((p: { id: string }) => p.id)))
      return markChangesDirty(container, { kind: "products", ids: [...productIds] })
    }
    case "product_option_values": {
      const { data } = await query.graph({ entity: "product_option_value", fields: ["option_id"], filters: { id: ids }, withDeleted: true } as any)
      return markChangesDirty(container, { kind: "product_options", ids: [...new Set((data as any[]).map((v) => v.option_id))] })
    }
  }
}

/** Variant ids (with their product) of products. */
async function variantsOfProducts(
  container: MedusaContainer,
  productIds: string[]
): Promise<{ variant_id: string; product_id: string }[]> {
  if (!productIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { product_id: productIds } })
  return (data as { id: string; product_id: string }[]).map((v) => ({ variant_id: v.id, product_id: v.product_id }))
}
