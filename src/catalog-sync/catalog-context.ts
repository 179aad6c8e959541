import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CatalogSettings } from "../lib/catalog"
import { GraphError } from "../lib/graph"
import { metaService } from "../modules/meta/resolve-meta-service"
import type MetaModuleService from "../modules/meta/service"

export type CatalogContext = {
  service: MetaModuleService
  settings: Omit<CatalogSettings, "now">
  salesChannelId?: string
  /** Null when sync must wait: not connected, the connection needs attention, no catalog, or feature off. */
  target: { connectionId: string; token: string; catalogId: string } | null
  pausedReason?: string
}

/** Options, the store's defaults (currency, sales channel, name) and where to send. */
export async function resolveCatalogContext(container: MedusaContainer): Promise<CatalogContext> {
  const service = metaService(container)
  const options = service.getOptions()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: stores } = await query.graph({
    entity: "store",
    fields: ["name", "default_sales_channel_id", "supported_currencies.currency_code", "supported_currencies.is_default"],
  })
  const store = stores[0] as Record<string, any> | undefined
  const defaultCurrency =
    store?.supported_currencies?.find((c: Record<string, any>) => c.is_default)?.currency_code ??
    store?.supported_currencies?.[0]?.currency_code ??
    "usd"
  const settings: CatalogContext["settings"] = {
    currencyCode: options.catalog.currencyCode ?? defaultCurrency,
    storefrontUrl: options.storefrontUrl,
    productUrlTemplate: options.productUrlTemplate,
    storeName: store?.name,
    brand: options.catalog.brand,
    defaultCondition: options.catalog.defaultCondition,
    categoryMapping: options.catalog.categoryMapping,
  }
  const salesChannelId = options.catalog.salesChannelId ?? store?.default_sales_channel_id ?? undefined
  const connection = await service.retrieveLiveConnection()
  const base = { service, settings, salesChannelId }
  if (!connection) return { ...base, target: null, pausedReason: "Meta is not connected." }
  if (!service.featureFlags(connection).catalog.enabled) return { ...base, target: null, pausedReason: "Catalog sync is turned off." }
  if (!connection.catalog_id) return { ...base, target: null, pausedReason: "No Meta catalog is selected." }
  const token = await service.getConnectionToken()
  if (!token) {
    return { ...base, target: null, pausedReason: `The Meta connection needs attention (${connection.status}): ${connection.last_error ?? "reconnect"}.` }
  }
  return { ...base, target: { ...token, catalogId: connection.catalog_id } }
}

/**
 * Meta refused the connection's token (expired, revoked, session invalidated): the connection is marked,
 * so catalog work pauses and the admin asks for a reconnect, instead of retrying. True when the failure
 * was that; any other failure is the caller's to handle.
 */
export async function recordAuthFailure(service: MetaModuleService, connectionId: string, error: unknown): Promise<boolean> {
  if (!(error instanceof GraphError) || error.category !== "auth") return false
  await service.recordGraphFailure(connectionId, error)
  return true
}
