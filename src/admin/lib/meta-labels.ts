import type {
  MetaAssetType,
  MetaConnectionMethod,
  MetaConnectionStatus,
  MetaFeature,
  MetaSelectedAssets,
} from "../../types/http/connection"

type StatusBadgeColor = "green" | "orange" | "red"

export const CONNECTION_STATUS: Record<MetaConnectionStatus, { label: string; color: StatusBadgeColor }> = {
  active: { label: "Active", color: "green" },
  expiring: { label: "Expiring", color: "orange" },
  expired: { label: "Expired", color: "red" },
  revoked: { label: "Revoked", color: "red" },
  error: { label: "Error", color: "red" },
}

// Statuses where the stored token no longer works and the merchant must
// connect again to get a new one.
export const NEEDS_RECONNECT: MetaConnectionStatus[] = ["expired", "revoked", "error"]

export const CONNECTION_METHOD: Record<MetaConnectionMethod, string> = {
  oauth: "Facebook Login",
  system_user: "System-user token",
}

export const ASSET_TYPES: {
  type: MetaAssetType
  field: keyof MetaSelectedAssets
  label: string
  placeholder: string
}[] = [
  { type: "business", field: "business_id", label: "Business", placeholder: "Select a business" },
  { type: "page", field: "page_id", label: "Facebook Page", placeholder: "Select a Page" },
  {
    type: "instagram_account",
    field: "instagram_account_id",
    label: "Instagram account",
    placeholder: "Select an Instagram account",
  },
  { type: "ad_account", field: "ad_account_id", label: "Ad account", placeholder: "Select an ad account" },
  { type: "pixel", field: "pixel_id", label: "Pixel", placeholder: "Select a pixel" },
  { type: "catalog", field: "catalog_id", label: "Catalog", placeholder: "Select a catalog" },
]

export const ASSET_TYPE_LABEL = Object.fromEntries(
  ASSET_TYPES.map(({ type, label }) => [type, label])
) as Record<MetaAssetType, string>

export const FEATURES: { feature: MetaFeature; label: string; description: string }[] = [
  {
    feature: "catalog",
    label: "Catalog sync",
    description: "Keep a Meta product catalog in step with your products for Shops and ads.",
  },
  {
    feature: "capi",
    label: "Conversions API",
    description: "Send purchases and checkout events from the server, alongside the Pixel.",
  },
  {
    feature: "publishing",
    label: "Publishing",
    description: "Publish and schedule posts on your Facebook Page and Instagram account.",
  },
  {
    feature: "insights",
    label: "Insights",
    description: "Read reach and engagement for your Page, Instagram account and posts.",
  },
  {
    feature: "ads",
    label: "Ads",
    description: "Manage campaigns and automated rules on your ad account.",
  },
  {
    feature: "webhooks",
    label: "Webhooks",
    description: "Turn lead-form leads into customers and collect comments on your Page and Instagram account.",
  },
]

export const FEATURE_LABEL = Object.fromEntries(
  FEATURES.map(({ feature, label }) => [feature, label])
) as Record<MetaFeature, string>

// Readable fallbacks for the `meta_error` codes the OAuth callback redirects with.
export const OAUTH_ERROR_MESSAGE: Record<string, string> = {
  access_denied: "The Meta dialog was cancelled or access was declined.",
  invalid_state: "The sign-in request could not be verified. Please try again.",
  expired_state: "The sign-in request expired. Please try again.",
  used_state: "This sign-in request was already used. Please try again.",
  meta_error: "Meta returned an error while connecting.",
}
