/**
 * Meta permissions each plugin feature needs (Meta's permissions reference,
 * https://developers.facebook.com/docs/permissions, and each endpoint's own page). Requesting only what enabled
 * features need keeps App Review smaller and the consent screen honest.
 */

export type MetaFeature = "catalog" | "capi" | "publishing" | "insights" | "ads" | "webhooks"

/** Canonical order: scopes and reports follow it so they are stable whatever order features arrive in. */
export const META_FEATURES: readonly MetaFeature[] = ["catalog", "capi", "publishing", "insights", "ads", "webhooks"]

export function isMetaFeature(value: string): value is MetaFeature {
  return (META_FEATURES as readonly string[]).includes(value)
}

/**
 * Always requested: business_management lists the merchant's businesses and the assets they own
 * (`/me/businesses`, `/{business_id}/owned_ad_accounts`, `/adspixels`, `/owned_product_catalogs`);
 * pages_show_list lists the Pages the user manages (`/me/accounts`), the anchor for Instagram accounts.
 */
export const BASE_PERMISSIONS: string[] = ["business_management", "pages_show_list"]

export const FEATURE_PERMISSIONS: Record<MetaFeature, string[]> = {
  // Catalog API: create/find the catalog and send items_batch (https://developers.facebook.com/docs/marketing-api/catalog); catalogs belong to a business.
  catalog: ["catalog_management", "business_management"],
  // Conversions API posts to /{pixel_id}/events; the token needs access to the pixel, which is a
  // business asset tied to ad accounts: business_management + ads_management grant that (https://developers.facebook.com/docs/marketing-api/conversions-api/using-the-api).
  capi: ["business_management", "ads_management"],
  // Facebook Page posts need a page token from pages_show_list + pages_read_engagement and
  // pages_manage_posts; Instagram content publishing needs instagram_basic + instagram_content_publish (https://developers.facebook.com/docs/instagram-platform/content-publishing).
  publishing: ["pages_show_list", "pages_read_engagement", "pages_manage_posts", "instagram_basic", "instagram_content_publish"],
  // Page insights need read_insights (+ pages_read_engagement for the page token), IG insights
  // instagram_manage_insights (https://developers.facebook.com/docs/instagram-platform/insights).
  insights: ["read_insights", "instagram_manage_insights", "pages_read_engagement"],
  // Marketing API: ads_management to create campaigns/ad sets/ads, ads_read for ad insights (https://developers.facebook.com/docs/marketing-api).
  ads: ["ads_management", "ads_read"],
  // Subscribing a Page to webhooks needs pages_manage_metadata; lead and comment payloads need
  // leads_retrieval and instagram_manage_comments; pages_read_engagement reads the Page's content (https://developers.facebook.com/docs/graph-api/webhooks/getting-started).
  webhooks: ["pages_manage_metadata", "leads_retrieval", "instagram_manage_comments", "pages_read_engagement"],
}

/**
 * Asked for in the Login dialog but not required: a feature works without them, minus what they add.
 * Publishing tags products in Instagram posts with instagram_shopping_tag_products + catalog_management
 * (https://developers.facebook.com/docs/instagram-platform/shopping-api/product-tagging); without them
 * posts go out untagged, with a warning.
 */
export const OPTIONAL_FEATURE_PERMISSIONS: Partial<Record<MetaFeature, string[]>> = {
  publishing: ["instagram_shopping_tag_products", "catalog_management"],
}

function inCanonicalOrder(features: readonly MetaFeature[]): MetaFeature[] {
  return META_FEATURES.filter((f) => features.includes(f))
}

/** Scopes for the Login dialog: base permissions, then each feature's, deduplicated, in a stable order. */
export function scopesFor(features: readonly MetaFeature[]): string[] {
  const scopes = new Set<string>(BASE_PERMISSIONS)
  for (const feature of inCanonicalOrder(features)) {
    for (const permission of FEATURE_PERMISSIONS[feature]) scopes.add(permission)
  }
  return [...scopes]
}

/** What the Login dialog asks for: the required scopes (scopesFor), then each feature's optional ones. */
export function requestedScopesFor(features: readonly MetaFeature[]): string[] {
  const scopes = new Set<string>(scopesFor(features))
  for (const feature of inCanonicalOrder(features)) {
    for (const permission of OPTIONAL_FEATURE_PERMISSIONS[feature] ?? []) scopes.add(permission)
  }
  return [...scopes]
}

/**
 * For each requested feature, the permissions it needs that are not granted (an empty list = ready);
 * features that were not asked about map to an empty list. Login lets users decline single
 * permissions, so this is checked after every connect and health check.
 */
export function missingPermissionsByFeature(
  granted: readonly string[],
  features: readonly MetaFeature[]
): Record<MetaFeature, string[]> {
  const grantedSet = new Set(granted.map((p) => p.trim().toLowerCase()))
  const result = Object.fromEntries(META_FEATURES.map((f) => [f, [] as string[]])) as Record<MetaFeature, string[]>
  for (const feature of inCanonicalOrder(features)) {
    result[feature] = FEATURE_PERMISSIONS[feature].filter((p) => !grantedSet.has(p))
  }
  return result
}

/**
 * The Login dialog's scopes for the store's feature switches: the base permissions plus those of the
 * features that are on (required, then optional), nothing for a feature that is off or unknown.
 */
export function dialogScopesFor(flags: Partial<Record<string, { enabled: boolean }>>): string[] {
  return requestedScopesFor(META_FEATURES.filter((feature) => flags[feature]?.enabled === true))
}
