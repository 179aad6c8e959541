import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  EmptyBodySchema,
  GetMetaRuleDecisionsSchema,
  PostMetaAdRulePreviewSchema,
  PostMetaAdRuleSchema,
  PostMetaAdRuleUpdateSchema,
  PostMetaRulesPauseAllSchema,
} from "./validators"

export const adminMetaAdRulesRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/meta/rules", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaAdRuleSchema)] },
  { matcher: "/admin/meta/rules/pause-all", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaRulesPauseAllSchema)] },
  // Static paths beside /rules/:id: Medusa sorts static matchers (and their routes) before parametric ones.
  { matcher: "/admin/meta/rules/preview", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaAdRulePreviewSchema)] },
  { matcher: "/admin/meta/rules/:id", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaAdRuleUpdateSchema)] },
  { matcher: "/admin/meta/rules/:id/preview", methods: ["POST"], middlewares: [validateAndTransformBody(EmptyBodySchema)] },
  { matcher: "/admin/meta/rules/:id/evaluate", methods: ["POST"], middlewares: [validateAndTransformBody(EmptyBodySchema)] },
  { matcher: "/admin/meta/rule-decisions", methods: ["GET"], middlewares: [validateAndTransformQuery(GetMetaRuleDecisionsSchema, {})] },
]
