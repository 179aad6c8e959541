import { publishingOf } from "../routes/publishing-store"
import { productSetsOf } from "../routes/catalog"
import type { AdsCall } from "./context"
import { invalid, missingParam } from "./errors"
import { has, isValidateOnly, objectParam, text } from "./params"
import { newAdsId, type CreativeRecord } from "./store"
import { SUCCESS } from "./write"

/**
 * Ad creatives (https://developers.facebook.com/docs/marketing-api/reference/ad-creative): a new story
 * (object_story_spec), an existing Page post (object_story_id "{page_id}_{post_id}", which must be a post
 * of that Page), an Instagram post (source_instagram_media_id, a media of the Instagram account named in
 * instagram_user_id — instagram_actor_id was replaced by it and may not be sent with it), or a catalog
 * template (product_set_id + object_story_spec.template_data).
 */

function pageOfBusiness(call: AdsCall, pageId: string, field: string) {
  const page = call.world.pages[pageId]
  if (!page || page.businessId !== call.account.businessId) {
    throw invalid({ title: "Page Not Available", message: `This ad account can't advertise for the Page ${pageId}.`, field })
  }
  return page
}

function igAccountOfBusiness(call: AdsCall, igUserId: string, field: string) {
  const ig = call.world.igAccounts[igUserId]
  const page = ig ? call.world.pages[ig.pageId] : undefined
  if (!ig || !page || page.businessId !== call.account.businessId) {
    throw invalid({ title: "Instagram Account Not Available", message: `This ad account has no access to the Instagram account ${igUserId}.`, field })
  }
  return ig
}

function noActorWithUser(actor: unknown, user: unknown, prefix: string): void {
  if (actor !== undefined && user !== undefined) {
    throw invalid({
      title: "Instagram Account Set Twice",
      message: "instagram_actor_id has been replaced by instagram_user_id: send only instagram_user_id.",
      field: `${prefix}instagram_actor_id`,
    })
  }
}

function checkLink(value: unknown, field: string): void {
  try {
    const url = new URL(String(value))
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("scheme")
  } catch {
    throw invalid({ title: "Invalid Link", message: `The link ${JSON.stringify(value)} isn't a valid URL.`, field })
  }
}

function checkStorySpec(call: AdsCall, spec: Record<string, unknown>, catalog: boolean): void {
  const pageId = spec.page_id
  if (pageId === undefined) throw missingParam("object_story_spec.page_id")
  pageOfBusiness(call, String(pageId), "object_story_spec.page_id")
  noActorWithUser(spec.instagram_actor_id, spec.instagram_user_id, "object_story_spec.")
  if (spec.instagram_user_id !== undefined) igAccountOfBusiness(call, String(spec.instagram_user_id), "object_story_spec.instagram_user_id")
  const kinds = ["link_data", "photo_data", "video_data", "template_data", "text_data"].filter((k) => spec[k] !== undefined)
  if (kinds.length !== 1) {
    throw invalid({
      title: "Invalid Story Spec",
      message: "object_story_spec needs exactly one of link_data, photo_data, video_data, template_data or text_data.",
      field: "object_story_spec",
    })
  }
  if (kinds[0] === "template_data" && !catalog) {
    throw invalid({ title: "Product Set Required", message: "A template_data creative is a catalog creative: it needs a product_set_id.", field: "product_set_id" })
  }
  const data = spec[kinds[0]] as Record<string, unknown>
  if (kinds[0] === "link_data" || kinds[0] === "template_data") {
    if (!data || typeof data !== "object" || data.link === undefined) throw missingParam(`object_story_spec.${kinds[0]}.link`)
    checkLink(data.link, `object_story_spec.${kinds[0]}.link`)
  }
}

function objectTypeOf(spec: Record<string, unknown> | undefined): CreativeRecord["objectType"] {
  if (spec?.video_data) return "VIDEO"
  if (spec?.photo_data) return "PHOTO"
  if (spec?.text_data) return "STATUS"
  return "SHARE"
}

