import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { PostMetaSafetyNetSchema } from "./validators"

export const adminMetaSafetyNetRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/meta/rules/safety-net", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaSafetyNetSchema)] },
]
