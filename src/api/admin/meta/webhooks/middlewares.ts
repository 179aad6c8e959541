import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  EmptyBodySchema,
  GetMetaCommentsSchema,
  GetMetaLeadsSchema,
  GetMetaWebhookEventsSchema,
  PostMetaCommentsReadSchema,
} from "./validators"

export const adminMetaWebhooksRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/meta/webhooks",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(GetMetaWebhookEventsSchema, {})],
  },
  {
    matcher: "/admin/meta/webhooks/:id/retry",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(EmptyBodySchema)],
  },
  {
    matcher: "/admin/meta/leads",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(GetMetaLeadsSchema, {})],
  },
  {
    matcher: "/admin/meta/comments",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(GetMetaCommentsSchema, {})],
  },
  {
    matcher: "/admin/meta/comments/read",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostMetaCommentsReadSchema)],
  },
]
