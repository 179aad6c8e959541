import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import {
  EmptyBodySchema,
  PostMetaConnectionAssetsSchema,
  PostMetaConnectionFeaturesSchema,
  PostMetaConnectionSchema,
} from "./validators"

export const adminMetaConnectionRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/meta/connection",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostMetaConnectionSchema)],
  },
  {
    matcher: "/admin/meta/connection/assets",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostMetaConnectionAssetsSchema)],
  },
  {
    matcher: "/admin/meta/connection/features",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostMetaConnectionFeaturesSchema)],
  },
  {
    matcher: "/admin/meta/connection/health",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(EmptyBodySchema)],
  },
]
