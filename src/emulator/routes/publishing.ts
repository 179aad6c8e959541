import type { Reply, RouteContext } from "../context"
import type { EmulatorState } from "../emulator-state"
import { handleInstagramRoute } from "./instagram-publishing"
import { setShop, type ShopSettings } from "./instagram-shopping"
import { handlePageRoute } from "./page-publishing"
import { handleReelUpload, isReelUpload, reelsOf, type ReelRecord } from "./page-reels"
import {
  commentsOn,
  containerState,
  containerStatusText,
  graphTime,
  isPostPublished,
  pagePostPermalink,
  postCreatedAt,
  publishingOf,
  type CommentRecord,
  type ContainerRecord,
  type ContainerStatusCode,
  type IgMediaRecord,
  type PagePostRecord,
  type PhotoRecord,
} from "./publishing-store"

/**
 * Organic publishing: Instagram content publishing
 * (https://developers.facebook.com/docs/instagram-platform/content-publishing) and Facebook Page posts
 * (https://developers.facebook.com/docs/pages-api/posts), with the handle tests read them through.
 */

/** Publishing calls, or undefined when the call is not one (the other routes answer it). */
export function handlePublishingRoute(ctx: RouteContext): Reply | Promise<Reply> | undefined {
  if (isReelUpload(ctx)) return handleReelUpload(ctx)
  return handleInstagramRoute(ctx) ?? handlePageRoute(ctx)
}

/** An IG container as the handle shows it: the stored record plus its status now. */
export type EmulatedContainer = Omit<ContainerRecord, "readyAt"> & { statusCode: ContainerStatusCode; status: string }
export type EmulatedIgMedia = IgMediaRecord
export type EmulatedPagePost = PagePostRecord & { isPublished: boolean; createdTime: string; permalinkUrl: string }
export type EmulatedPagePhoto = PhotoRecord
export type EmulatedComment = CommentRecord

/** What the emulator holds of organic publishing; `reset()` empties it and restores the defaults. */
export class EmulatorPublishing {
  constructor(private readonly state: EmulatorState) {}

  private get store() {
    return publishingOf(this.state.world)
  }

  /** Containers of an IG user (all when omitted), oldest first, with status_code/status as Graph reads them now. */
  containers(igUserId?: string): EmulatedContainer[] {
    const world = this.state.world
    const now = this.state.now()
    return [...this.store.containers.values()]
      .filter((c) => igUserId === undefined || c.igUserId === igUserId)
      .map(({ readyAt, ...c }) => {
        const status = containerState(world, { ...c, readyAt }, now)
        return { ...c, ...(c.children ? { children: [...c.children] } : {}), statusCode: status.code, status: containerStatusText(status) }
      })
  }

  /** Published IG media of an IG user (all when omitted), newest first; carousel children only via `children`. */
  media(igUserId?: string): EmulatedIgMedia[] {
    return [...this.store.media.values()]
      .filter((m) => !m.parentId && (igUserId === undefined || m.igUserId === igUserId))
      .sort((a, b) => b.publishedAt - a.publishedAt || Number(b.id) - Number(a.id))
      .map((m) => ({ ...m, ...(m.children ? { children: [...m.children] } : {}) }))
  }

  /** One IG media by id, carousel children included (their product tags are theirs, not the album's). */
  mediaById(id: string): EmulatedIgMedia | undefined {
    const m = this.store.media.get(id)
    return m ? { ...m, ...(m.children ? { children: [...m.children] } : {}) } : undefined
  }

  /**
   * The IG account's Instagram Shop for product tagging: eligible or not, the catalogs it sells from
   * (default: its Page's business catalogs) and review statuses per retailer id (default approved).
   */
  setShop(igUserId: string, settings: ShopSettings): void {
    if (!this.state.world.igAccounts[igUserId]) throw new Error(`No Instagram account "${igUserId}" in the emulator world`)
    setShop(this.state.world, igUserId, settings)
  }

  /** Posts of a Page (all when omitted), published, scheduled and unpublished, newest first. */
  pagePosts(pageId?: string): EmulatedPagePost[] {
    const now = this.state.now()
    return [...this.store.posts.values()]
      .filter((p) => pageId === undefined || p.pageId === pageId)
      .sort((a, b) => postCreatedAt(b) - postCreatedAt(a))
      .map((p) => ({
        ...p,
        attachments: [...p.attachments],
        isPublished: isPostPublished(p, now),
        createdTime: graphTime(postCreatedAt(p)),
        permalinkUrl: pagePostPermalink(p),
      }))
  }

  /** Reels of a Page (all when omitted), in every state (uploading, published, draft), oldest first. */
  reels(pageId?: string): ReelRecord[] {
    return [...reelsOf(this.state.world).values()].filter((r) => pageId === undefined || r.pageId === pageId).map((r) => ({ ...r }))
  }

  /** Photos uploaded to a Page (all when omitted), published or not. */
  pagePhotos(pageId?: string): EmulatedPagePhoto[] {
    return [...this.store.photos.values()].filter((p) => pageId === undefined || p.pageId === pageId).map((p) => ({ ...p }))
  }

  /** Comments on an IG media or Page post, replies included (or the replies to a comment), oldest first. */
  comments(objectId: string): EmulatedComment[] {
    return commentsOn(this.state.world, objectId).map((c) => ({ ...c, from: { ...c.from } }))
  }

  /** How long a container stays IN_PROGRESS after its media checked out (defaults 300 ms images, 1500 ms videos). */
  setContainerDelays(delays: { imageMs?: number; videoMs?: number }): void {
    for (const value of [delays.imageMs, delays.videoMs]) {
      if (value !== undefined && (!Number.isFinite(value) || value < 0)) throw new Error("Container delays must be non-negative milliseconds")
    }
    Object.assign(this.store.delays, {
      ...(delays.imageMs !== undefined ? { imageMs: delays.imageMs } : {}),
      ...(delays.videoMs !== undefined ? { videoMs: delays.videoMs } : {}),
    })
  }

  /** content_publishing_limit quota_total of an IG user (default 50 per moving 24 h). */
  setPublishingQuota(igUserId: string, total: number): void {
    if (!this.state.world.igAccounts[igUserId]) throw new Error(`No Instagram account "${igUserId}" in the emulator world`)
    if (!Number.isInteger(total) || total < 0) throw new Error("The publishing quota must be a non-negative integer")
    this.store.quotaTotals.set(igUserId, total)
  }
}
