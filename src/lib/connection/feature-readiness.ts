import type { FeatureName } from "./features"

/**
 * What a screen of one feature should tell the merchant before showing its data as if all were well:
 * the first thing that stops the feature from reaching Meta, and the one step that fixes it. Pure, so
 * the admin and the routes answer the same thing for the same connection.
 */
export type FeatureReadinessState =
  | "not_connected"
  | "needs_reconnect"
  | "feature_off"
  | "missing_permissions"
  | "missing_asset"
  | "ready"

export type FeatureReadiness = {
  state: FeatureReadinessState
  /** Short, for a heading or a badge. */
  title: string
  /** One or two sentences in the merchant's words: what is wrong and what happens meanwhile. */
  message: string
  /** The next step, or null when the feature is ready. */
  action: { label: string; to: string } | null
}

/** The slice of a connection (as `GET /admin/meta/connection` answers it) that readiness reads. */
export type ReadinessConnection = {
  status: "active" | "expiring" | "expired" | "revoked" | "error"
  selected: Partial<Record<"page_id" | "instagram_account_id" | "ad_account_id" | "pixel_id" | "catalog_id", string | null>>
  features: Partial<Record<FeatureName, { enabled: boolean; missing_permissions: string[] }>>
}

/** Where the merchant connects, reconnects, picks assets and switches features. */
export const META_SETTINGS_PATH = "/settings/meta"

const FEATURE_LABELS: Record<FeatureName, string> = {
  catalog: "Catalog sync",
  capi: "Conversions API",
  publishing: "Publishing",
  insights: "Insights",
  ads: "Ads",
  webhooks: "Webhooks",
}

/** What the feature sends or reads, for "…while it is off, nothing is …". */
const FEATURE_WORK: Record<FeatureName, string> = {
  catalog: "no product changes are sent to your Meta catalog",
  capi: "no purchases are sent to Meta",
  publishing: "no posts are published",
  insights: "no figures are read from Meta",
  ads: "no campaigns are read or changed",
  webhooks: "comments and leads from Meta are not processed",
}

/** The asset each feature cannot work without, and how the merchant knows it. */
export const REQUIRED_ASSET: Record<FeatureName, { keys: (keyof ReadinessConnection["selected"])[]; label: string } | null> = {
  catalog: { keys: ["catalog_id"], label: "a catalog" },
  capi: { keys: ["pixel_id"], label: "a pixel (dataset)" },
  publishing: { keys: ["page_id", "instagram_account_id"], label: "a Facebook Page or an Instagram account" },
  insights: { keys: ["page_id", "instagram_account_id"], label: "a Facebook Page or an Instagram account" },
  ads: { keys: ["ad_account_id"], label: "an ad account" },
  webhooks: { keys: ["page_id", "instagram_account_id"], label: "a Facebook Page or an Instagram account" },
}

export function featureLabel(feature: FeatureName): string {
  return FEATURE_LABELS[feature]
}

/**
 * The readiness of one feature for a connection (null: never connected, or disconnected). Without a
 * feature, only the connection itself is judged (for screens that span features).
 */
export function featureReadiness(connection: ReadinessConnection | null | undefined, feature?: FeatureName): FeatureReadiness {
  const work = feature ? FEATURE_WORK[feature] : "nothing is sent to or read from Meta"
  if (!connection) {
    return {
      state: "not_connected",
      title: "Not connected to Meta",
      message: `Connect your Meta account to start; until then ${work}.`,
      action: { label: "Connect to Meta", to: META_SETTINGS_PATH },
    }
  }
  if (connection.status === "revoked" || connection.status === "expired" || connection.status === "error") {
    const why =
      connection.status === "revoked"
        ? "Meta no longer accepts this connection's access (it was removed or its password changed)"
        : connection.status === "expired"
          ? "The connection's access to Meta has expired"
          : "Meta refused this connection's access"
    return {
      state: "needs_reconnect",
      title: "Reconnect to Meta",
      message: `${why}; until you reconnect, ${work}.`,
      action: { label: "Reconnect", to: META_SETTINGS_PATH },
    }
  }
  if (!feature) return { state: "ready", title: "Connected", message: "Connected to Meta.", action: null }
  const flag = connection.features[feature]
  if (!flag?.enabled) {
    return {
      state: "feature_off",
      title: `${FEATURE_LABELS[feature]} is off`,
      message: `${FEATURE_LABELS[feature]} is switched off for this store: ${work}.`,
      action: { label: `Turn on ${FEATURE_LABELS[feature]}`, to: META_SETTINGS_PATH },
    }
  }
  if (flag.missing_permissions.length > 0) {
    const list = flag.missing_permissions.join(", ")
    return {
      state: "missing_permissions",
      title: "Permissions missing",
      message: `Meta did not grant ${list}, which ${FEATURE_LABELS[feature]} needs: reconnect and allow ${flag.missing_permissions.length === 1 ? "it" : "them"}; until then ${work}.`,
      action: { label: "Reconnect", to: META_SETTINGS_PATH },
    }
  }
  const asset = REQUIRED_ASSET[feature]
  if (asset && !asset.keys.some((key) => Boolean(connection.selected[key]))) {
    return {
      state: "missing_asset",
      title: `Choose ${asset.label}`,
      message: `${FEATURE_LABELS[feature]} needs ${asset.label}: choose one in the Meta settings; until then ${work}.`,
      action: { label: "Choose in settings", to: META_SETTINGS_PATH },
    }
  }
  return { state: "ready", title: `${FEATURE_LABELS[feature]} is on`, message: `${FEATURE_LABELS[feature]} is on.`, action: null }
}
