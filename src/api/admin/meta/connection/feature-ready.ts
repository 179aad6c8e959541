import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { featureReadiness, type FeatureReadiness } from "../../../../lib/connection/feature-readiness"
import type { FeatureName } from "../../../../lib/connection/features"
import type { MetaFeatureNotReadyResponse } from "../../../../types/http/connection"
import { readConnectionView } from "./helpers"

/** The feature's readiness for the store's connection now, as the admin's notice computes it. */
export async function readFeatureReadiness(scope: MedusaContainer, feature: FeatureName): Promise<FeatureReadiness> {
  return featureReadiness(await readConnectionView(scope), feature)
}

/**
 * For a route that would send to Meta (sync, replay, …): when the feature is not ready it answers 409 with
 * what is wrong and the next step, and returns true, so the route does not answer "sent" while nothing is.
 */
export async function refuseUnlessFeatureReady(
  scope: MedusaContainer,
  res: MedusaResponse<MetaFeatureNotReadyResponse>,
  feature: FeatureName
): Promise<boolean> {
  const readiness = await readFeatureReadiness(scope, feature)
  if (readiness.state === "ready") return false
  res.status(409).json({
    type: "feature_not_ready",
    state: readiness.state,
    message: `${readiness.title}: ${readiness.message}`,
  })
  return true
}
