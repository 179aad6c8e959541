import { json, type Reply, type RouteContext } from "../context"
import { GraphApiError, requestErrors } from "../errors"
import { stringParam } from "../http"
import { paginate } from "../paging"
import { allocateObjectId, type PageRecord, type World } from "../world"
import { fetchMedia, imageInfo } from "./media-fetch"
import { authorizePage, ENGAGE_SCOPES, POST_SCOPES, READ_SCOPES, type Access } from "./page-access"
import { addComment, commentNode, listComments } from "./page-comments"
import { reelNode, reelsOf, REEL_EDGES } from "./page-reels"
import { boolParam, fieldsParam, intParam, projectRecord, type Resolvers } from "./publishing-params"
import {
  graphTime,
  isPostPublished,
  pagePostPermalink,
  postCreatedAt,
  publishingOf,
  type PagePostRecord,
  type PhotoRecord,
  type VideoRecord,
} from "./publishing-store"

/**
 * Facebook Page publishing (https://developers.facebook.com/docs/pages-api/posts): feed posts (message,
 * link, attached_media, scheduling), photos (published, or unpublished for attached_media), videos,
 * scheduled posts; comments on posts are in page-comments.ts, who may call in page-access.ts.
 */

const MIN_SCHEDULE_SECONDS = 10 * 60
const MAX_SCHEDULE_SECONDS = 75 * 24 * 3600
const MAX_PHOTO_BYTES = 4 * 1024 * 1024
const MAX_VIDEO_BYTES = 10 * 1024 * 1024 * 1024
const PAGE_IMAGE_TYPES = ["jpg", "png"]

const pageErrors = {
  photoRejected: () =>
    new GraphApiError({
      code: 100,
      subcode: 1366046,
      message: "(#100) Your photo couldn't be uploaded. Photos should be less than 4 MB and saved as JPG or PNG files.",
      userMessage: "Your photo couldn't be uploaded. Photos should be less than 4 MB and saved as JPG or PNG files.",
    }),
  invalidImage: () => new GraphApiError({ code: 324, message: "(#324) Missing or invalid image file" }),
  requiresUploadFile: () => new GraphApiError({ code: 324, message: "(#324) Requires upload file" }),
  photoAlreadyPosted: (id: string) =>
    new GraphApiError({ code: 100, subcode: 1366051, message: `(#100) The photo ${id} has already been posted` }),
  videoUnreachable: () => new GraphApiError({ code: 389, message: "(#389) Unable to fetch video file from URL." }),
  videoFormat: () => new GraphApiError({ code: 352, message: "(#352) Sorry, the video file you selected is in a format that we don't support." }),
  duplicate: () => new GraphApiError({ code: 506, message: "(#506) Duplicate status message" }),
}

function newPost(world: World, page: PageRecord, nowMs: number, fields: Partial<PagePostRecord>): PagePostRecord {
  const post: PagePostRecord = {
    id: `${page.id}_${allocateObjectId(world)}`,
    pageId: page.id,
    createdAt: nowMs,
    published: true,
    attachments: [],
    ...fields,
  }
  publishingOf(world).posts.set(post.id, post)
  for (const photoId of post.attachments) {
    const photo = publishingOf(world).photos.get(photoId)
    if (photo) photo.postId = post.id
  }
  return post
}

// ---- Feed ---------------------------------------------------------------------------------------

function parseJsonish(value: unknown, where: string): unknown {
  if (typeof value !== "string") return value
  try {
    return JSON.parse(value)
  } catch {
    throw requestErrors.invalidParam(`Param ${where} must be JSON like {"media_fbid":"<photo-id>"}`)
  }
}

/** attached_media as a JSON array ([{"media_fbid": …}]), or form style attached_media[0]={…} / attached_media[0][media_fbid]=…. */
function attachedMediaIds(params: Record<string, unknown>): string[] {
  const entries: unknown[] = []
  if (params.attached_media !== undefined && params.attached_media !== "") {
    const list = parseJsonish(params.attached_media, "attached_media")
    if (!Array.isArray(list)) throw requestErrors.invalidParam("Param attached_media must be an array")
    entries.push(...list)
  }
  const indexed = Object.keys(params)
    .map((key) => ({ key, match: /^attached_media\[(\d+)\](?:\[media_fbid\])?$/.exec(key) }))
    .filter((k) => k.match)
    .sort((a, b) => Number(a.match?.[1]) - Number(b.match?.[1]))
  for (const { key } of indexed) {
    entries.push(key.endsWith("[media_fbid]") ? { media_fbid: params[key] } : parseJsonish(params[key], key))
  }
  return entries.map((entry, index) => {
    const id = entry && typeof entry === "object" ? (entry as { media_fbid?: unknown }).media_fbid : undefined
    if (typeof id !== "string" && typeof id !== "number") throw requestErrors.invalidParam(`Param attached_media[${index}] must have a media_fbid`)
    return String(id)
  })
}

