import { defineMiddlewares } from "@medusajs/framework/http"
import { adminMetaConnectionRoutesMiddlewares } from "./admin/meta/connection/middlewares"
import { adminMetaOAuthRoutesMiddlewares } from "./admin/meta/oauth/middlewares"
import { metaOAuthCallbackRoutesMiddlewares } from "./meta/oauth/callback/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminMetaOAuthRoutesMiddlewares,
    ...adminMetaConnectionRoutesMiddlewares,
    ...metaOAuthCallbackRoutesMiddlewares,
  ],
})
