import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { PostSignedRequestSchema } from "./validators"

export const metaDeauthorizeRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/meta/deauthorize",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostSignedRequestSchema)],
  },
  {
    matcher: "/meta/data-deletion",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostSignedRequestSchema)],
  },
]
