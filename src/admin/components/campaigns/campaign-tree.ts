import type { MetaAd, MetaAdSet, MetaCampaign } from "../../../types/http/ads"

/**
 * Campaigns hold their ad sets, ad sets their ads: finding one object in that tree and changing it without
 * touching the rest. Framework-free, for the query cache's optimistic updates and the screens.
 */

export type MetaAdLevel = "campaign" | "ad_set" | "ad"

export type MetaAdObject = MetaCampaign | MetaAdSet | MetaAd

/** The fields of an object that a change can move; nested lists are never replaced by a patch. */
export type MetaAdObjectPatch = Partial<Omit<MetaCampaign, "ad_sets">> | Partial<Omit<MetaAdSet, "ads">> | Partial<MetaAd>

/** A change's answer without its children: the status and budget routes answer the object alone. */
export const withoutChildren = <T extends object>(object: T): MetaAdObjectPatch => {
  const { ad_sets: _adSets, ads: _ads, ...rest } = object as T & { ad_sets?: unknown; ads?: unknown }
  return rest as MetaAdObjectPatch
}

const patchAds = (ads: MetaAd[] | undefined, id: string, patch: MetaAdObjectPatch) => {
  if (!ads?.some((a) => a.id === id)) return ads
  return ads.map((a) => (a.id === id ? ({ ...a, ...patch } as MetaAd) : a))
}

const patchAdSets = (adSets: MetaAdSet[] | undefined, level: MetaAdLevel, id: string, patch: MetaAdObjectPatch) => {
  if (!adSets) return adSets
  let changed = false
  const next = adSets.map((s) => {
    if (level === "ad_set") {
      if (s.id !== id) return s
      changed = true
      return { ...s, ...patch } as MetaAdSet
    }
    const ads = patchAds(s.ads, id, patch)
    if (ads === s.ads) return s
    changed = true
    return { ...s, ads }
  })
  return changed ? next : adSets
}

/**
 * The campaigns with one object's fields replaced. Returns the same array when the object is not in it, so a
 * cache entry that does not hold the object is left as it is.
 */
export const patchAdObject = (campaigns: MetaCampaign[], level: MetaAdLevel, id: string, patch: MetaAdObjectPatch) => {
  let changed = false
  const next = campaigns.map((c) => {
    if (level === "campaign") {
      if (c.id !== id) return c
      changed = true
      return { ...c, ...patch } as MetaCampaign
    }
    const adSets = patchAdSets(c.ad_sets, level, id, patch)
    if (adSets === c.ad_sets) return c
    changed = true
    return { ...c, ad_sets: adSets }
  })
  return changed ? next : campaigns
}

/** One object of the tree, or undefined when these campaigns do not hold it. */
export const findAdObject = (campaigns: MetaCampaign[], level: MetaAdLevel, id: string): MetaAdObject | undefined => {
  for (const c of campaigns) {
    if (level === "campaign") {
      if (c.id === id) return c
      continue
    }
    for (const s of c.ad_sets ?? []) {
      if (level === "ad_set" && s.id === id) return s
      if (level === "ad") {
        const ad = s.ads?.find((a) => a.id === id)
        if (ad) return ad
      }
    }
  }
  return undefined
}

/** Names by Meta id, for the audit log (which names objects by Meta's id only). */
export const namesByMetaId = (campaigns: MetaCampaign[]) => {
  const names = new Map<string, string>()
  for (const c of campaigns) {
    names.set(c.meta_id, c.name)
    for (const s of c.ad_sets ?? []) {
      names.set(s.meta_id, s.name)
      for (const a of s.ads ?? []) names.set(a.meta_id, a.name)
    }
  }
  return names
}
