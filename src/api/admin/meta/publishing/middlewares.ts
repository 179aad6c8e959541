import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { PostMetaPublishingAccountSchema } from "./validators"

export const adminMetaPublishingRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/meta/publishing/accounts/:id",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostMetaPublishingAccountSchema)],
  },
]
