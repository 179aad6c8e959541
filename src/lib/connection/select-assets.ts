import type { AssetType } from "./present-connection"

export type DiscoveredAsset = {
  type: AssetType
  meta_id: string
  name: string
  parent_meta_id: string | null
  metadata: Record<string, unknown> | null
}

export type AssetSelection = {
  business_id: string | null
  page_id: string | null
  instagram_account_id: string | null
  ad_account_id: string | null
  pixel_id: string | null
  catalog_id: string | null
}

export const SELECTION_TYPES: Record<keyof AssetSelection, AssetType> = {
  business_id: "business",
  page_id: "page",
  instagram_account_id: "instagram_account",
  ad_account_id: "ad_account",
  pixel_id: "pixel",
  catalog_id: "catalog",
}

export const EMPTY_SELECTION: AssetSelection = {
  business_id: null,
  page_id: null,
  instagram_account_id: null,
  ad_account_id: null,
  pixel_id: null,
  catalog_id: null,
}

/**
 * Chooses which discovered assets the store uses after a (re)connect. A previous choice that is
 * still available always wins: reconnecting must never swap the catalog or pixel a store already
 * feeds. Otherwise pages, Instagram and ad accounts default to the first available (preferring those
 * of the chosen business); catalog and pixel are left to auto-setup, which may create them.
 */
export function chooseSelections(
  previous: Partial<AssetSelection>,
  discovered: DiscoveredAsset[]
): AssetSelection {
  const ofType = (type: AssetType) => discovered.filter((a) => a.type === type)
  const has = (type: AssetType, id: string | null | undefined) =>
    !!id && ofType(type).some((a) => a.meta_id === id)
  const keep = (key: keyof AssetSelection) =>
    has(SELECTION_TYPES[key], previous[key]) ? (previous[key] as string) : null

  const businessId = keep("business_id") ?? ofType("business")[0]?.meta_id ?? null
  const preferBusiness = (assets: DiscoveredAsset[]) => {
    const owned = assets.filter((a) => a.parent_meta_id === businessId)
    return (owned.length ? owned : assets)[0]?.meta_id ?? null
  }
  const pageId = keep("page_id") ?? preferBusiness(ofType("page"))
  const linkedInstagram = ofType("instagram_account").find((a) => a.parent_meta_id === pageId)
  const instagramId =
    keep("instagram_account_id") ??
    linkedInstagram?.meta_id ??
    ofType("instagram_account")[0]?.meta_id ??
    null

  return {
    business_id: businessId,
    page_id: pageId,
    instagram_account_id: instagramId,
    ad_account_id: keep("ad_account_id") ?? preferBusiness(ofType("ad_account")),
    pixel_id: keep("pixel_id") ?? (previous.pixel_id ? previous.pixel_id : null),
    catalog_id: keep("catalog_id") ?? (previous.catalog_id ? previous.catalog_id : null),
  }
}

/**
 * Checks an admin's asset choice against what was discovered. Returns the keys whose id is not an
 * asset of that type (null clears a choice and is always allowed).
 */
export function unknownSelections(
  choice: Partial<AssetSelection>,
  discovered: Pick<DiscoveredAsset, "type" | "meta_id">[]
): (keyof AssetSelection)[] {
  return (Object.keys(choice) as (keyof AssetSelection)[]).filter((key) => {
    const id = choice[key]
    if (id === null || id === undefined) {
      return false
    }
    return !discovered.some((a) => a.type === SELECTION_TYPES[key] && a.meta_id === id)
  })
}
