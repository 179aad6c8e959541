import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetMetaCheckoutSchema } from "./validators"

/**
 * Outside /store on purpose: Meta opens this URL in the shopper's browser and cannot add Medusa's
 * x-publishable-api-key header, so the sales channel comes from the plugin options instead.
 */
export const metaCheckoutRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/meta/checkout", methods: ["GET"], middlewares: [validateAndTransformQuery(GetMetaCheckoutSchema, {})] },
]
