import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetMetaSetupSchema, PostMetaPageSubscriptionSchema } from "./validators"

export const adminMetaSetupRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/meta/setup", methods: ["GET"], middlewares: [validateAndTransformQuery(GetMetaSetupSchema, {})] },
  {
    matcher: "/admin/meta/setup/page-subscription",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostMetaPageSubscriptionSchema)],
  },
]
