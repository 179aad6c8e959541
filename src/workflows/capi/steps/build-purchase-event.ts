import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { buildPurchaseEvent, type OrderLike, type ServerEvent } from "../../../lib/capi"
import { metaService } from "../../../modules/meta/resolve-meta-service"
import { resolveCapiTarget } from "../resolve-capi-target"
import { browserContextOf } from "../browser-context"

export type BuiltCapiEvents =
  | { skipped: string }
  | { skipped?: undefined; pixel_id: string; test_event_code: string | null; subject_id: string; events: ServerEvent[] }

const ORDER_FIELDS = [
  "id",
  "created_at",
  "currency_code",
  "total",
  "email",
  "customer_id",
  "shipping_address.*",
  "billing_address.*",
  "items.quantity",
  "items.unit_price",
  "items.variant_id",
  "items.variant_sku",
  "cart.id",
]

/** Reads the order and the browser context of its cart, and builds the Purchase (or says why not). */
export const buildPurchaseEventStep = createStep(
  "build-meta-purchase-event",
  async (input: { order_id: string }, { container }) => {
    const target = await resolveCapiTarget(container)
    if (!target) return new StepResponse<BuiltCapiEvents>({ skipped: "no pixel selected or Conversions API disabled" })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: input.order_id } })
    const order = data[0] as (OrderLike & { cart?: { id: string } | null }) | undefined
    if (!order) return new StepResponse<BuiltCapiEvents>({ skipped: `order ${input.order_id} not found` })
    const context = order.cart?.id
      ? (await metaService(container).listMetaCartContexts({ cart_id: order.cart.id }, { take: 1 }))[0]
      : undefined
    if (context && !context.consent) return new StepResponse<BuiltCapiEvents>({ skipped: "the shopper did not consent" })
    return new StepResponse<BuiltCapiEvents>({
      pixel_id: target.pixelId,
      test_event_code: target.testEventCode,
      subject_id: order.id,
      events: [buildPurchaseEvent(order, browserContextOf(context))],
    })
  }
)
