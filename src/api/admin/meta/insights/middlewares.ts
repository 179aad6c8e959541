import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetMetaAccountInsightsSchema, GetMetaBestTimesSchema, PostMetaInsightsRefreshSchema } from "./validators"

export const adminMetaInsightsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/meta/insights/accounts/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(GetMetaAccountInsightsSchema, {})] },
  { matcher: "/admin/meta/insights/best-times", methods: ["GET"], middlewares: [validateAndTransformQuery(GetMetaBestTimesSchema, {})] },
  { matcher: "/admin/meta/insights/refresh", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaInsightsRefreshSchema)] },
]