function checkAttachments(world: World, page: PageRecord, ids: string[]): void {
  ids.forEach((id, index) => {
    const photo = publishingOf(world).photos.get(id)
    if (!photo || photo.pageId !== page.id || photo.published) {
      throw requestErrors.invalidParam(`attached_media[${index}]: ${id} is not an unpublished photo of this Page`)
    }
    if (photo.postId) throw pageErrors.photoAlreadyPosted(id)
  })
}

function checkSchedule(published: boolean, scheduled: number | undefined, nowMs: number): void {
  if (scheduled === undefined) return
  if (published) throw requestErrors.invalidParam("You cannot specify a scheduled publish time on a published post (set published=false)")
  const ahead = scheduled - Math.floor(nowMs / 1000)
  if (ahead < MIN_SCHEDULE_SECONDS || ahead > MAX_SCHEDULE_SECONDS) throw requestErrors.invalidParam("The specified scheduled publish time is invalid.")
}

function isDuplicate(world: World, page: PageRecord, message: string | undefined, nowMs: number): boolean {
  if (!message) return false
  const latest = [...publishingOf(world).posts.values()]
    .filter((p) => p.pageId === page.id && isPostPublished(p, nowMs))
    .sort((a, b) => postCreatedAt(b) - postCreatedAt(a))[0]
  return latest !== undefined && latest.message === message && !latest.link && latest.attachments.length === 0 && !latest.videoId
}

function createFeedPost(ctx: RouteContext, page: PageRecord): Reply {
  const params = ctx.request.params
  const now = ctx.now()
  const message = stringParam(params, "message") || undefined
  const link = stringParam(params, "link") || undefined
  const attachments = attachedMediaIds(params)
  if (!message && !link && attachments.length === 0) throw requestErrors.invalidParam("Missing message or attachment")
  if (link && !/^https?:\/\/[^\s]+$/i.test(link)) throw requestErrors.invalidParam("Param link must be a valid URL")
  const published = boolParam(params, "published", true)
  const scheduled = intParam(params, "scheduled_publish_time")
  checkSchedule(published, scheduled, now)
  checkAttachments(ctx.world, page, attachments)
  if (published && !link && attachments.length === 0 && isDuplicate(ctx.world, page, message, now)) throw pageErrors.duplicate()
  const post = newPost(ctx.world, page, now, {
    published,
    attachments,
    ...(message ? { message } : {}),
    ...(link ? { link } : {}),
    ...(scheduled !== undefined ? { scheduledPublishTime: scheduled } : {}),
  })
  return json({ id: post.id })
}

function postResolvers(world: World, nowMs: number): Resolvers<PagePostRecord> {
  const store = publishingOf(world)
  const photoAttachment = (id: string) => ({ media_type: "photo", target: { id, url: `https://www.facebook.com/photo.php?fbid=${id}` } })
  return {
    id: (p) => p.id,
    message: (p) => p.message,
    created_time: (p) => graphTime(postCreatedAt(p)),
    updated_time: (p) => graphTime(postCreatedAt(p)),
    permalink_url: (p) => pagePostPermalink(p),
    is_published: (p) => isPostPublished(p, nowMs),
    scheduled_publish_time: (p) => p.scheduledPublishTime,
    from: (p) => ({ id: p.pageId, name: world.pages[p.pageId]?.name }),
    attachments: (p) => {
      if (p.videoId) return { data: [{ media_type: "video", target: { id: p.videoId } }] }
      if (p.attachments.length === 1) return { data: [photoAttachment(p.attachments[0])] }
      if (p.attachments.length > 1) return { data: [{ media_type: "album", subattachments: { data: p.attachments.map(photoAttachment) } }] }
      return p.link ? { data: [{ media_type: "link", url: p.link, unshimmed_url: p.link }] } : { data: [] }
    },
    comments: (p) => ({
      data: [...store.comments.values()].filter((c) => c.objectId === p.id && !c.parentId).map((c) => ({ id: c.id, message: c.message })),
    }),
  }
}

