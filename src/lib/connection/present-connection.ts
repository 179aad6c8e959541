import type { MetaAutoSetupState, MetaConnection } from "../../types/http/connection"
import { missingPermissionsByFeature } from "../oauth"
import { FEATURE_NAMES, FeatureFlag, FeatureName } from "./features"
import { ConnectionStatus, connectionStatus } from "./status"

export const ASSET_TYPES = [
  "business",
  "page",
  "instagram_account",
  "ad_account",
  "pixel",
  "catalog",
] as const
export type AssetType = (typeof ASSET_TYPES)[number]

type DateLike = Date | string | null | undefined

export type StoredAsset = {
  id: string
  type: AssetType
  meta_id: string
  name: string
  parent_meta_id?: string | null
  metadata?: Record<string, unknown> | null
  access_token?: string | null
}

export type StoredConnection = {
  id: string
  status: ConnectionStatus
  method: "oauth" | "system_user"
  meta_user_id?: string | null
  meta_user_name?: string | null
  token_type?: string | null
  access_token?: string | null
  token_expires_at?: DateLike
  data_access_expires_at?: DateLike
  granted_scopes?: string[] | null
  declined_scopes?: string[] | null
  business_id?: string | null
  page_id?: string | null
  instagram_account_id?: string | null
  ad_account_id?: string | null
  pixel_id?: string | null
  catalog_id?: string | null
  auto_setup_state?: unknown
  last_error?: string | null
  last_error_at?: DateLike
  last_health_check_at?: DateLike
  last_refreshed_at?: DateLike
  created_at?: DateLike
  updated_at?: DateLike
}

function iso(value: DateLike): string | null {
  if (!value) {
    return null
  }
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

export function readAutoSetupState(value: unknown, enabled: boolean): MetaAutoSetupState {
  const state = value && typeof value === "object" ? (value as Partial<MetaAutoSetupState>) : {}
  return {
    enabled,
    catalog_created: state.catalog_created === true,
    pixel_created: state.pixel_created === true,
    error: typeof state.error === "string" ? state.error : null,
  }
}

/** What the admin API answers for a connection, less the rate-limit usage (see `presentUsage`). */
export type ConnectionView = Omit<MetaConnection, "api_usage">

/**
 * What the admin API returns for a connection. Built field by field (never by spreading the row) so
 * that a sealed token, present on the connection and on page assets, can never reach a response.
 */
export function presentConnection(
  connection: StoredConnection,
  assets: StoredAsset[],
  features: Record<FeatureName, FeatureFlag>,
  autoSetupEnabled: boolean,
  now: number = Date.now()
): ConnectionView {
  const granted = connection.granted_scopes ?? []
  const missing = missingPermissionsByFeature(granted, [...FEATURE_NAMES])
  const featureViews = {} as ConnectionView["features"]
  for (const name of FEATURE_NAMES) {
    featureViews[name] = { ...features[name], missing_permissions: missing[name] ?? [] }
  }
  return {
    id: connection.id,
    status: connectionStatus(connection.status, connection.token_expires_at, now),
    method: connection.method,
    meta_user_id: connection.meta_user_id ?? null,
    meta_user_name: connection.meta_user_name ?? null,
    token_type: connection.token_type ?? null,
    token_expires_at: iso(connection.token_expires_at),
    data_access_expires_at: iso(connection.data_access_expires_at),
    granted_scopes: [...granted],
    declined_scopes: [...(connection.declined_scopes ?? [])],
    last_error: connection.last_error ?? null,
    last_error_at: iso(connection.last_error_at),
    last_health_check_at: iso(connection.last_health_check_at),
    last_refreshed_at: iso(connection.last_refreshed_at),
    selected: {
      business_id: connection.business_id ?? null,
      page_id: connection.page_id ?? null,
      instagram_account_id: connection.instagram_account_id ?? null,
      ad_account_id: connection.ad_account_id ?? null,
      pixel_id: connection.pixel_id ?? null,
      catalog_id: connection.catalog_id ?? null,
    },
    assets: assets
      .map((asset) => ({
        id: asset.id,
        type: asset.type,
        meta_id: asset.meta_id,
        name: asset.name,
        parent_meta_id: asset.parent_meta_id ?? null,
        metadata: asset.metadata ?? null,
      }))
      .sort(
        (a, b) =>
          ASSET_TYPES.indexOf(a.type) - ASSET_TYPES.indexOf(b.type) ||
          a.name.localeCompare(b.name)
      ),
    features: featureViews,
    auto_setup: readAutoSetupState(connection.auto_setup_state, autoSetupEnabled),
    created_at: iso(connection.created_at),
    updated_at: iso(connection.updated_at),
  }
}
