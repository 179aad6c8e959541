import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { ParsedCheckout } from "../../../lib/meta-checkout"
import { DEFAULT_CHECKOUT_PATH, storefrontCheckoutUrl } from "../../../lib/meta-checkout"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { createMetaCheckoutCartWorkflow } from "../../../workflows/meta-checkout"

/**
 * GET /meta/checkout?products=SKU-1:2,SKU-2:1&coupon=…&cart_origin=instagram — the "checkout URL" set in
 * Commerce Manager: creates the cart and redirects the shopper to the storefront's cart/checkout.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const options = req.scope.resolve<MetaModuleService>(META_MODULE).getOptions()
  if (!options.storefrontUrl) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Meta checkout is not set up: set the storefrontUrl option")
  }
  const { result } = await createMetaCheckoutCartWorkflow(req.scope).run({ input: req.validatedQuery as unknown as ParsedCheckout })
  res.redirect(303, storefrontCheckoutUrl(options.storefrontUrl, options.catalog.checkoutPath ?? DEFAULT_CHECKOUT_PATH, result))
}
