import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import type { ParsedCheckout } from "../../../lib/meta-checkout"
import { resolveCheckoutCartStep } from "../steps/resolve-checkout-cart"

/** Meta Shops checkout URL → a Medusa cart with those variants (and the coupon when it is valid). */
export const createMetaCheckoutCartWorkflow = createWorkflow("create-meta-checkout-cart", (input: ParsedCheckout) => {
  const resolved = resolveCheckoutCartStep(input)
  const cartInput = transform({ resolved }, ({ resolved }) => ({
    region_id: resolved.region_id,
    sales_channel_id: resolved.sales_channel_id,
    items: resolved.items,
    promo_codes: resolved.promo_codes,
    metadata: resolved.metadata,
  }))
  const cart = createCartWorkflow.runAsStep({ input: cartInput })
  const result = transform({ cart, resolved }, ({ cart, resolved }) => ({
    cart_id: cart.id,
    country_code: resolved.country_code,
    promo_codes: resolved.promo_codes,
  }))
  return new WorkflowResponse(result)
})