const POST_DEFAULTS = ["created_time", "message", "id"]

function listPosts(ctx: RouteContext, page: PageRecord, scheduled: boolean): Reply {
  const now = ctx.now()
  const rows = [...publishingOf(ctx.world).posts.values()]
    .filter((p) => p.pageId === page.id)
    .filter((p) => (scheduled ? p.scheduledPublishTime !== undefined && !isPostPublished(p, now) : isPostPublished(p, now)))
    .sort((a, b) => postCreatedAt(b) - postCreatedAt(a) || Number(b.id.split("_")[1]) - Number(a.id.split("_")[1]))
  const paged = paginate(rows, (p) => p.id, ctx.request)
  const resolvers = postResolvers(ctx.world, now)
  const fields = fieldsParam(ctx.request.params)
  return json({ ...paged, data: paged.data.map((p) => projectRecord(p, resolvers, fields, POST_DEFAULTS, "Post")) })
}

// ---- Photos and videos --------------------------------------------------------------------------

/** Meta downloads `url` during the call: JPEG or PNG, at most 4 MB. */
async function checkPhoto(url: string): Promise<void> {
  const fetched = await fetchMedia(url, MAX_PHOTO_BYTES)
  if (fetched.kind === "too_large") throw pageErrors.photoRejected()
  if (fetched.kind !== "fetched") throw pageErrors.invalidImage()
  const info = imageInfo(fetched.bytes)
  if (!info) throw pageErrors.invalidImage()
  if (!PAGE_IMAGE_TYPES.includes(info.type)) throw pageErrors.photoRejected()
}

async function createPhoto(ctx: RouteContext, page: PageRecord): Promise<Reply> {
  const params = ctx.request.params
  const url = stringParam(params, "url")
  if (!url) throw pageErrors.requiresUploadFile()
  const published = boolParam(params, "published", true)
  const temporary = boolParam(params, "temporary", false)
  const caption = stringParam(params, "caption") || stringParam(params, "message") || undefined
  await checkPhoto(url)
  const now = ctx.now()
  const photo: PhotoRecord = {
    id: allocateObjectId(ctx.world),
    pageId: page.id,
    url,
    published,
    temporary,
    createdAt: now,
    ...(caption ? { caption } : {}),
  }
  publishingOf(ctx.world).photos.set(photo.id, photo)
  if (!published) return json({ id: photo.id })
  const post = newPost(ctx.world, page, now, { attachments: [photo.id], ...(caption ? { message: caption } : {}) })
  return json({ id: photo.id, post_id: post.id })
}

async function createVideo(ctx: RouteContext, page: PageRecord): Promise<Reply> {
  const params = ctx.request.params
  const fileUrl = stringParam(params, "file_url")
  if (!fileUrl) throw requestErrors.missingParam("file_url")
  const fetched = await fetchMedia(fileUrl, MAX_VIDEO_BYTES, { headersOnly: true })
  if (fetched.kind === "timeout" || fetched.kind === "unreachable") throw pageErrors.videoUnreachable()
  if (fetched.kind === "fetched" && !fetched.contentType.startsWith("video/")) throw pageErrors.videoFormat()
  const now = ctx.now()
  const description = stringParam(params, "description") || undefined
  const title = stringParam(params, "title") || undefined
  const videoId = allocateObjectId(ctx.world)
  const post = newPost(ctx.world, page, now, { videoId, ...(description ? { message: description } : {}) })
  const video: VideoRecord = {
    id: videoId,
    pageId: page.id,
    fileUrl,
    createdAt: now,
    postId: post.id,
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
  }
  publishingOf(ctx.world).videos.set(video.id, video)
  return json({ id: video.id })
}

const PHOTO_RESOLVERS: Resolvers<PhotoRecord> = {
  id: (p) => p.id,
  name: (p) => p.caption,
  created_time: (p) => graphTime(p.createdAt),
  link: (p) => `https://www.facebook.com/photo.php?fbid=${p.id}`,
  page_story_id: (p) => p.postId,
}

