import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { adminProductSetLinkMiddlewares } from "./product-set-link-middlewares"
import {
  EmptyCatalogBodySchema,
  GetMetaCatalogItemsSchema,
  PostMetaCatalogItemsBulkSchema,
  PostMetaCatalogProductExclusionSchema,
} from "./validators"

export const adminMetaCatalogRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/meta/catalog/sync", methods: ["POST"], middlewares: [validateAndTransformBody(EmptyCatalogBodySchema)] },
  { matcher: "/admin/meta/catalog/items", methods: ["GET"], middlewares: [validateAndTransformQuery(GetMetaCatalogItemsSchema, {})] },
  ...["exclude", "include", "sync"].map((action) => ({
    matcher: `/admin/meta/catalog/items/${action}`,
    methods: ["POST" as const],
    middlewares: [validateAndTransformBody(PostMetaCatalogItemsBulkSchema)],
  })),
  {
    matcher: "/admin/meta/catalog/products/:id/exclude",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostMetaCatalogProductExclusionSchema)],
  },
  {
    matcher: "/admin/meta/catalog/products/:id/include",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostMetaCatalogProductExclusionSchema)],
  },
  { matcher: "/admin/meta/catalog/products/:id/sync", methods: ["POST"], middlewares: [validateAndTransformBody(EmptyCatalogBodySchema)] },
  ...adminProductSetLinkMiddlewares,
]
