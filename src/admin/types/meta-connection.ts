// Mirror of the plugin's HTTP API (`/admin/meta/connection*`): the admin
// bundle is built separately from the backend, so it carries its own copy.

export type MetaConnectionStatus = "active" | "expiring" | "expired" | "revoked" | "error"

export type MetaConnectionMethod = "oauth" | "system_user"

export type MetaFeature = "catalog" | "capi" | "publishing" | "insights" | "ads" | "webhooks"

export type MetaAssetType =
  | "business"
  | "page"
  | "instagram_account"
  | "ad_account"
  | "pixel"
  | "catalog"

export type MetaAsset = {
  id: string
  type: MetaAssetType
  meta_id: string
  name: string
  parent_meta_id: string | null
  metadata: Record<string, unknown> | null
}

export type MetaSelectedAssets = {
  business_id: string | null
  page_id: string | null
  instagram_account_id: string | null
  ad_account_id: string | null
  pixel_id: string | null
  catalog_id: string | null
}

export type MetaFeatureState = {
  enabled: boolean
  source: "options" | "admin"
  missing_permissions: string[]
}

export type MetaConnection = {
  id: string
  status: MetaConnectionStatus
  method: MetaConnectionMethod
  meta_user_id: string | null
  meta_user_name: string | null
  token_type: string | null
  token_expires_at: string | null
  data_access_expires_at: string | null
  granted_scopes: string[]
  declined_scopes: string[]
  last_error: string | null
  last_error_at: string | null
  last_health_check_at: string | null
  last_refreshed_at: string | null
  selected: MetaSelectedAssets
  assets: MetaAsset[]
  features: Record<MetaFeature, MetaFeatureState>
  auto_setup: {
    enabled: boolean
    catalog_created: boolean
    pixel_created: boolean
    error: string | null
  }
  created_at: string
  updated_at: string
  api_usage: MetaApiUsage
}

/** Meta's last reported rate-limit figures, in percent of each budget (throttled at 100). */
export type MetaApiUsage = {
  app: { call_count: number; total_cputime: number; total_time: number; updated_at: string } | null
  objects: {
    id: string
    type: string
    call_count: number
    total_cputime: number
    total_time: number
    regain_access_minutes: number
    updated_at: string
  }[]
}

export type MetaHealth = {
  ok: boolean
  checked_at: string
  token_valid: boolean
  expires_at: string | null
  missing_permissions: Partial<Record<MetaFeature, string[]>>
  error: string | null
}

export type AdminMetaConnectionResponse = { connection: MetaConnection | null }

export type AdminMetaConnectionUpdateResponse = { connection: MetaConnection }

export type AdminMetaOAuthAuthorizeResponse = { url: string }

export type AdminMetaDisconnectResponse = {
  id: string
  object: "meta_connection"
  deleted: true
  revoked_at_meta: boolean
}

export type AdminMetaHealthResponse = { health: MetaHealth; connection: MetaConnection }

export type AdminConnectSystemUserTokenPayload = { access_token: string }

export type AdminUpdateMetaAssetsPayload = Partial<MetaSelectedAssets>

export type AdminUpdateMetaFeaturesPayload = Partial<Record<MetaFeature, boolean>>
