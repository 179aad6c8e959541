import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { EmptyBodySchema, GetMetaPublicationsSchema, PostMetaPublicationSchema, PostMetaPublicationUpdateSchema } from "./validators"

export const adminMetaPublicationsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/meta/publications", methods: ["GET"], middlewares: [validateAndTransformQuery(GetMetaPublicationsSchema, {})] },
  { matcher: "/admin/meta/publications", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaPublicationSchema)] },
  { matcher: "/admin/meta/publications/validate", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaPublicationSchema)] },
  { matcher: "/admin/meta/publications/:id", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaPublicationUpdateSchema)] },
  { matcher: "/admin/meta/publications/:id/publish", methods: ["POST"], middlewares: [validateAndTransformBody(EmptyBodySchema)] },
  { matcher: "/admin/meta/publications/:id/cancel", methods: ["POST"], middlewares: [validateAndTransformBody(EmptyBodySchema)] },
]
