import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { retailerIdOf } from "../../../lib/catalog"
import type { ParsedCheckout } from "../../../lib/meta-checkout"
import { resolveCatalogContext } from "../../../catalog-sync/catalog-context"

export type CheckoutCartInput = {
  region_id: string
  sales_channel_id?: string
  country_code: string | null
  items: { variant_id: string; quantity: number }[]
  promo_codes: string[]
  metadata: Record<string, unknown>
}

type Row = Record<string, any>

/**
 * Meta's content ids → Medusa variants (retailer id = SKU, else variant id, as the catalog sends them),
 * the region and sales channel of the catalog, and the coupon when it is an active promotion code.
 * An id that is not a sellable catalog item is a 400 naming the field. Reads only: nothing to undo.
 */
export const resolveCheckoutCartStep = createStep("resolve-meta-checkout-cart", async (input: ParsedCheckout, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const context = await resolveCatalogContext(container)
  const ids = input.lines.map((l) => l.retailerId)
  const fields = ["id", "sku", "product.status", "product.sales_channels.id"]
  const [bySku, byId] = await Promise.all([
    query.graph({ entity: "product_variant", fields, filters: { sku: ids } }),
    query.graph({ entity: "product_variant", fields, filters: { id: ids } }),
  ])
  const variants = new Map<string, Row>()
  for (const variant of [...bySku.data, ...byId.data] as Row[]) {
    const sellable =
      variant.product?.status === "published" &&
      (!context.salesChannelId || (variant.product?.sales_channels ?? []).some((c: Row) => c.id === context.salesChannelId))
    if (sellable) variants.set(retailerIdOf(variant as { id: string; sku?: string | null }), variant)
  }
  const unknown = ids.filter((id) => !variants.has(id))
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `products: unknown item id(s) ${unknown.map((id) => `"${id}"`).join(", ")}`)
  }

  const regionId = context.service.getOptions().catalog.checkoutRegionId
  const { data: stores } = await query.graph({ entity: "store", fields: ["default_region_id"] })
  const wanted = regionId ?? (stores[0] as Row | undefined)?.default_region_id
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "currency_code", "countries.iso_2"],
    ...(wanted ? { filters: { id: wanted } } : {}),
  })
  // No default region: one in the catalog's currency, so the cart shows the prices Meta showed.
  const region = (regions as Row[]).find((r) => !!wanted || r.currency_code === context.settings.currencyCode) ?? (regions as Row[])[0]
  if (!region) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Meta checkout is not set up: the store has no region (option catalog.checkoutRegionId)")

  const promoCodes: string[] = []
  if (input.coupon) {
    const promotions = await container.resolve(Modules.PROMOTION).listPromotions({ code: input.coupon }, { select: ["id", "code", "status"], take: 1 })
    if (promotions.some((p: Row) => p.status === "active")) promoCodes.push(promotions[0].code as string)
  }
  const result: CheckoutCartInput = {
    region_id: region.id,
    ...(context.salesChannelId ? { sales_channel_id: context.salesChannelId } : {}),
    country_code: region.countries?.[0]?.iso_2 ?? null,
    items: input.lines.map((l) => ({ variant_id: variants.get(l.retailerId)!.id, quantity: l.quantity })),
    promo_codes: promoCodes,
    metadata: { meta_checkout: { cart_origin: input.cartOrigin ?? null, coupon: input.coupon ?? null } },
  }
  return new StepResponse(result)
})
