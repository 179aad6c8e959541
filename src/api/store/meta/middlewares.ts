import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { EmptyQuerySchema, PostStoreMetaCartContextSchema, PostStoreMetaEventSchema } from "./validators"

export const storeMetaRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/meta/pixel",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(EmptyQuerySchema, {})],
  },
  {
    matcher: "/store/meta/cart-context",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostStoreMetaCartContextSchema)],
  },
  {
    matcher: "/store/meta/events",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostStoreMetaEventSchema)],
  },
]
