import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { FEATURE_NAMES, type FeatureName } from "../../../lib/connection"
import { GraphError } from "../../../lib/graph"
import { missingPermissionsByFeature } from "../../../lib/oauth"
import { type GraphRead, setupHealthChecks, setupIsHealthy } from "../../../lib/setup"
import { metaService } from "../../../modules/meta/resolve-meta-service"
import type MetaModuleService from "../../../modules/meta/service"
import type { MetaHealth } from "../../../types/http/connection"

export type CheckMetaSetupInput = {
  health: Omit<MetaHealth, "checks">
  /** Whether Meta answered debug_token. */
  reachable: boolean
  connection_id: string
}

/** Graph writes datetimes as "2026-12-04T18:51:00+0000"; Date wants the offset with a colon. */
function graphDate(value: unknown): Date | null {
  if (typeof value !== "string" || !value) return null
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * What a failed read means for the merchant: 100/33 is "does not exist, or cannot be loaded due to missing
 * permissions" (https://developers.facebook.com/docs/graph-api/guides/error-handling); throttling and
 * outages are "try again"; anything else is a refusal.
 */
async function readFromMeta<T>(
  service: MetaModuleService,
  connectionId: string,
  read: () => Promise<T>
): Promise<GraphRead<T>> {
  try {
    return { state: "ok", ...(await read()) }
  } catch (error) {
    await service.recordGraphFailure(connectionId, error)
    const message = error instanceof GraphError ? error.userMessage || error.message : String(error)
    if (error instanceof GraphError && (error.category === "transient" || error.category === "throttled")) {
      return { state: "unreachable", error: message }
    }
    if (error instanceof GraphError && error.code === 100 && error.subcode === 33) {
      return { state: "missing", error: message }
    }
    return { state: "refused", error: message }
  }
}

/**
 * The rest of the health check, after the token's: the chosen assets per feature, whether Meta can open
 * the catalog (GET /{catalog-id}, https://developers.facebook.com/docs/marketing-api/reference/product-catalog/),
 * when the pixel last received an event (`last_fired_time`, https://developers.facebook.com/docs/marketing-api/reference/ads-pixel/,
 * or the store's own newest sent Conversions API event), whether Meta verified the webhooks URL, and whether the
 * Page sends its webhooks to the app (GET /{page-id}/subscribed_apps, https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps/).
 * Reads only: nothing at Meta changes.
 */
export const checkMetaSetupStep = createStep("check-meta-setup", async (input: CheckMetaSetupInput, { container }) => {
  const service = metaService(container)
  const options = service.getOptions()
  const [connection] = await service.listMetaConnections({ id: input.connection_id })
  const flags = service.featureFlags(connection)
  const assets = await service.listMetaAssets({ connection_id: input.connection_id }, { take: null })
  const graph = service.getGraphClient()
  // Null while the connection needs attention: the reads below would only fail the same way.
  const live = input.reachable && input.health.token_valid ? await service.getConnectionToken() : null
  const enabled = FEATURE_NAMES.filter((f) => flags[f].enabled)
  const missing = missingPermissionsByFeature(connection.granted_scopes ?? [], enabled)

  const catalogId = connection.catalog_id
  const pixelId = connection.pixel_id
  const pageId = connection.page_id

  const [catalog, pixel, pageSubscription, lastSent, verifiedAt] = await Promise.all([
    live && flags.catalog.enabled && catalogId
      ? readFromMeta(service, live.connectionId, async () => {
          const read = await graph.get<{ name?: string; product_count?: number }>(catalogId, {
            token: live.token,
            params: { fields: "id,name,product_count" },
          })
          return { name: read.name ?? catalogId, productCount: typeof read.product_count === "number" ? read.product_count : null }
        })
      : null,
    live && flags.capi.enabled && pixelId
      ? readFromMeta(service, live.connectionId, async () => {
          const read = await graph.get<{ last_fired_time?: string }>(pixelId, {
            token: live.token,
            params: { fields: "id,name,last_fired_time" },
          })
          return { lastFiredAt: graphDate(read.last_fired_time) }
        })
      : null,
    live && flags.webhooks.enabled && pageId
      ? readFromMeta(service, live.connectionId, async () => {
          // The edge answers only to the Page's own token.
          const pageToken = (await service.getPageTokens([pageId])).get(pageId)
          if (!pageToken) {
            throw new GraphError({ message: "Meta gave no access token for the Page", category: "permission" })
          }
          const read = await graph.get<{ data?: { id?: string }[] }>(`${pageId}/subscribed_apps`, { token: pageToken })
          return { subscribed: (read.data ?? []).some((app) => app.id === options.appId) }
        })
      : null,
    flags.capi.enabled && pixelId
      ? service.listMetaCapiEvents({ pixel_id: pixelId, status: "sent" }, { take: 1, order: { sent_at: "DESC" }, select: ["sent_at"] })
      : [],
    service.webhookVerifiedAt(),
  ])

  const checks = setupHealthChecks({
    now: new Date(input.health.checked_at),
    token: {
      reachable: input.reachable,
      valid: input.health.token_valid,
      error: input.health.error,
      expiresAt: input.health.expires_at ? new Date(input.health.expires_at) : null,
    },
    features: Object.fromEntries(
      FEATURE_NAMES.map((f) => [f, { enabled: flags[f].enabled, missingPermissions: missing[f] }])
    ) as Record<FeatureName, { enabled: boolean; missingPermissions: string[] }>,
    selected: {
      page_id: connection.page_id,
      instagram_account_id: connection.instagram_account_id,
      ad_account_id: connection.ad_account_id,
      pixel_id: connection.pixel_id,
      catalog_id: connection.catalog_id,
    },
    assetNames: Object.fromEntries(assets.map((a) => [a.meta_id, a.name])),
    catalog,
    pixel,
    lastSentEventAt: lastSent[0]?.sent_at ? new Date(lastSent[0].sent_at) : null,
    webhook: { verifyTokenConfigured: Boolean(options.webhookVerifyToken), verifiedAt },
    pageSubscription,
  })
  const failed = checks.find((check) => check.status === "failed")
  const health: MetaHealth = {
    ...input.health,
    ok: input.health.ok && setupIsHealthy(checks),
    error: input.health.error ?? failed?.message ?? null,
    checks,
  }
  return new StepResponse({ health, connection_id: input.connection_id })
})
