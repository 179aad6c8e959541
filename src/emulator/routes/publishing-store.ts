import { randomBytes } from "node:crypto"
import type { World } from "../world"

/**
 * Organic publishing state (Instagram containers and media, Facebook Page posts, photos, videos and the
 * comments on all of them). It lives beside the world, like the catalog: a reset gives a fresh world and
 * so an empty store with default delays and quotas.
 */

export type ContainerMediaType = "IMAGE" | "VIDEO" | "CAROUSEL" | "REELS" | "STORIES"
/** IG Container status_code (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container). */
export type ContainerStatusCode = "IN_PROGRESS" | "FINISHED" | "ERROR" | "EXPIRED" | "PUBLISHED"
/** The error a container's media failed with, published by media_publish as a Graph error. */
export type MediaError = { code: number; subcode: number; message: string; userTitle?: string }

export type ContainerRecord = {
  id: string
  igUserId: string
  mediaType: ContainerMediaType
  isCarouselItem: boolean
  imageUrl?: string
  videoUrl?: string
  caption?: string
  altText?: string
  children?: string[]
  shareToFeed?: boolean
  coverUrl?: string
  thumbOffset?: number
  /** Instagram product tags as accepted (product item ids; x/y on images only). */
  productTags?: ProductTagRecord[]
  /** Emulator clock (ms): containers expire 24 h after this. */
  createdAt: number
  /** Wall clock (ms) from which the media is processed; set once the fetch check passed. */
  readyAt?: number
  error?: MediaError
  mediaId?: string
}

export type IgMediaRecord = {
  id: string
  igUserId: string
  containerId: string
  caption?: string
  mediaType: "IMAGE" | "VIDEO" | "CAROUSEL_ALBUM"
  mediaProductType: "FEED" | "REELS" | "STORY"
  shortcode: string
  permalink: string
  /** Graph format, e.g. "2026-12-02T10:00:00+0000". */
  timestamp: string
  /** Emulator clock (ms). */
  publishedAt: number
  mediaUrl?: string
  children?: string[]
  /** Album children: the carousel they belong to (not listed on /{ig-user-id}/media). */
  parentId?: string
  /** The product tags the media was published with. */
  productTags?: ProductTagRecord[]
}

export type ProductTagRecord = { product_id: string; x?: number; y?: number }

export type PhotoRecord = {
  id: string
  pageId: string
  url: string
  caption?: string
  published: boolean
  temporary: boolean
  createdAt: number
  /** The feed post the photo was published with or attached to. */
  postId?: string
}

export type VideoRecord = {
  id: string
  pageId: string
  fileUrl: string
  title?: string
  description?: string
  createdAt: number
  postId: string
}

export type PagePostRecord = {
  /** "<page-id>_<post-id>". */
  id: string
  pageId: string
  message?: string
  link?: string
  createdAt: number
  /** published=false posts are unpublished (or scheduled when scheduledPublishTime is set). */
  published: boolean
  /** Unix seconds. */
  scheduledPublishTime?: number
  /** Photo ids (attached_media, or the photo of a published /photos call). */
  attachments: string[]
  videoId?: string
}

export type CommentRecord = {
  id: string
  platform: "instagram" | "facebook"
  /** The IG user or Page whose media or post it is on. */
  ownerId: string
  /** The IG media or Page post the comment is on. */
  objectId: string
  /** Replies: the comment answered. */
  parentId?: string
  message: string
  from: { id: string; name: string }
  createdAt: number
  hidden: boolean
}

export const DEFAULT_CONTAINER_DELAYS = { imageMs: 300, videoMs: 1500 }
/** content_publishing_limit config (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit). */
export const DEFAULT_QUOTA_TOTAL = 50
export const QUOTA_DURATION_SECONDS = 86400

type PublishingWorld = {
  containers: Map<string, ContainerRecord>
  media: Map<string, IgMediaRecord>
  photos: Map<string, PhotoRecord>
  videos: Map<string, VideoRecord>
  posts: Map<string, PagePostRecord>
  comments: Map<string, CommentRecord>
  delays: { imageMs: number; videoMs: number }
  quotaTotals: Map<string, number>
}

const publishingWorlds = new WeakMap<World, PublishingWorld>()

export function publishingOf(world: World): PublishingWorld {
  let state = publishingWorlds.get(world)
  if (!state) {
    state = {
      containers: new Map(),
      media: new Map(),
      photos: new Map(),
      videos: new Map(),
      posts: new Map(),
      comments: new Map(),
      delays: { ...DEFAULT_CONTAINER_DELAYS },
      quotaTotals: new Map(),
    }
    publishingWorlds.set(world, state)
  }
  return state
}

export const DAY_MS = 24 * 3600 * 1000

export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000")
}

/** An Instagram-like shortcode (11 url-safe characters). */
export function newShortcode(): string {
  return randomBytes(8).toString("base64url").slice(0, 11)
}

