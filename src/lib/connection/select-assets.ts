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
 * feeds (an Instagram account only while it fits the chosen Page). Otherwise pages and ad accounts default to the first available (preferring those of the chosen
 * business, and a Page with an Instagram account linked), the Instagram account to the chosen Page's own;
 * catalog and pixel are left to auto-setup, which may create them.
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
  // An Instagram account works through its own Page, so the defaults are a Page and that Page's account:
  // a Page with one linked is preferred, and another Page's account is never the default.
  const linkedTo = (pageMetaId: string | null) =>
    ofType("instagram_account").find((a) => pageMetaId !== null && a.parent_meta_id === pageMetaId)
  const defaultPage = () => {
    const owned = ofType("page").filter((a) => a.parent_meta_id === businessId)
    const pool = owned.length ? owned : ofType("page")
    return (pool.find((page) => linkedTo(page.meta_id)) ?? pool[0])?.meta_id ?? null
  }
  const pageId = keep("page_id") ?? defaultPage()
  const keptInstagram = ofType("instagram_account").find((a) => a.meta_id === keep("instagram_account_id"))
  const fitsPage = !!keptInstagram && (!keptInstagram.parent_meta_id || pageId === null || keptInstagram.parent_meta_id === pageId)
  const instagramId =
    (fitsPage ? keptInstagram.meta_id : null) ??
    linkedTo(pageId)?.meta_id ??
    (pageId === null ? ofType("instagram_account")[0]?.meta_id ?? null : null)

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

type PairAsset = Pick<DiscoveredAsset, "type" | "meta_id" | "name" | "parent_meta_id">

/**
 * An Instagram professional account is connected to one Facebook Page (discovery reads it from the Page's
 * `instagram_business_account`, https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/page),
 * and posts, insights and webhooks use the Page's token for it. A Page and an Instagram account of two
 * different Pages do not work together: this says why, in the merchant's words, or null when they fit
 * (either one unset, or an account whose Page is not known).
 */
export function pageInstagramMismatch(
  selection: Pick<AssetSelection, "page_id" | "instagram_account_id">,
  assets: PairAsset[]
): string | null {
  const { page_id: pageId, instagram_account_id: instagramId } = selection
  if (!pageId || !instagramId) return null
  const instagram = assets.find((a) => a.type === "instagram_account" && a.meta_id === instagramId)
  if (!instagram?.parent_meta_id || instagram.parent_meta_id === pageId) return null
  const pageName = (id: string) => {
    const page = assets.find((a) => a.type === "page" && a.meta_id === id)
    return page ? `"${page.name}"` : `Page ${id}`
  }
  const linked = assets.find((a) => a.type === "instagram_account" && a.parent_meta_id === pageId)
  const fix = linked
    ? `choose ${pageName(instagram.parent_meta_id)} as the Page, or ${linked.name}, the Instagram account of ${pageName(pageId)}`
    : `choose ${pageName(instagram.parent_meta_id)} as the Page, or no Instagram account (${pageName(pageId)} has none linked)`
  return `The Instagram account ${instagram.name} belongs to the Facebook Page ${pageName(instagram.parent_meta_id)}, not to ${pageName(pageId)}: ${fix}.`
}
