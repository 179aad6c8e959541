export const FEATURE_NAMES = [
  "catalog",
  "capi",
  "publishing",
  "insights",
  "ads",
  "webhooks",
] as const
export type FeatureName = (typeof FEATURE_NAMES)[number]

export type FeatureFlag = { enabled: boolean; source: "options" | "admin" }

/**
 * Feature toggles come from the plugin options; an admin may override each one for the store.
 * Overrides that are not booleans (or name no known feature) are ignored rather than trusted.
 */
export function effectiveFeatures(
  fromOptions: Partial<Record<FeatureName, boolean>>,
  overrides: unknown
): Record<FeatureName, FeatureFlag> {
  const chosen =
    overrides && typeof overrides === "object" ? (overrides as Record<string, unknown>) : {}
  const result = {} as Record<FeatureName, FeatureFlag>
  for (const name of FEATURE_NAMES) {
    const override = chosen[name]
    result[name] =
      typeof override === "boolean"
        ? { enabled: override, source: "admin" }
        : { enabled: fromOptions[name] !== false, source: "options" }
  }
  return result
}
