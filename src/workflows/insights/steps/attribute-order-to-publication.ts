import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { minorToDecimalString, toMinorUnits, type AmountLike } from "../../../lib/capi"
import { publicationIdFromLanding } from "../../../lib/publishing/publication-link"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"
import { metaService } from "../../../modules/meta/resolve-meta-service"

export type OrderAttribution = { attributed: false; reason: string } | { attributed: true; publication_id: string }

type OrderRow = { id: string; currency_code: string; total: AmountLike; created_at: Date | string; cart?: { id: string } | null }

/**
 * An order placed from a cart whose shopper landed from one of our publications (the cart context's
 * landing URL carries the publication's utm_content) is credited to that publication, once per order.
 */
export const attributeOrderToPublicationStep = createStep(
  "attribute-order-to-meta-publication",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    // The order's cart first: most orders come from no publication, and computing an order's total
    // (items, shipping, adjustments, taxes) is the expensive read — only a credited order needs it.
    const { data: carts } = await query.graph({ entity: "order", fields: ["id", "cart.id"], filters: { id: input.order_id } })
    const cartId = (carts[0] as { cart?: { id: string } | null } | undefined)?.cart?.id
    if (!carts[0]) return new StepResponse<OrderAttribution, string | null>({ attributed: false, reason: "order not found" }, null)
    const [context] = cartId ? await metaService(container).listMetaCartContexts({ cart_id: cartId }, { take: 1 }) : []
    const publicationId = context?.consent ? publicationIdFromLanding(context.landing_url) : null
    if (!publicationId) {
      return new StepResponse<OrderAttribution, string | null>({ attributed: false, reason: "the shopper did not come from a publication" }, null)
    }
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "currency_code", "total", "created_at", "cart.id"],
      filters: { id: input.order_id },
    })
    const order = data[0] as OrderRow | undefined
    if (!order) return new StepResponse<OrderAttribution, string | null>({ attributed: false, reason: "order not found" }, null)
    const minor = toMinorUnits(order.total, order.currency_code)
    if (minor === null) return new StepResponse<OrderAttribution, string | null>({ attributed: false, reason: "the order has no readable total" }, null)
    const publishing = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const created = await publishing.attributeOrder({
      order_id: order.id,
      cart_id: order.cart?.id ?? null,
      publication_id: publicationId,
      currency_code: order.currency_code,
      total: minorToDecimalString(minor, order.currency_code),
      placed_at: new Date(order.created_at),
    })
    if (!created) return new StepResponse<OrderAttribution, string | null>({ attributed: false, reason: "already attributed, or the publication no longer exists" }, null)
    return new StepResponse<OrderAttribution, string | null>({ attributed: true, publication_id: publicationId }, order.id)
  },
  async (orderId, { container }) => {
    if (!orderId) return
    const publishing = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const rows = await publishing.listMetaPublicationAttributions({ order_id: orderId }, { select: ["id"] })
    if (rows.length) await publishing.deleteMetaPublicationAttributions(rows.map((r) => r.id))
  }
)
