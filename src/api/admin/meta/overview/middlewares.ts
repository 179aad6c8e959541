import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetMetaAppReviewSchema, GetMetaOverviewSchema, GetMetaRoiReportSchema, PostMetaAlertSettingsSchema } from "./validators"

/** The overview, the ROI report, the alert settings and the App Review kit. */
export const adminMetaOverviewRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/meta/overview", methods: ["GET"], middlewares: [validateAndTransformQuery(GetMetaOverviewSchema, {})] },
  { matcher: "/admin/meta/reports/roi", methods: ["GET"], middlewares: [validateAndTransformQuery(GetMetaRoiReportSchema, {})] },
  { matcher: "/admin/meta/alerts/settings", methods: ["POST"], middlewares: [validateAndTransformBody(PostMetaAlertSettingsSchema)] },
  { matcher: "/admin/meta/app-review", methods: ["GET"], middlewares: [validateAndTransformQuery(GetMetaAppReviewSchema, {})] },
]
