import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { FEATURE_NAMES } from "../../../../lib/connection/features"
import { GraphError } from "../../../../lib/graph"
import { buildAppReviewKit } from "../../../../lib/overview/app-review"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import type { MetaAppReviewResponse } from "../../../../types/http/overview"

/**
 * The selected business's verification status, read from Meta when the checklist opens (one call; Meta does
 * not notify a change): `verification_status` on the Business node.
 * https://developers.facebook.com/docs/marketing-api/reference/business/
 */
async function businessVerification(meta: MetaModuleService, businessId: string | null) {
  if (!businessId) return { status: null, business_id: null, error: "no business is selected in Settings → Meta" }
  const live = await meta.getConnectionToken()
  if (!live) return { status: null, business_id: businessId, error: "the connection needs attention" }
  try {
    const business = await meta.getGraphClient().get<{ verification_status?: string }>(businessId, { token: live.token, params: { fields: "verification_status" } })
    return { status: business.verification_status ?? null, business_id: businessId, error: business.verification_status ? null : "Meta did not say" }
  } catch (error) {
    await meta.recordGraphFailure(live.connectionId, error)
    return { status: null, business_id: businessId, error: error instanceof GraphError ? error.message : "Meta could not be reached" }
  }
}

/** GET /admin/meta/app-review: the App Review checklist for the permissions the enabled features request. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaAppReviewResponse>) => {
  const meta = req.scope.resolve<MetaModuleService>(META_MODULE)
  const options = meta.getOptions()
  const connection = await meta.retrieveLiveConnection()
  const flags = meta.featureFlags(connection)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: stores } = await query.graph({ entity: "store", fields: ["name"] })
  const kit = buildAppReviewKit({
    enabledFeatures: FEATURE_NAMES.filter((f) => flags[f].enabled),
    granted: (connection?.granted_scopes as string[] | null) ?? [],
    declined: (connection?.declined_scopes as string[] | null) ?? [],
    backendUrl: options.backendUrl,
    privacyPolicyUrl: options.privacyPolicyUrl ?? null,
    businessVerification: connection
      ? await businessVerification(meta, connection.business_id ?? null)
      : { status: null, business_id: null, error: "the store is not connected" },
    storeName: (stores[0] as { name?: string } | undefined)?.name || undefined,
  })
  res.json({ app_review: { ...kit, connected: !!connection } })
}
