import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { EmptyBodySchema, GetMetaCampaignsSchema, PostMetaAdBudgetSchema, PostMetaAdSetDuplicateSchema, PostMetaAdStatusSchema, PostMetaBoostSchema, PostMetaCatalogSalesSchema } from "./validators"

export const adminMetaAdsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/meta/campaigns", methods: ["GET"], middlewares: [validateAndTransformQuery(GetMetaCampaignsSchema, {})] },
  { matcher: "/admin/meta/campaigns/sync", methods: ["POST"], middlewares: [validateAndTransformBody(EmptyBodySchema)] },
  { matcher: "/admin/meta/campaigns/:id/status", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaAdStatusSchema)] },
  { matcher: "/admin/meta/campaigns/:id/budget", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaAdBudgetSchema)] },
  { matcher: "/admin/meta/ad-sets/:id/status", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaAdStatusSchema)] },
  { matcher: "/admin/meta/ad-sets/:id/budget", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaAdBudgetSchema)] },
  { matcher: "/admin/meta/ad-sets/:id/duplicate", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaAdSetDuplicateSchema)] },
  { matcher: "/admin/meta/ads/:id/status", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaAdStatusSchema)] },
  { matcher: "/admin/meta/campaigns/boost", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaBoostSchema)] },
  { matcher: "/admin/meta/campaigns/catalog-sales", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaCatalogSalesSchema)] },
]