export function createCreative(call: AdsCall): Record<string, unknown> {
  const { params } = call
  const storyId = text(params, "object_story_id")
  const spec = objectParam(params, "object_story_spec")
  const igMediaId = text(params, "source_instagram_media_id")
  const productSetId = text(params, "product_set_id")
  const assetFeed = objectParam(params, "asset_feed_spec")
  noActorWithUser(params.instagram_actor_id, params.instagram_user_id, "")
  const sources = [storyId, spec, igMediaId].filter((s) => s !== undefined)
  if (sources.length === 0) {
    throw invalid({
      title: "Creative Content Missing",
      message: "A creative needs object_story_spec, object_story_id or source_instagram_media_id.",
      field: "object_story_spec",
    })
  }
  if (sources.length > 1) {
    throw invalid({ title: "Too Many Sources", message: "Use only one of object_story_spec, object_story_id and source_instagram_media_id.", field: "object_story_id" })
  }
  let objectType: CreativeRecord["objectType"] = objectTypeOf(spec)
  if (storyId !== undefined) {
    const match = /^(\d+)_(\d+)$/.exec(storyId)
    if (!match) throw invalid({ title: "Invalid Post", message: `object_story_id must be "{page_id}_{post_id}", got "${storyId}".`, field: "object_story_id" })
    pageOfBusiness(call, match[1], "object_story_id")
    const post = publishingOf(call.world).posts.get(storyId)
    if (!post || post.pageId !== match[1]) {
      throw invalid({ title: "Invalid Post", message: `The post ${storyId} doesn't exist or isn't a post of the Page ${match[1]}.`, field: "object_story_id" })
    }
    objectType = post.videoId ? "VIDEO" : post.attachments.length ? "PHOTO" : post.link ? "SHARE" : "STATUS"
  }
  let instagramUserId = text(params, "instagram_user_id")
  if (igMediaId !== undefined) {
    if (!instagramUserId) {
      throw invalid({ title: "Instagram Account Required", message: "Boosting an Instagram post needs instagram_user_id: the account that posted it.", field: "instagram_user_id" })
    }
    igAccountOfBusiness(call, instagramUserId, "instagram_user_id")
    const media = publishingOf(call.world).media.get(igMediaId)
    if (!media || media.igUserId !== instagramUserId) {
      throw invalid({
        title: "Invalid Instagram Post",
        message: `The Instagram media ${igMediaId} isn't a post of the Instagram account ${instagramUserId}.`,
        field: "source_instagram_media_id",
      })
    }
    objectType = "INSTAGRAM_MEDIA"
  } else if (instagramUserId !== undefined) {
    igAccountOfBusiness(call, instagramUserId, "instagram_user_id")
  }
  if (productSetId !== undefined) {
    const known = Object.values(call.world.catalogs)
      .filter((c) => c.businessId === call.account.businessId)
      .some((c) => productSetsOf(call.world, c.id).some((set) => set.id === productSetId))
    if (!known) throw invalid({ title: "Invalid Product Set", message: `The product set ${productSetId} doesn't exist in a catalog of this business.`, field: "product_set_id" })
  }
  if (spec) {
    checkStorySpec(call, spec, productSetId !== undefined)
    if (spec.instagram_user_id !== undefined) instagramUserId = String(spec.instagram_user_id)
  }
  if (isValidateOnly(params)) return SUCCESS
  const record: CreativeRecord = {
    id: newAdsId(call.ads),
    accountId: call.account.id,
    name: text(params, "name") ?? `Creative ${new Date(call.now).toISOString().slice(0, 10)}`,
    status: "ACTIVE",
    createdAt: call.now,
    objectType,
    ...(storyId !== undefined ? { objectStoryId: storyId } : {}),
    ...(spec ? { objectStorySpec: spec } : {}),
    ...(igMediaId !== undefined ? { sourceInstagramMediaId: igMediaId } : {}),
    ...(instagramUserId !== undefined ? { instagramUserId } : {}),
    ...(productSetId !== undefined ? { productSetId } : {}),
    ...(assetFeed ? { assetFeedSpec: assetFeed } : {}),
    ...(has(params, "url_tags") ? { urlTags: text(params, "url_tags") } : {}),
    ...(has(params, "call_to_action_type") ? { callToActionType: text(params, "call_to_action_type") } : {}),
  }
  call.ads.creatives.set(record.id, record)
  call.state.creativeIds.push(record.id)
  return { id: record.id }
}

/** Creatives are immutable except their name (and DELETED). */
export function updateCreative(call: AdsCall, creative: CreativeRecord): Record<string, unknown> {
  const editable = ["name", "status", "access_token", "appsecret_proof", "execution_options"]
  const other = Object.keys(call.params).find((k) => !editable.includes(k))
  if (other) throw invalid({ title: "Creative Can't Be Edited", message: `A creative's ${other} can't be changed; create a new creative instead.`, field: other })
  const status = text(call.params, "status")
  if (status !== undefined && status !== "ACTIVE" && status !== "DELETED") {
    throw invalid({ title: "Invalid Status", message: "A creative's status can only be ACTIVE or DELETED.", field: "status" })
  }
  if (isValidateOnly(call.params)) return SUCCESS
  const name = text(call.params, "name")
  if (name) creative.name = name
  if (status) creative.status = status as CreativeRecord["status"]
  return SUCCESS
}
