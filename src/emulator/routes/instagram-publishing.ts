import { authenticate } from "../auth"
import { json, type Reply, type RouteContext } from "../context"
import { requestErrors } from "../errors"
import { stringParam } from "../http"
import { paginate } from "../paging"
import { allocateObjectId, type IgAccountRecord, type World } from "../world"
import { authorizeIg, COMMENT_SCOPES, PUBLISH_SCOPES, READ_SCOPES } from "./instagram-access"
import { addComment, commentNode, listComments } from "./instagram-comments"
import { igErrors, mediaErrorToGraph, mediaErrors } from "./instagram-errors"
import { availableCatalogs, catalogProductSearch, containerProductTags, SHOPPING_SCOPES } from "./instagram-shopping"
import { mediaMetricValues } from "./instagram-insights"
import { fetchMedia, imageInfo, isSupportedVideoType } from "./media-fetch"
import { boolParam, charCount, fieldsParam, intParam, listParam, projectRecord, type Resolvers } from "./publishing-params"
import {
  DAY_MS,
  QUOTA_DURATION_SECONDS,
  containerState,
  containerStatusText,
  graphTime,
  newShortcode,
  processingDelay,
  publishingOf,
  quotaTotal,
  quotaUsage,
  type ContainerMediaType,
  type ContainerRecord,
  type IgMediaRecord,
  type MediaError,
} from "./publishing-store"

/**
 * Instagram content publishing (https://developers.facebook.com/docs/instagram-platform/content-publishing):
 * POST /{ig-user-id}/media creates a container that fetches and checks its media asynchronously,
 * GET /{container-id} reads its status, POST /{ig-user-id}/media_publish turns a FINISHED container into
 * IG media, GET /{ig-user-id}/content_publishing_limit reads the moving 24 h quota, and the media's
 * comments (the "first comment", replies, hiding) are kept for the handle.
 */

const MEDIA_TYPES: ContainerMediaType[] = ["IMAGE", "VIDEO", "CAROUSEL", "REELS", "STORIES"]
/** https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media */
const MAX_CAPTION_CHARS = 2200
const MAX_HASHTAGS = 30
const MAX_MENTIONS = 20
const MAX_ALT_TEXT_CHARS = 1000
const MAX_IMAGE_BYTES = 8 * 1024 * 1024
const MIN_ASPECT = 0.8
const MAX_ASPECT = 1.91
const MAX_CONTAINERS_PER_DAY = 400
const MIN_CAROUSEL = 2
const MAX_CAROUSEL = 10
/** Videos are only checked for the type they are served as; no size is read. */
const MAX_VIDEO_BYTES = 1024 * 1024 * 1024

// ---- Containers ---------------------------------------------------------------------------------

