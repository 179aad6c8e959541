import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { resolveFbc } from "../../../../lib/capi"
import type { StoreMetaCartContextResponse } from "../../../../types/http/store"
import { saveMetaCartContextWorkflow } from "../../../../workflows/capi"
import { clientOf } from "../request-context"
import type { PostStoreMetaCartContextType } from "../validators"

/**
 * The storefront hands over the shopper's browser context for a cart (call it when checkout starts and
 * whenever consent changes). The order placed from the cart carries it into its Purchase event.
 */
export const POST = async (
  req: MedusaRequest<PostStoreMetaCartContextType>,
  res: MedusaResponse<StoreMetaCartContextResponse>
) => {
  const body = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id"], filters: { id: body.cart_id } })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${body.cart_id} was not found`)
  const { ip, userAgent } = clientOf(req)
  // Without consent nothing about the shopper is kept, only the refusal.
  const browser = body.consent
    ? {
        fbp: body.fbp ?? undefined,
        fbc: resolveFbc({ fbc: body.fbc, fbclid: body.fbclid, clickTimeMs: body.fbclid_at ?? Date.now() }) ?? undefined,
        client_ip_address: ip,
        client_user_agent: userAgent,
        event_source_url: body.event_source_url,
        landing_url: body.landing_url,
      }
    : { fbp: null, fbc: null, client_ip_address: null, client_user_agent: null, event_source_url: null, landing_url: null }
  await saveMetaCartContextWorkflow(req.scope).run({ input: { cart_id: body.cart_id, consent: body.consent, ...browser } })
  res.json({ cart_context: { cart_id: body.cart_id, consent: body.consent } })
}
