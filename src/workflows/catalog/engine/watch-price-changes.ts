import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { metaService } from "./catalog-context"

const CURSOR = "prices"

/**
 * Medusa 2.21 emits no event when a price or a price list changes (prices edited through price lists,
 * imports or the pricing module directly), and core-flows offers no workflow hook on the price-list
 * workflows. So the catalog worker reads every price and price list changed since a watermark (their
 * `updated_at`/`deleted_at`), maps them to variants through the variant ↔ price set link and marks those
 * dirty. Run every few seconds, this keeps price edits well within the one-minute promise.
 */
export async function watchPriceChanges(container: MedusaContainer): Promise<{ variants: number }> {
  const service = metaService(container)
  const pricing = container.resolve(Modules.PRICING)
  const [cursor] = await service.listMetaCatalogCursors({ name: CURSOR } as any, { take: 1 })
  const scanStart = new Date()
  if (!cursor) {
    // First run: a full sync sends everything anyway; from now on only changes matter.
    await service.createMetaCatalogCursors({ name: CURSOR, position: scanStart } as any)
    return { variants: 0 }
  }
  const since = new Date(cursor.position)
  const changed = { $gt: since }
  const [prices, deletedPrices, lists] = await Promise.all([
    pricing.listPrices({ updated_at: changed } as any, { select: ["id", "price_set_id", "updated_at"], take: null }),
    pricing.listPrices({ deleted_at: changed } as any, { select: ["id", "price_set_id", "deleted_at"], withDeleted: true, take: null }),
    pricing.listPriceLists({ updated_at: changed } as any, { select: ["id", "updated_at"], take: null }),
  ])
  const listPrices = lists.length
    ? await pricing.listPrices({ price_list_id: lists.map((l) => l.id) } as any, { select: ["id", "price_set_id"], take: null, withDeleted: true })
    : []
  const priceSetIds = [...new Set([...prices, ...deletedPrices, ...listPrices].map((p: any) => p.price_set_id).filter(Boolean))]
  let variants = 0
  if (priceSetIds.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant_price_set",
      fields: ["variant_id", "variant.product_id"],
      filters: { price_set_id: priceSetIds },
    })
    variants = await service
      .catalogItemStore()
      .markDirty((data as any[]).map((l) => ({ variant_id: l.variant_id, product_id: l.variant?.product_id ?? null })))
  }
  // The newest change seen (not "now"): a change committed while we read is picked up next time.
  const stamps = [...prices.map((p: any) => p.updated_at), ...deletedPrices.map((p: any) => p.deleted_at), ...lists.map((l: any) => l.updated_at)]
    .map((d) => new Date(d).getTime())
    .filter((t) => Number.isFinite(t))
  if (stamps.length) await service.updateMetaCatalogCursors({ id: cursor.id, position: new Date(Math.max(...stamps)) } as any)
  return { variants }
}
