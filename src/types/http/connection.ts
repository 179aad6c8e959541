/**
 * Request and response types of the connection routes (`/admin/meta/connection*`, `/admin/meta/oauth/*`).
 * The routes answer with these and the admin imports them type-only, so both sides read one definition.
 * No type here carries a token: responses are built field by field from the stored rows.
 */

import type { MetaSetupHealthCheck } from "./setup"

export type MetaConnectionStatus = "active" | "expiring" | "expired" | "revoked" | "error"

export type MetaConnectionMethod = "oauth" | "system_user"

export type MetaFeature = "catalog" | "capi" | "publishing" | "insights" | "ads" | "webhooks"

export type MetaAssetType = "business" | "page" | "instagram_account" | "ad_account" | "pixel" | "catalog"

/** An object discovered with the token (business, Page, Instagram account, ad account, pixel, catalog). */
export type MetaAsset = {
  id: string
  type: MetaAssetType
  meta_id: string
  name: string
  parent_meta_id: string | null
  metadata: Record<string, unknown> | null
}

/** The Meta ids of the assets the store uses, one per type. */
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
  /** Where the toggle comes from: the plugin's `features` option, or the admin's override. */
  source: "options" | "admin"
  /** Permissions the feature needs that the token was not granted. */
  missing_permissions: string[]
}

export type MetaAutoSetupState = {
  enabled: boolean
  catalog_created: boolean
  pixel_created: boolean
  error: string | null
}

/** Meta's last reported rate-limit figures, in percent of each budget (throttled at 100). */
export type MetaApiUsage = {
  app: { call_count: number; total_cputime: number; total_time: number; updated_at: string } | null
  objects: {
    id: string
    type: string
    /** What the budget covers and whose it is, e.g. `Page calls of the Page "Acme Store"`. */
    label: string
    /** The name of the Page, ad account, Instagram account… the budget belongs to, when the store knows it. */
    name: string | null
    call_count: number
    total_cputime: number
    total_time: number
    regain_access_minutes: number
    updated_at: string
  }[]
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
  auto_setup: MetaAutoSetupState
  created_at: string | null
  updated_at: string | null
  api_usage: MetaApiUsage
}

/**
 * The result of a health check: Meta's `debug_token`, the permissions each enabled feature lacks, and every
 * part of the setup (`checks`: assets, catalog, pixel, webhooks). `ok` is false when a check failed.
 */
export type MetaHealth = {
  ok: boolean
  checked_at: string
  token_valid: boolean
  expires_at: string | null
  missing_permissions: Partial<Record<MetaFeature, string[]>>
  error: string | null
  checks: MetaSetupHealthCheck[]
}

/**
 * `GET /admin/meta/connection`, and `POST /admin/meta/connection`, `…/assets`, `…/features` with the
 * connection after the change: null when the store is not connected.
 */
export type MetaConnectionResponse = { connection: MetaConnection | null }

/** `DELETE /admin/meta/connection`. */
export type MetaConnectionDeleteResponse = {
  id: string
  object: "meta_connection"
  deleted: true
  /** Whether `DELETE /me/permissions` went through (never for a system-user token, which is only forgotten locally). */
  revoked_at_meta: boolean
}

/** `POST /admin/meta/connection/health`: the check, and the connection as the check left it. */
export type MetaConnectionHealthResponse = { health: MetaHealth; connection: MetaConnection | null }

/** `POST /admin/meta/oauth/authorize`: Meta's login dialog URL, with a signed single-use state. */
export type MetaOAuthAuthorizeResponse = { url: string }

/** `POST /admin/meta/connection`: connect with a system-user token, optionally choosing assets at once. */
export type MetaConnectionCreateBody = { access_token: string } & Partial<MetaSelectedAssets>

/** `POST /admin/meta/connection/assets`: the ids to change (null clears a choice). */
export type MetaConnectionAssetsBody = Partial<MetaSelectedAssets>

/** `POST /admin/meta/connection/features`: the toggles to change. */
export type MetaConnectionFeaturesBody = Partial<Record<MetaFeature, boolean>>

/**
 * 409 from a route that would send to Meta (sync now, replay, …) while the feature is not ready: what is
 * wrong and the next step, in the merchant's words. `state` is the readiness the admin's notice shows.
 */
export type MetaFeatureNotReadyResponse = {
  type: "feature_not_ready"
  state: "not_connected" | "needs_reconnect" | "feature_off" | "missing_permissions" | "missing_asset"
  message: string
}