const isVideoContainer = (c: ContainerRecord) => c.videoUrl !== undefined

export function processingDelay(world: World, container: ContainerRecord): number {
  const { delays } = publishingOf(world)
  return isVideoContainer(container) ? delays.videoMs : delays.imageMs
}

/**
 * A container's status_code: PUBLISHED once published; EXPIRED 24 h after creation (emulator clock);
 * ERROR when its media (or a carousel child's) failed; FINISHED once the fetch check passed and the
 * processing delay (wall clock, so a frozen test clock does not stall it) elapsed; IN_PROGRESS before.
 */
export function containerState(world: World, container: ContainerRecord, nowMs: number): { code: ContainerStatusCode; error?: MediaError } {
  if (container.mediaId) return { code: "PUBLISHED" }
  if (nowMs >= container.createdAt + DAY_MS) return { code: "EXPIRED" }
  if (container.error) return { code: "ERROR", error: container.error }
  if (container.mediaType === "CAROUSEL") {
    const children = (container.children ?? []).map((id) => publishingOf(world).containers.get(id))
    const failed = children.find((c) => c?.error)
    if (failed?.error) return { code: "ERROR", error: failed.error }
    const ready = children.every((c) => c !== undefined && c.readyAt !== undefined && Date.now() >= c.readyAt)
    return { code: ready ? "FINISHED" : "IN_PROGRESS" }
  }
  return { code: container.readyAt !== undefined && Date.now() >= container.readyAt ? "FINISHED" : "IN_PROGRESS" }
}

/** The IG Container `status` text; on ERROR it carries the subcode, as Meta's does. */
export function containerStatusText(state: { code: ContainerStatusCode; error?: MediaError }): string {
  switch (state.code) {
    case "IN_PROGRESS":
      return "In Progress: Media is still being processed."
    case "FINISHED":
      return "Finished: Media has been uploaded and it is ready to be published."
    case "PUBLISHED":
      return "Published: Media has been successfully published."
    case "EXPIRED":
      return "Expired: Media was not published within 24 hours."
    case "ERROR":
      return `Error: Media upload has failed with error code ${state.error?.subcode ?? 2207001}`
  }
}

/** Publishes (media_publish) of the account inside the moving 24 h window. */
export function quotaUsage(world: World, igUserId: string, nowMs: number): number {
  let used = 0
  for (const media of publishingOf(world).media.values()) {
    if (media.igUserId === igUserId && !media.parentId && media.publishedAt > nowMs - QUOTA_DURATION_SECONDS * 1000) used += 1
  }
  return used
}

export function quotaTotal(world: World, igUserId: string): number {
  return publishingOf(world).quotaTotals.get(igUserId) ?? DEFAULT_QUOTA_TOTAL
}

/** A Page post is published when created so, or once its scheduled time has come (emulator clock). */
export function isPostPublished(post: PagePostRecord, nowMs: number): boolean {
  if (post.published) return true
  return post.scheduledPublishTime !== undefined && nowMs >= post.scheduledPublishTime * 1000
}

/** When the post appeared (scheduled posts: their publish time). */
export function postCreatedAt(post: PagePostRecord): number {
  return post.scheduledPublishTime !== undefined ? post.scheduledPublishTime * 1000 : post.createdAt
}

export function pagePostPermalink(post: PagePostRecord): string {
  return `https://www.facebook.com/${post.pageId}/posts/${post.id.split("_")[1]}`
}

/** Comments on an object, and replies to a comment, oldest first. */
export function commentsOn(world: World, objectId: string): CommentRecord[] {
  return [...publishingOf(world).comments.values()]
    .filter((c) => c.objectId === objectId || c.parentId === objectId)
    .sort((a, b) => a.createdAt - b.createdAt || Number(a.id.split("_").pop()) - Number(b.id.split("_").pop()))
}

/**
 * A comment a webhook notification announces (someone else commenting on the store's post or media) is
 * kept too, so the plugin can read, answer and hide it like one made through the API.
 */
export function recordNotifiedComment(
  world: World,
  input: { platform: "instagram" | "facebook"; ownerId: string; objectId: string; commentId: string; message: string; from: { id: string; name: string }; verb: "add" | "edited" | "remove"; nowMs: number }
): void {
  const comments = publishingOf(world).comments
  if (input.verb === "remove") {
    comments.delete(input.commentId)
    return
  }
  const existing = comments.get(input.commentId)
  if (existing) {
    existing.message = input.message
    return
  }
  const media = input.platform === "instagram" ? publishingOf(world).media.get(input.objectId) : undefined
  comments.set(input.commentId, {
    id: input.commentId,
    platform: input.platform,
    ownerId: media?.igUserId ?? input.ownerId,
    objectId: input.objectId,
    message: input.message,
    from: input.from,
    createdAt: input.nowMs,
    hidden: false,
  })
}
