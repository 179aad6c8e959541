import { productTagsParam } from "../product-tags"
import { findPublishedPost, type RecentPost } from "./find-published-post"
import { finishPublished, leasedPersist, underLease, type Persist } from "./lease"
import { ContainerError, LostLeaseError, type GraphPort, type PublicationWork, type PublishOutcome, type SaveProgress } from "./types"

/**
 * Instagram content publishing, one step at a time and safe to repeat:
 * container(s) → wait for FINISHED → media_publish → permalink → first comment.
 * https://developers.facebook.com/docs/instagram-platform/content-publishing
 * Every id is saved the moment it exists; `publish_requested_at` is saved before media_publish, so a
 * repeat after a lost answer looks for the post (container PUBLISHED, the account's newest media)
 * instead of publishing a second one. The container may be made minutes ahead of the due time
 * (prepareInstagramContainer); media_publish happens only in publishToInstagram, once the post is due.
 */

type ContainerStatus = { id: string; status_code?: "IN_PROGRESS" | "FINISHED" | "ERROR" | "EXPIRED" | "PUBLISHED"; status?: string }

export type InstagramPublishOptions = {
  /** How long one call keeps polling a container before handing back "not_ready". */
  pollBudgetMs: number
  pollDelayMs: (poll: number) => number
  sleep: (ms: number) => Promise<void>
  now: () => Date
  /** Told each time Meta's quota is read, so the admin shows it. */
  onQuota?: (quota: { usage: number; total: number; duration: number }) => Promise<void>
}

const MEDIA_TYPE: Record<string, string | undefined> = {
  instagram_image: undefined,
  instagram_reel: "REELS",
  instagram_story: "STORIES",
}

function isVideo(media: PublicationWork["media"][number]): boolean {
  return media.type === "video" || /\.(mp4|mov)(\?|$)/i.test(media.url)
}

function containerParams(work: PublicationWork): Record<string, unknown> {
  const [media] = work.media
  const params: Record<string, unknown> = {}
  const type = MEDIA_TYPE[work.kind]
  if (type) params.media_type = type
  if (isVideo(media)) params.video_url = media.url
  else params.image_url = media.url
  // Stories take no caption; alt text is for images only (reference: ig-user/media, alt_text).
  if (work.kind !== "instagram_story" && work.caption) params.caption = work.caption
  if (work.kind === "instagram_reel") params.share_to_feed = true
  if (work.kind === "instagram_image" && media.alt_text) params.alt_text = media.alt_text
  Object.assign(params, tagParams(work.kind, media))
  return params
}

/**
 * Product tags on an image, a reel or a carousel child (never on stories or the carousel parent):
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media (product_tags)
 * https://developers.facebook.com/docs/instagram-platform/shopping-api/product-tagging
 * Positions go with images only; Meta refuses x/y on videos (2207035).
 */
function tagParams(kind: string, media: PublicationWork["media"][number]): Record<string, unknown> {
  if (kind === "instagram_story" || !media.product_tags?.length) return {}
  const tags = isVideo(media) ? media.product_tags.map(({ product_id }) => ({ product_id })) : media.product_tags
  const param = productTagsParam(tags)
  return param ? { product_tags: param } : {}
}

function subcodeOf(status: string | undefined): number | undefined {
  const match = status?.match(/(\d{7})/)
  return match ? Number(match[1]) : undefined
}

export async function publishToInstagram(
  graph: GraphPort,
  igUserId: string,
  work: PublicationWork,
  save: SaveProgress,
  options: InstagramPublishOptions
): Promise<PublishOutcome> {
  const persist = leasedPersist(work, save)
  return underLease(async () => {
    if (!work.meta_post_id && work.publish_requested_at) {
      const found = await lookForPublishedMedia(graph, igUserId, work)
      if (found === "expired") await persist({ container_id: null, child_container_ids: null, publish_requested_at: null })
      else if (found) await persist({ meta_post_id: found.id, permalink: found.permalink ?? null })
      else await persist({ publish_requested_at: null })
    }
    if (!work.meta_post_id) {
      const ready = await makeContainerReady(graph, igUserId, work, persist, options)
      if (ready !== "finished") return ready
      const limit = await publishingLimit(graph, igUserId)
      if (limit) await options.onQuota?.(limit)
      if (limit && limit.usage >= limit.total) return { outcome: "quota_used", usage: limit.usage, total: limit.total }
      await persist({ publish_requested_at: options.now() })
      const published = await graph.post<{ id: string }>(`${igUserId}/media_publish`, { creation_id: work.container_id })
      await persist({ meta_post_id: published.id })
    }
    return finishPublished(graph, work, persist, "permalink")
  })
}

/**
 * Makes the container(s) ahead of the due time and nothing more: the publisher polls and publishes them at
 * the due time. Ids are saved as they come (a carousel's children first), under the preparation's lease;
 * an edit or a cancel meanwhile refuses the write and ends it ("aborted").
 */
