import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetMetaOAuthCallbackSchema } from "./validators"

export const metaOAuthCallbackRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/meta/oauth/callback",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(GetMetaOAuthCallbackSchema, {})],
  },
]