const VIDEO_RESOLVERS: Resolvers<VideoRecord> = {
  id: (v) => v.id,
  title: (v) => v.title,
  description: (v) => v.description,
  created_time: (v) => graphTime(v.createdAt),
  permalink_url: (v) => `https://www.facebook.com/${v.pageId}/videos/${v.id}/`,
  post_id: (v) => v.postId,
}

// ---- Routing ------------------------------------------------------------------------------------

type PageHandler = { access: Access; scopes: string[][]; handle: (ctx: RouteContext, page: PageRecord) => Reply | Promise<Reply> }

/** "<METHOD> <edge>" of /{page-id}/{edge}. */
const PAGE_EDGES: Record<string, PageHandler> = {
  "POST feed": { access: "post", scopes: POST_SCOPES, handle: createFeedPost },
  "GET feed": { access: "read", scopes: READ_SCOPES, handle: (ctx, page) => listPosts(ctx, page, false) },
  "GET published_posts": { access: "read", scopes: READ_SCOPES, handle: (ctx, page) => listPosts(ctx, page, false) },
  "GET scheduled_posts": { access: "page_token", scopes: READ_SCOPES, handle: (ctx, page) => listPosts(ctx, page, true) },
  "POST photos": { access: "post", scopes: POST_SCOPES, handle: createPhoto },
  "POST videos": { access: "post", scopes: POST_SCOPES, handle: createVideo },
  "POST video_reels": { access: "post", scopes: POST_SCOPES, handle: REEL_EDGES["POST video_reels"] },
  "GET video_reels": { access: "read", scopes: READ_SCOPES, handle: REEL_EDGES["GET video_reels"] },
}

function postNode(ctx: RouteContext, page: PageRecord, post: PagePostRecord, edge: string | undefined): Reply | undefined {
  const method = ctx.request.method
  if (!edge && method === "GET") {
    authorizePage(ctx, page, post.id, "read", READ_SCOPES)
    return json(projectRecord(post, postResolvers(ctx.world, ctx.now()), fieldsParam(ctx.request.params), POST_DEFAULTS, "Post"))
  }
  if (!edge && method === "DELETE") {
    authorizePage(ctx, page, post.id, "post", POST_SCOPES)
    publishingOf(ctx.world).posts.delete(post.id)
    return json({ success: true })
  }
  if (edge !== "comments") return undefined
  if (method === "GET") {
    authorizePage(ctx, page, post.id, "read", READ_SCOPES)
    return listComments(ctx, (c) => c.objectId === post.id && !c.parentId)
  }
  if (method !== "POST") return undefined
  authorizePage(ctx, page, post.id, "page_token", ENGAGE_SCOPES)
  return addComment(ctx, page, post.id)
}

function mediaNode<R extends { id: string; pageId: string }>(ctx: RouteContext, record: R, resolvers: Resolvers<R>, nodeType: string): Reply | undefined {
  const page = ctx.world.pages[record.pageId]
  if (!page || ctx.request.method !== "GET") return undefined
  authorizePage(ctx, page, record.id, "read", READ_SCOPES)
  return json(projectRecord(record, resolvers, fieldsParam(ctx.request.params), ["id"], nodeType))
}

/** Facebook Page publishing calls, or undefined when the call is not one. */
export function handlePageRoute(ctx: RouteContext): Reply | Promise<Reply> | undefined {
  const [id, edge, ...rest] = ctx.segments
  if (!id || rest.length > 0) return undefined
  const world = ctx.world
  const page = world.pages[id]
  if (page) {
    const handler = edge ? PAGE_EDGES[`${ctx.request.method} ${edge}`] : undefined
    if (!handler) return undefined
    authorizePage(ctx, page, id, handler.access, handler.scopes)
    return handler.handle(ctx, page)
  }
  const store = publishingOf(world)
  const post = store.posts.get(id)
  if (post && world.pages[post.pageId]) return postNode(ctx, world.pages[post.pageId], post, edge)
  const comment = store.comments.get(id)
  if (comment?.platform === "facebook" && world.pages[comment.ownerId]) return commentNode(ctx, world.pages[comment.ownerId], comment, edge)
  if (edge) return undefined
  const photo = store.photos.get(id)
  if (photo) return mediaNode(ctx, photo, PHOTO_RESOLVERS, "Photo")
  const video = store.videos.get(id)
  if (video) return mediaNode(ctx, video, VIDEO_RESOLVERS, "Video")
  const reel = reelsOf(world).get(id)
  if (reel) return reelNode(ctx, reel)
  return undefined
}
