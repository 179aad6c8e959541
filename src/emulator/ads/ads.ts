import { campaignOf } from "./ad-sets"
import type { AdsCall } from "./context"
import { badParam, invalid, missingParam } from "./errors"
import { booleanParam, enumParam, isValidateOnly, objectParam, text, timeParam } from "./params"
import { newAdsId, type AdObjectStatus, type AdRecord, type AdSetRecord, type CreativeRecord } from "./store"
import { applyChange, checkEditable, createStatus, SUCCESS, updateStatus } from "./write"

/**
 * Ads (https://developers.facebook.com/docs/marketing-api/reference/adgroup) and copies of ad sets and
 * ads (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/copies/,
 * …/reference/adgroup/copies/).
 */

/** Meta: an ad set holds at most 50 ads that are not archived or deleted. */
const MAX_ADS_PER_AD_SET = 50
/**
 * A synchronous copy creates at most 3 objects (the ad set and its ads); larger ones go through an
 * asynchronous batch (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/copies/).
 */
const MAX_SYNC_COPY_OBJECTS = 3

function adSetOf(call: AdsCall, adSetId: string | undefined): AdSetRecord {
  if (!adSetId) throw missingParam("adset_id")
  const adSet = call.ads.adSets.get(adSetId)
  if (!adSet || adSet.accountId !== call.account.id || adSet.status === "DELETED") {
    throw invalid({ title: "Invalid Ad Set", message: `The ad set ${adSetId} doesn't exist in this ad account.`, field: "adset_id" })
  }
  if (adSet.status === "ARCHIVED") throw invalid({ title: "Ad Set Archived", message: `The ad set ${adSetId} is archived: nothing can be added to it.`, field: "adset_id" })
  return adSet
}

function creativeOf(call: AdsCall): CreativeRecord {
  const spec = objectParam(call.params, "creative")
  const creativeId = spec?.creative_id ?? text(call.params, "creative_id")
  if (creativeId === undefined) throw missingParam("creative")
  const creative = call.ads.creatives.get(String(creativeId))
  if (!creative || creative.accountId !== call.account.id || creative.status === "DELETED") {
    throw invalid({ title: "Invalid Creative", message: `The creative ${String(creativeId)} doesn't exist in this ad account.`, field: "creative.creative_id" })
  }
  return creative
}

function liveAds(call: AdsCall, adSet: AdSetRecord): number {
  return adSet.adIds.filter((id) => {
    const status = call.ads.ads.get(id)?.status
    return status === "ACTIVE" || status === "PAUSED"
  }).length
}

/** A catalog creative can only run in an ad set that promotes the same product set. */
function checkCatalogPairing(adSet: AdSetRecord, creative: CreativeRecord): void {
  if (creative.productSetId === undefined) return
  const promoted = adSet.promotedObject?.product_set_id
  if (promoted === undefined || String(promoted) !== creative.productSetId) {
    throw invalid({
      title: "Product Set Required on the Ad Set",
      message: `This catalog creative shows the product set ${creative.productSetId}: its ad set needs promoted_object.product_set_id=${creative.productSetId}.`,
      field: "promoted_object.product_set_id",
    })
  }
}

export function createAd(call: AdsCall): Record<string, unknown> {
  const { params } = call
  const name = text(params, "name")
  if (!name) throw missingParam("name")
  const adSet = adSetOf(call, text(params, "adset_id"))
  const creative = creativeOf(call)
  checkCatalogPairing(adSet, creative)
  if (liveAds(call, adSet) >= MAX_ADS_PER_AD_SET) {
    throw invalid({ title: "Too Many Ads in Ad Set", message: `An ad set can have at most ${MAX_ADS_PER_AD_SET} ads.`, field: "adset_id" })
  }
  const status = createStatus(params)
  if (isValidateOnly(params)) return SUCCESS
  return applyChange(call, () => {
    const record: AdRecord = {
      id: newAdsId(call.ads),
      accountId: call.account.id,
      adSetId: adSet.id,
      campaignId: adSet.campaignId,
      creativeId: creative.id,
      name,
      status,
      createdAt: call.now,
      updatedAt: call.now,
      ...(params.tracking_specs !== undefined ? { trackingSpecs: params.tracking_specs } : {}),
      ...(text(params, "conversion_domain") ? { conversionDomain: text(params, "conversion_domain") } : {}),
    }
    call.ads.ads.set(record.id, record)
    adSet.adIds.push(record.id)
    call.state.adIds.push(record.id)
    return { id: record.id }
  })
}

