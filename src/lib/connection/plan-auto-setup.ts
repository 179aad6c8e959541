import type { AssetSelection, DiscoveredAsset } from "./select-assets"

export type AutoSetupAction =
  | { action: "keep"; id: string }
  | { action: "reuse"; id: string }
  | { action: "create"; name: string }
  | { action: "skip"; reason: string }

export function catalogNameFor(storeName: string): string {
  return `${storeName.trim() || "Medusa store"} (Medusa)`
}

export function pixelNameFor(storeName: string): string {
  return `${storeName.trim() || "Medusa store"} Pixel`
}

/**
 * Decides what auto-setup does for the catalog and the pixel of a freshly connected store.
 * - A selection the store already has is kept (reconnects never recreate anything).
 * - Catalog: reuse the business catalog named "<store> (Medusa)" if one exists (an earlier install
 *   made it), else create it. Another catalog of the business is never taken over: it may be fed by
 *   something else.
 * - Pixel: businesses usually have one pixel for all their sites, so the first one is reused; one is
 *   created only when the business has none.
 * Without a business nothing can be created (catalogs and pixels are business-owned).
 */
export function planAutoSetup(
  selection: AssetSelection,
  discovered: DiscoveredAsset[],
  storeName: string
): { catalog: AutoSetupAction; pixel: AutoSetupAction } {
  const businessId = selection.business_id
  const inBusiness = (type: DiscoveredAsset["type"]) =>
    discovered.filter((a) => a.type === type && (!businessId || a.parent_meta_id === businessId))

  let catalog: AutoSetupAction
  if (selection.catalog_id) {
    catalog = { action: "keep", id: selection.catalog_id }
  } else if (!businessId) {
    catalog = { action: "skip", reason: "No Meta business is selected" }
  } else {
    const name = catalogNameFor(storeName)
    const existing = inBusiness("catalog").find((a) => a.name === name)
    catalog = existing ? { action: "reuse", id: existing.meta_id } : { action: "create", name }
  }

  let pixel: AutoSetupAction
  if (selection.pixel_id) {
    pixel = { action: "keep", id: selection.pixel_id }
  } else if (!businessId) {
    pixel = { action: "skip", reason: "No Meta business is selected" }
  } else {
    const existing = inBusiness("pixel")[0]
    pixel = existing
      ? { action: "reuse", id: existing.meta_id }
      : { action: "create", name: pixelNameFor(storeName) }
  }
  return { catalog, pixel }
}
