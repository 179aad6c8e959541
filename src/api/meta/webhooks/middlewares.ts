import type { MiddlewareRoute } from "@medusajs/framework/http"

export const metaWebhooksRoutesMiddlewares: MiddlewareRoute[] = [
  {
    // Body parsers off: the signature must be checked over the raw bytes before any parsing, and a
    // forged request must get 401 even when its body is not JSON.
    matcher: "/meta/webhooks",
    methods: ["POST"],
    bodyParser: false,
  },
]
