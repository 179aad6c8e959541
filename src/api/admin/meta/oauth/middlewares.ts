import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { EmptyBodySchema } from "../connection/validators"

export const adminMetaOAuthRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/meta/oauth/authorize",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(EmptyBodySchema)],
  },
]
