import { MiddlewareRoute, validateAndTransformQuery, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { redactOAuthCallbackUrl } from "../../../../lib/oauth"
import { GetMetaOAuthCallbackSchema } from "./validators"

/**
 * Medusa's request log (morgan) writes `req.originalUrl` when the response ends; Meta's redirect carries
 * the one-time code and our signed state in it. The route reads them from the parsed query, so the URL
 * kept for the log can go without them.
 */
function redactCallbackUrlInRequestLog(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  req.originalUrl = redactOAuthCallbackUrl(req.originalUrl)
  next()
}

export const metaOAuthCallbackRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/meta/oauth/callback",
    methods: ["GET"],
    middlewares: [redactCallbackUrlInRequestLog, validateAndTransformQuery(GetMetaOAuthCallbackSchema, {})],
  },
]
