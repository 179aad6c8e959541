import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetMetaEventsMatchQualitySchema, GetMetaEventsSchema, PostMetaEventReplaySchema, PostMetaEventSettingsSchema } from "./validators"

export const adminMetaEventsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/meta/events",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(GetMetaEventsSchema, {})],
  },
  {
    matcher: "/admin/meta/events/match-quality",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(GetMetaEventsMatchQualitySchema, {})],
  },
  {
    matcher: "/admin/meta/events/:id/replay",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostMetaEventReplaySchema)],
  },
  {
    matcher: "/admin/meta/events/settings",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PostMetaEventSettingsSchema)],
  },
]