export async function prepareInstagramContainer(
  graph: GraphPort,
  igUserId: string,
  work: PublicationWork,
  save: SaveProgress
): Promise<"prepared" | "aborted"> {
  try {
    await createContainer(graph, igUserId, work, leasedPersist(work, save))
    return "prepared"
  } catch (error) {
    if (error instanceof LostLeaseError) return "aborted"
    throw error
  }
}

/** Creates the container unless it exists: a carousel's children first (those not made yet), then the parent. */
async function createContainer(graph: GraphPort, igUserId: string, work: PublicationWork, persist: Persist): Promise<void> {
  if (work.container_id) return
  if (work.kind === "instagram_carousel") {
    const children = [...(work.child_container_ids ?? [])]
    for (const media of work.media.slice(children.length)) {
      const child = await graph.post<{ id: string }>(`${igUserId}/media`, {
        is_carousel_item: true,
        ...(isVideo(media) ? { media_type: "VIDEO", video_url: media.url } : { image_url: media.url }),
        ...(media.alt_text && !isVideo(media) ? { alt_text: media.alt_text } : {}),
        ...tagParams(work.kind, media),
      })
      children.push(child.id)
      await persist({ child_container_ids: children })
    }
    const parent = await graph.post<{ id: string }>(`${igUserId}/media`, {
      media_type: "CAROUSEL",
      children: children.join(","),
      ...(work.caption ? { caption: work.caption } : {}),
    })
    await persist({ container_id: parent.id })
  } else {
    const container = await graph.post<{ id: string }>(`${igUserId}/media`, containerParams(work))
    await persist({ container_id: container.id })
  }
}

/** Creates the container (a carousel's children first) unless it was made already, then polls it within the budget. */
async function makeContainerReady(
  graph: GraphPort,
  igUserId: string,
  work: PublicationWork,
  persist: Persist,
  options: InstagramPublishOptions
): Promise<"finished" | PublishOutcome> {
  for (let fresh = 0; fresh < 2; fresh++) {
    await createContainer(graph, igUserId, work, persist)
    const started = Date.now()
    for (let poll = 0; ; poll++) {
      const status = await graph.get<ContainerStatus>(work.container_id as string, { fields: "id,status_code,status" })
      if (status.status_code === "FINISHED") return "finished"
      if (status.status_code === "PUBLISHED") {
        // Published by an earlier attempt whose publish_requested_at never got written: look for it.
        await persist({ publish_requested_at: options.now() })
        const found = await lookForPublishedMedia(graph, igUserId, work)
        if (found && found !== "expired") {
          await persist({ meta_post_id: found.id, permalink: found.permalink ?? null })
          return "finished"
        }
        throw new ContainerError("Instagram reports the post as published but it is not among the account's media.", undefined, work.container_id as string)
      }
      if (status.status_code === "EXPIRED") {
        // Containers live 24 h; a fresh one is the documented way on.
        await persist({ container_id: null, child_container_ids: null })
        break
      }
      if (status.status_code === "ERROR") {
        throw new ContainerError(status.status ?? "Instagram could not process the media.", subcodeOf(status.status), work.container_id as string)
      }
      const delay = options.pollDelayMs(poll)
      if (Date.now() - started + delay > options.pollBudgetMs) return { outcome: "not_ready", retryInMs: delay }
      await options.sleep(delay)
    }
  }
  return { outcome: "not_ready", retryInMs: options.pollDelayMs(0) }
}

/** The container's state says whether media_publish took effect; the newest media say which post it made. */
async function lookForPublishedMedia(
  graph: GraphPort,
  igUserId: string,
  work: PublicationWork
): Promise<RecentPost | "expired" | null> {
  if (!work.container_id) return null
  const status = await graph.get<ContainerStatus>(work.container_id, { fields: "id,status_code" })
  if (status.status_code === "EXPIRED") return "expired"
  if (status.status_code !== "PUBLISHED") return null
  // Stories are listed on their own edge, not among the account's media
  // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/stories).
  const edge = work.kind === "instagram_story" ? "stories" : "media"
  const recent = await graph.get<{ data: RecentPost[] }>(`${igUserId}/${edge}`, {
    fields: "id,caption,timestamp,permalink",
    limit: 25,
  })
  return findPublishedPost(recent.data ?? [], {
    text: work.kind === "instagram_story" ? null : work.caption,
    requestedAt: work.publish_requested_at as Date | string,
  })
}

/** `content_publishing_limit`, read every time (Meta's documented limit differs between its own pages). */
export async function publishingLimit(
  graph: GraphPort,
  igUserId: string
): Promise<{ usage: number; total: number; duration: number } | null> {
  const answer = await graph.get<{ data?: { quota_usage?: number; config?: { quota_total?: number; quota_duration?: number } }[] }>(
    `${igUserId}/content_publishing_limit`,
    { fields: "quota_usage,config" }
  )
  const [row] = answer.data ?? []
  if (!row || typeof row.quota_usage !== "number" || typeof row.config?.quota_total !== "number") return null
  return { usage: row.quota_usage, total: row.config.quota_total, duration: row.config.quota_duration ?? 86400 }
}