export function updateAd(call: AdsCall, ad: AdRecord): Record<string, unknown> {
  const { params } = call
  checkEditable("Ad", ad.status, params)
  const status = updateStatus(params)
  const name = text(params, "name")
  const creative = params.creative !== undefined ? creativeOf(call) : undefined
  const adSet = call.ads.adSets.get(ad.adSetId)
  if (creative && adSet) checkCatalogPairing(adSet, creative)
  if (isValidateOnly(params)) return SUCCESS
  applyChange(call, () => {
    if (status) ad.status = status
    if (name) ad.name = name
    if (creative) ad.creativeId = creative.id
    ad.updatedAt = call.now
  })
  return SUCCESS
}

// ---- Copies -------------------------------------------------------------------------------------

type RenameOptions = { strategy: "DEEP_RENAME" | "ONLY_TOP_LEVEL_RENAME" | "NO_RENAME"; prefix?: string; suffix: string }

function renameOptions(call: AdsCall): RenameOptions {
  const nested = objectParam(call.params, "rename_options") ?? {}
  const strategy = String(nested.rename_strategy ?? text(call.params, "rename_strategy") ?? "ONLY_TOP_LEVEL_RENAME")
  if (!["DEEP_RENAME", "ONLY_TOP_LEVEL_RENAME", "NO_RENAME"].includes(strategy)) {
    throw badParam("rename_options", `Param rename_strategy must be one of {DEEP_RENAME, ONLY_TOP_LEVEL_RENAME, NO_RENAME} - got "${strategy}"`)
  }
  const prefix = nested.rename_prefix ?? text(call.params, "rename_prefix")
  const suffix = nested.rename_suffix ?? text(call.params, "rename_suffix")
  return {
    strategy: strategy as RenameOptions["strategy"],
    ...(prefix !== undefined ? { prefix: String(prefix) } : {}),
    suffix: suffix !== undefined ? String(suffix) : prefix !== undefined ? "" : " - Copy",
  }
}

function renamed(name: string, options: RenameOptions, topLevel: boolean): string {
  if (options.strategy === "NO_RENAME" || (!topLevel && options.strategy !== "DEEP_RENAME")) return name
  return `${options.prefix ?? ""}${name}${options.suffix}`
}

function copyStatus(call: AdsCall, source: AdObjectStatus): AdObjectStatus {
  const option = enumParam(call.params, "status_option", ["ACTIVE", "PAUSED", "INHERITED_FROM_SOURCE"] as const) ?? "PAUSED"
  if (option === "INHERITED_FROM_SOURCE") return source === "ACTIVE" ? "ACTIVE" : "PAUSED"
  return option
}

