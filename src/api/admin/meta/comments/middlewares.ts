import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { PostMetaCommentHideSchema, PostMetaCommentReplySchema } from "./validators"

export const adminMetaCommentsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/meta/comments/:id/reply", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaCommentReplySchema)] },
  { matcher: "/admin/meta/comments/:id/hide", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaCommentHideSchema)] },
]
