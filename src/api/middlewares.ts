import { defineMiddlewares } from "@medusajs/framework/http"
import { adminMetaConnectionRoutesMiddlewares } from "./admin/meta/connection/middlewares"
import { adminMetaSetupRoutesMiddlewares } from "./admin/meta/setup/middlewares"
import { adminMetaCatalogRoutesMiddlewares } from "./admin/meta/catalog/middlewares"
import { adminMetaOAuthRoutesMiddlewares } from "./admin/meta/oauth/middlewares"
import { metaOAuthCallbackRoutesMiddlewares } from "./meta/oauth/callback/middlewares"
import { adminMetaWebhooksRoutesMiddlewares } from "./admin/meta/webhooks/middlewares"
import { metaDeauthorizeRoutesMiddlewares } from "./meta/deauthorize/middlewares"
import { metaWebhooksRoutesMiddlewares } from "./meta/webhooks/middlewares"
import { adminMetaEventsRoutesMiddlewares } from "./admin/meta/events/middlewares"
import { storeMetaRoutesMiddlewares } from "./store/meta/middlewares"
import { metaCheckoutRoutesMiddlewares } from "./meta/checkout/middlewares"
import { adminMetaPublicationsRoutesMiddlewares } from "./admin/meta/publications/middlewares"
import { adminMetaPublishingRoutesMiddlewares } from "./admin/meta/publishing/middlewares"
import { adminMetaCommentsRoutesMiddlewares } from "./admin/meta/comments/middlewares"
import { adminMetaInsightsRoutesMiddlewares } from "./admin/meta/insights/middlewares"
import { adminMetaAdsRoutesMiddlewares } from "./admin/meta/campaigns/middlewares"
import { adminMetaAdRulesRoutesMiddlewares } from "./admin/meta/rules/middlewares"
import { adminMetaSafetyNetRoutesMiddlewares } from "./admin/meta/rules/safety-net/middlewares"
import { adminMetaOverviewRoutesMiddlewares } from "./admin/meta/overview/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminMetaOAuthRoutesMiddlewares,
    ...adminMetaConnectionRoutesMiddlewares,
    ...adminMetaSetupRoutesMiddlewares,
    ...adminMetaCatalogRoutesMiddlewares,
    ...metaOAuthCallbackRoutesMiddlewares,
    ...adminMetaWebhooksRoutesMiddlewares,
    ...metaWebhooksRoutesMiddlewares,
    ...metaDeauthorizeRoutesMiddlewares,
    ...adminMetaEventsRoutesMiddlewares,
    ...storeMetaRoutesMiddlewares,
    ...metaCheckoutRoutesMiddlewares,
    ...adminMetaPublicationsRoutesMiddlewares,
    ...adminMetaPublishingRoutesMiddlewares,
    ...adminMetaCommentsRoutesMiddlewares,
    ...adminMetaInsightsRoutesMiddlewares,
    ...adminMetaAdsRoutesMiddlewares,
    ...adminMetaAdRulesRoutesMiddlewares,
    ...adminMetaSafetyNetRoutesMiddlewares,
    ...adminMetaOverviewRoutesMiddlewares,
  ],
})