/** POST /{ad_set_id}/copies → {copied_adset_id, ad_object_ids: [{ad_object_type, source_id, copied_id}]}. */
export function copyAdSet(call: AdsCall, source: AdSetRecord): Record<string, unknown> {
  if (source.status === "DELETED") throw invalid({ title: "Ad Set Deleted", message: "A deleted ad set can't be copied.", field: "adset_id" })
  const targetCampaign = call.params.campaign_id !== undefined ? campaignOf(call, text(call.params, "campaign_id")) : call.ads.campaigns.get(source.campaignId)
  if (!targetCampaign) throw invalid({ title: "Invalid Campaign", message: "The ad set's campaign doesn't exist.", field: "campaign_id" })
  const deep = booleanParam(call.params, "deep_copy") ?? false
  const adIds = deep ? source.adIds.filter((id) => call.ads.ads.get(id)?.status !== "DELETED") : []
  if (1 + adIds.length > MAX_SYNC_COPY_OBJECTS) {
    throw invalid({
      title: "Too Many Objects to Copy",
      message: `A copy made in one request can hold at most ${MAX_SYNC_COPY_OBJECTS} objects (the ad set and its ads); this one would hold ${1 + adIds.length}. Copy the ad set without deep_copy and then its ads, or use an asynchronous batch request.`,
      field: "deep_copy",
    })
  }
  const sourceCampaign = call.ads.campaigns.get(source.campaignId)
  const targetHasBudget = targetCampaign.dailyBudget !== undefined || targetCampaign.lifetimeBudget !== undefined
  const sourceHasBudget = sourceCampaign?.dailyBudget !== undefined || sourceCampaign?.lifetimeBudget !== undefined
  if (targetCampaign.id !== source.campaignId && targetHasBudget !== sourceHasBudget) {
    throw invalid({
      subcode: 1885621,
      title: "Budget Levels Don't Match",
      message: "The ad set can't be copied to a campaign that keeps its budget at another level (campaign vs. ad set).",
      field: "campaign_id",
    })
  }
  const rename = renameOptions(call)
  const status = copyStatus(call, source.status)
  const start = timeParam(call.params, "start_time")
  const end = timeParam(call.params, "end_time")
  if (isValidateOnly(call.params)) return SUCCESS
  return applyChange(call, () => {
    const copy: AdSetRecord = {
      ...structuredClone(source),
      id: newAdsId(call.ads),
      campaignId: targetCampaign.id,
      name: renamed(source.name, rename, true),
      status,
      createdAt: call.now,
      updatedAt: call.now,
      startTime: start ?? Math.max(source.startTime, call.now),
      ...(end !== undefined ? { endTime: end } : {}),
      adIds: [],
      sourceAdSetId: source.id,
    }
    call.ads.adSets.set(copy.id, copy)
    targetCampaign.adSetIds.push(copy.id)
    call.state.adSetIds.push(copy.id)
    const mapping: { ad_object_type: string; source_id: string; copied_id: string }[] = [{ ad_object_type: "ad_set", source_id: source.id, copied_id: copy.id }]
    for (const adId of adIds) {
      const ad = call.ads.ads.get(adId)
      if (!ad) continue
      const adCopy = copyAdRecord(call, ad, copy, rename, status === "ACTIVE" ? (ad.status === "ACTIVE" ? "ACTIVE" : "PAUSED") : status, false)
      mapping.push({ ad_object_type: "ad", source_id: ad.id, copied_id: adCopy.id })
    }
    return { copied_adset_id: copy.id, ad_object_ids: mapping }
  })
}

function copyAdRecord(call: AdsCall, source: AdRecord, adSet: AdSetRecord, rename: RenameOptions, status: AdObjectStatus, topLevel: boolean): AdRecord {
  const copy: AdRecord = {
    ...structuredClone(source),
    id: newAdsId(call.ads),
    adSetId: adSet.id,
    campaignId: adSet.campaignId,
    name: renamed(source.name, rename, topLevel),
    status,
    createdAt: call.now,
    updatedAt: call.now,
    sourceAdId: source.id,
  }
  call.ads.ads.set(copy.id, copy)
  adSet.adIds.push(copy.id)
  call.state.adIds.push(copy.id)
  return copy
}

/** POST /{ad_id}/copies → {copied_ad_id}, into the same or another ad set (adset_id). */
export function copyAd(call: AdsCall, source: AdRecord): Record<string, unknown> {
  const adSet = call.params.adset_id !== undefined ? adSetOf(call, text(call.params, "adset_id")) : call.ads.adSets.get(source.adSetId)
  if (!adSet || adSet.status === "DELETED") throw invalid({ title: "Invalid Ad Set", message: "The ad's ad set doesn't exist.", field: "adset_id" })
  if (liveAds(call, adSet) >= MAX_ADS_PER_AD_SET) {
    throw invalid({ title: "Too Many Ads in Ad Set", message: `An ad set can have at most ${MAX_ADS_PER_AD_SET} ads.`, field: "adset_id" })
  }
  const creative = call.ads.creatives.get(source.creativeId)
  if (creative) checkCatalogPairing(adSet, creative)
  const rename = renameOptions(call)
  const status = copyStatus(call, source.status)
  if (isValidateOnly(call.params)) return SUCCESS
  return applyChange(call, () => ({ copied_ad_id: copyAdRecord(call, source, adSet, rename, status, true).id }))
}