function checkCaption(caption: string): void {
  const length = charCount(caption)
  if (length > MAX_CAPTION_CHARS) throw igErrors.captionTooLong(length, MAX_CAPTION_CHARS)
  const hashtags = caption.match(/#[\p{L}\p{N}_]+/gu)?.length ?? 0
  if (hashtags > MAX_HASHTAGS) throw igErrors.tooManyHashtags(hashtags, MAX_HASHTAGS)
  const mentions = caption.match(/(^|[^\w])@[\w.]+/gu)?.length ?? 0
  if (mentions > MAX_MENTIONS) throw igErrors.tooManyMentions(MAX_MENTIONS)
}

function checkUrls(type: ContainerMediaType, imageUrl: string | undefined, videoUrl: string | undefined): void {
  if (type === "IMAGE") {
    if (videoUrl) throw requestErrors.invalidParam("video_url is not supported for media_type IMAGE: use REELS (or VIDEO for a carousel item)")
    if (!imageUrl) throw requestErrors.missingParam("image_url")
  } else if (type === "VIDEO" || type === "REELS") {
    if (imageUrl) throw requestErrors.invalidParam(`image_url is not supported for media_type ${type}: use video_url`)
    if (!videoUrl) throw requestErrors.missingParam("video_url")
  } else if (type === "STORIES") {
    if (imageUrl && videoUrl) throw requestErrors.invalidParam("A story takes either image_url or video_url, not both")
    if (!imageUrl && !videoUrl) throw requestErrors.missingParam("image_url or video_url")
  }
}

function carouselChildren(world: World, ig: IgAccountRecord, ids: string[] | undefined): string[] {
  if (!ids || ids.length < MIN_CAROUSEL || ids.length > MAX_CAROUSEL) throw igErrors.carouselSize()
  if (new Set(ids).size !== ids.length) throw requestErrors.invalidParam("Param children must not repeat a container")
  const containers = publishingOf(world).containers
  for (const id of ids) {
    const child = containers.get(id)
    if (!child || child.igUserId !== ig.id || !child.isCarouselItem || child.mediaId) {
      throw requestErrors.invalidParam(`Param children: ${id} is not an unpublished carousel item (is_carousel_item=true) container of this Instagram account`)
    }
  }
  return ids
}

function containersInWindow(world: World, igUserId: string, nowMs: number): number {
  let count = 0
  for (const c of publishingOf(world).containers.values()) if (c.igUserId === igUserId && c.createdAt > nowMs - DAY_MS) count += 1
  return count
}

function createContainer(ctx: RouteContext, ig: IgAccountRecord): Reply {
  const params = ctx.request.params
  const now = ctx.now()
  if (containersInWindow(ctx.world, ig.id, now) >= MAX_CONTAINERS_PER_DAY) throw igErrors.containerLimit(MAX_CONTAINERS_PER_DAY)
  const rawType = stringParam(params, "media_type")
  const type = (rawType ?? "IMAGE") as ContainerMediaType
  if (!MEDIA_TYPES.includes(type)) throw igErrors.unknownMediaType(String(rawType))
  const isCarouselItem = boolParam(params, "is_carousel_item", false)
  if (type === "VIDEO" && !isCarouselItem) {
    throw igErrors.unknownMediaType("VIDEO", " VIDEO is only for carousel items (is_carousel_item=true); publish videos as REELS.")
  }
  if (isCarouselItem && type !== "IMAGE" && type !== "VIDEO") throw requestErrors.invalidParam(`A ${type} container cannot be a carousel item`)
  const imageUrl = stringParam(params, "image_url") || undefined
  const videoUrl = stringParam(params, "video_url") || undefined
  checkUrls(type, imageUrl, videoUrl)

  const caption = stringParam(params, "caption")
  if (caption !== undefined && caption !== "") {
    if (isCarouselItem) throw requestErrors.invalidParam("Carousel items cannot have a caption: set it on the CAROUSEL container")
    checkCaption(caption)
  }
  if (isCarouselItem && stringParam(params, "location_id")) throw requestErrors.invalidParam("Carousel items cannot have a location_id")
  const altText = stringParam(params, "alt_text")
  if (altText !== undefined && altText !== "") {
    if (type !== "IMAGE") throw requestErrors.invalidParam(`alt_text is only supported for images, not for ${type}`)
    if (charCount(altText) > MAX_ALT_TEXT_CHARS) throw requestErrors.invalidParam(`alt_text must be at most ${MAX_ALT_TEXT_CHARS} characters`)
  }
  const thumbOffset = intParam(params, "thumb_offset")
  if (thumbOffset !== undefined && thumbOffset < 0) throw requestErrors.invalidParam("Param thumb_offset must be a non-negative number of milliseconds")
  const children = type === "CAROUSEL" ? carouselChildren(ctx.world, ig, listParam(params, "children")) : undefined
  const productTags = containerProductTags(ctx.world, authenticate(ctx), ig, params, type, Boolean(videoUrl))

  const container: ContainerRecord = {
    id: allocateObjectId(ctx.world),
    igUserId: ig.id,
    mediaType: type,
    isCarouselItem,
    createdAt: now,
    ...(imageUrl ? { imageUrl } : {}),
    ...(videoUrl ? { videoUrl } : {}),
    ...(caption ? { caption } : {}),
    ...(altText ? { altText } : {}),
    ...(children ? { children } : {}),
    ...(type === "REELS" ? { shareToFeed: boolParam(params, "share_to_feed", true) } : {}),
    ...(stringParam(params, "cover_url") ? { coverUrl: stringParam(params, "cover_url") } : {}),
    ...(thumbOffset !== undefined ? { thumbOffset } : {}),
    ...(productTags ? { productTags } : {}),
  }
  publishingOf(ctx.world).containers.set(container.id, container)
  if (type !== "CAROUSEL") void processContainer(ctx.world, container)
  return json({ id: container.id })
}

async function checkImage(url: string, checkAspect: boolean): Promise<MediaError | undefined> {
  const fetched = await fetchMedia(url, MAX_IMAGE_BYTES)
  if (fetched.kind === "timeout") return mediaErrors.downloadTimeout()
  if (fetched.kind === "unreachable") return mediaErrors.notFetched(url)
  if (fetched.kind === "too_large") return mediaErrors.imageTooLarge()
  const info = imageInfo(fetched.bytes)
  if (!info || info.type !== "jpg") return mediaErrors.imageFormat(info?.type.toUpperCase() ?? (fetched.contentType || "unknown"))
  const ratio = info.width / info.height
  if (checkAspect && (ratio < MIN_ASPECT - 1e-9 || ratio > MAX_ASPECT + 1e-9)) return mediaErrors.aspectRatio(ratio)
  return undefined
}

async function checkVideo(url: string): Promise<MediaError | undefined> {
  const fetched = await fetchMedia(url, MAX_VIDEO_BYTES, { headersOnly: true })
  if (fetched.kind === "timeout") return mediaErrors.downloadTimeout()
  if (fetched.kind === "unreachable") return mediaErrors.notFetched(url)
  if (fetched.kind === "fetched" && !isSupportedVideoType(fetched.contentType)) return mediaErrors.videoFormat()
  return undefined
}

/**
 * Meta fetches the media once the container exists: images must be JPEG, ≤ 8 MiB and (feed images,
 * carousel images; not stories) between 4:5 and 1.91:1; videos MP4 or MOV. A failure turns the
 * container ERROR; otherwise it is FINISHED after the emulator's processing delay.
 */
async function processContainer(world: World, container: ContainerRecord): Promise<void> {
  let error: MediaError | undefined
  try {
    error = container.videoUrl
      ? await checkVideo(container.videoUrl)
      : await checkImage(container.imageUrl ?? "", container.mediaType === "IMAGE")
    if (!error && container.coverUrl) error = await checkImage(container.coverUrl, false)
  } catch {
    error = mediaErrors.notFetched(container.videoUrl ?? container.imageUrl ?? "")
  }
  if (error) container.error = error
  else container.readyAt = Date.now() + processingDelay(world, container)
}

/** IG Container fields (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container). */
function containerResolvers(world: World, nowMs: number): Resolvers<ContainerRecord> {
  return {
    id: (c) => c.id,
    status_code: (c) => containerState(world, c, nowMs).code,
    status: (c) => containerStatusText(containerState(world, c, nowMs)),
    copyright_check_status: (c) => (c.videoUrl ? { matches_found: false, status: "completed" } : undefined),
  }
}

// ---- Publishing ---------------------------------------------------------------------------------

function permalinkOf(type: IgMediaRecord["mediaProductType"], shortcode: string, ig: IgAccountRecord, id: string): string {
  if (type === "REELS") return `https://www.instagram.com/reel/${shortcode}/`
  if (type === "STORY") return `https://www.instagram.com/stories/${ig.username}/${id}/`
  return `https://www.instagram.com/p/${shortcode}/`
}

function newMedia(world: World, ig: IgAccountRecord, container: ContainerRecord, nowMs: number, parentId?: string): IgMediaRecord {
  const productType = container.mediaType === "REELS" ? "REELS" : container.mediaType === "STORIES" ? "STORY" : "FEED"
  const mediaType = container.mediaType === "CAROUSEL" ? "CAROUSEL_ALBUM" : container.videoUrl ? "VIDEO" : "IMAGE"
  const id = allocateObjectId(world)
  const shortcode = newShortcode()
  const media: IgMediaRecord = {
    id,
    igUserId: ig.id,
    containerId: container.id,
    mediaType,
    mediaProductType: productType,
    shortcode,
    permalink: permalinkOf(productType, shortcode, ig, id),
    timestamp: graphTime(nowMs),
    publishedAt: nowMs,
    ...(container.caption ? { caption: container.caption } : {}),
    ...(container.videoUrl ?? container.imageUrl ? { mediaUrl: container.videoUrl ?? container.imageUrl } : {}),
    ...(parentId ? { parentId } : {}),
    ...(container.productTags ? { productTags: container.productTags.map((t) => ({ ...t })) } : {}),
  }
  publishingOf(world).media.set(id, media)
  container.mediaId = id
  return media
}

function publish(ctx: RouteContext, ig: IgAccountRecord): Reply {
  const creationId = stringParam(ctx.request.params, "creation_id")
  if (!creationId) throw requestErrors.missingParam("creation_id")
  const store = publishingOf(ctx.world)
  const container = store.containers.get(creationId)
  if (!container || container.igUserId !== ig.id) throw igErrors.notFound(creationId)
  if (container.isCarouselItem) throw requestErrors.invalidParam("A carousel item is published through its CAROUSEL container")
  const now = ctx.now()
  const state = containerState(ctx.world, container, now)
  if (state.code === "PUBLISHED") throw igErrors.alreadyPublished(creationId)
  if (state.code === "EXPIRED") throw igErrors.expired()
  if (state.code === "ERROR" && state.error) throw mediaErrorToGraph(state.error)
  if (state.code !== "FINISHED") throw igErrors.notReady()
  const usedChild = container.children?.find((id) => store.containers.get(id)?.mediaId)
  if (usedChild) throw requestErrors.invalidParam(`Carousel item ${usedChild} has already been published in another carousel`)
  if (quotaUsage(ctx.world, ig.id, now) >= quotaTotal(ctx.world, ig.id)) throw igErrors.publishLimit()

  const media = newMedia(ctx.world, ig, container, now)
  if (container.children) {
    media.children = container.children.map((childId) => {
      const child = store.containers.get(childId) as ContainerRecord
      return newMedia(ctx.world, ig, child, now, media.id).id
    })
    for (const childId of media.children) {
      const child = store.media.get(childId)
      if (child) child.permalink = media.permalink
    }
  }
  ig.mediaCount += 1
  return json({ id: media.id })
}

function publishingLimit(ctx: RouteContext, ig: IgAccountRecord): Reply {
  const now = ctx.now()
  const row = {
    quota_usage: quotaUsage(ctx.world, ig.id, now),
    config: { quota_total: quotaTotal(ctx.world, ig.id), quota_duration: QUOTA_DURATION_SECONDS },
  }
  const resolvers: Resolvers<typeof row> = { quota_usage: (r) => r.quota_usage, config: (r) => r.config }
  const body = projectRecord(row, resolvers, fieldsParam(ctx.request.params), ["quota_usage"], "ContentPublishingLimit")
  return json({ data: [body] })
}

// ---- Media -------------------------------------------------------------------------------

function mediaResolvers(world: World): Resolvers<IgMediaRecord> {
  const store = publishingOf(world)
  const resolvers: Resolvers<IgMediaRecord> = {
    id: (m) => m.id,
    caption: (m) => m.caption,
    media_type: (m) => m.mediaType,
    media_product_type: (m) => m.mediaProductType,
    media_url: (m) => m.mediaUrl,
    permalink: (m) => m.permalink,
    shortcode: (m) => m.shortcode,
    timestamp: (m) => m.timestamp,
    // The same likes the media's insights report (Meta's like_count and the `likes` metric agree for organic posts).
    like_count: (m) => {
      const ig = world.igAccounts[m.igUserId]
      const likes = ig ? mediaMetricValues(world, m, ig, Date.now()).likes : 0
      return typeof likes === "number" ? likes : 0
    },
    comments_count: (m) => [...store.comments.values()].filter((c) => c.objectId === m.id).length,
    is_comment_enabled: () => true,
    username: (m) => world.igAccounts[m.igUserId]?.username,
    owner: (m) => ({ id: m.igUserId }),
    children: (m, children) =>
      m.children
        ? {
            data: m.children
              .map((id) => store.media.get(id))
              .filter((c): c is IgMediaRecord => c !== undefined)
              .map((c) => projectRecord(c, resolvers, children, ["id"], "IGMedia")),
          }
        : undefined,
  }
  return resolvers
}

function listMedia(ctx: RouteContext, ig: IgAccountRecord, stories: boolean): Reply {
  const now = ctx.now()
  const rows = [...publishingOf(ctx.world).media.values()]
    .filter((m) => m.igUserId === ig.id && !m.parentId)
    .filter((m) => (stories ? m.mediaProductType === "STORY" && m.publishedAt > now - DAY_MS : m.mediaProductType !== "STORY"))
    .sort((a, b) => b.publishedAt - a.publishedAt || Number(b.id) - Number(a.id))
  const page = paginate(rows, (m) => m.id, ctx.request)
  const resolvers = mediaResolvers(ctx.world)
  const fields = fieldsParam(ctx.request.params)
  return json({ ...page, data: page.data.map((m) => projectRecord(m, resolvers, fields, ["id"], "IGMedia")) })
}

// ---- Routing ------------------------------------------------------------------------------------

type IgHandler = { scopes: string[][]; handle: (ctx: RouteContext, ig: IgAccountRecord) => Reply }

/** "<METHOD> <edge>" of /{ig-user-id}/{edge}. */
const IG_USER_EDGES: Record<string, IgHandler> = {
  "POST media": { scopes: PUBLISH_SCOPES, handle: createContainer },
  "GET media": { scopes: READ_SCOPES, handle: (ctx, ig) => listMedia(ctx, ig, false) },
  "GET stories": { scopes: READ_SCOPES, handle: (ctx, ig) => listMedia(ctx, ig, true) },
  "POST media_publish": { scopes: PUBLISH_SCOPES, handle: publish },
  "GET content_publishing_limit": { scopes: PUBLISH_SCOPES, handle: publishingLimit },
  "GET available_catalogs": { scopes: SHOPPING_SCOPES, handle: availableCatalogs },
  "GET catalog_product_search": { scopes: SHOPPING_SCOPES, handle: catalogProductSearch },
}

function mediaNode(ctx: RouteContext, media: IgMediaRecord, owner: IgAccountRecord, edge: string | undefined): Reply | undefined {
  const method = ctx.request.method
  if (!edge && method === "GET") {
    authorizeIg(ctx, owner, media.id, READ_SCOPES)
    return json(projectRecord(media, mediaResolvers(ctx.world), fieldsParam(ctx.request.params), ["id"], "IGMedia"))
  }
  if (edge === "product_tags" && method === "GET") {
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/product_tags
    authorizeIg(ctx, owner, media.id, SHOPPING_SCOPES)
    return json({ data: (media.productTags ?? []).map((t) => ({ product_id: Number(t.product_id), ...(t.x !== undefined ? { x: t.x, y: t.y } : {}), review_status: "approved" })) })
  }
  if (edge !== "comments" || (method !== "GET" && method !== "POST")) return undefined
  authorizeIg(ctx, owner, media.id, COMMENT_SCOPES)
  if (method === "POST") return addComment(ctx, owner, media.id)
  return listComments(ctx, (c) => c.objectId === media.id && !c.parentId)
}

/** Instagram publishing calls, or undefined when the call is not one. */
export function handleInstagramRoute(ctx: RouteContext): Reply | undefined {
  const [id, edge, ...rest] = ctx.segments
  if (!id || rest.length > 0) return undefined
  const world = ctx.world
  const ig = world.igAccounts[id]
  if (ig) {
    const handler = edge ? IG_USER_EDGES[`${ctx.request.method} ${edge}`] : undefined
    if (!handler) return undefined
    authorizeIg(ctx, ig, ig.id, handler.scopes)
    return handler.handle(ctx, ig)
  }
  const store = publishingOf(world)
  const method = ctx.request.method

  const container = store.containers.get(id)
  if (container && !edge && method === "GET") {
    const owner = world.igAccounts[container.igUserId]
    if (!owner) return undefined
    authorizeIg(ctx, owner, id, READ_SCOPES)
    return json(projectRecord(container, containerResolvers(world, ctx.now()), fieldsParam(ctx.request.params), ["id"], "IGContainer"))
  }

  const media = store.media.get(id)
  const mediaOwner = media ? world.igAccounts[media.igUserId] : undefined
  if (media && mediaOwner) return mediaNode(ctx, media, mediaOwner, edge)

  const comment = store.comments.get(id)
  const commentOwner = comment?.platform === "instagram" ? world.igAccounts[comment.ownerId] : undefined
  if (comment && commentOwner) return commentNode(ctx, comment, commentOwner, edge)
  return undefined
}
