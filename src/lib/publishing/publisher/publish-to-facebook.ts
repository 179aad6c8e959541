import { findPublishedPost, type RecentPost } from "./find-published-post"
import { finishPublished, leasedPersist, underLease, type Persist } from "./lease"
import type { GraphPort, PublicationWork, PublishOutcome, SaveProgress } from "./types"

/**
 * Facebook Page posts with the Page token: text/link posts and photos (`/{page-id}/feed`, `/photos`),
 * multi-photo posts (unpublished photos attached with `attached_media`) and videos (`/videos`).
 * https://developers.facebook.com/docs/pages-api/posts
 * As on Instagram, `publish_requested_at` is saved before the call that makes the post public; a
 * repeat after a lost answer looks through the Page's newest posts before posting again.
 */

function message(work: PublicationWork): string | undefined {
  const parts = [work.caption?.trim()].filter(Boolean)
  return parts.length ? parts.join("\n\n") : undefined
}

export async function publishToFacebook(
  graph: GraphPort,
  pageId: string,
  work: PublicationWork,
  save: SaveProgress,
  now: () => Date
): Promise<PublishOutcome> {
  const persist = leasedPersist(work, save)
  return underLease(async () => {
    if (!work.meta_post_id && work.publish_requested_at) {
      const found = await lookForPost(graph, pageId, work)
      await persist(found ? { meta_post_id: found.id, permalink: found.permalink_url ?? null } : { publish_requested_at: null })
    }
    if (!work.meta_post_id) {
      if (work.kind === "facebook_multi_photo") await uploadUnpublishedPhotos(graph, pageId, work, persist)
      await persist({ publish_requested_at: now() })
      const postId = await publish(graph, pageId, work)
      await persist({ meta_post_id: postId })
    }
    return finishPublished(graph, work, persist, "permalink_url")
  })
}

/** Unpublished photos are invisible until attached, so one made twice costs nothing; each id is kept. */
async function uploadUnpublishedPhotos(
  graph: GraphPort,
  pageId: string,
  work: PublicationWork,
  persist: Persist
) {
  const photos = [...(work.photo_ids ?? [])]
  for (const media of work.media.slice(photos.length)) {
    const photo = await graph.post<{ id: string }>(`${pageId}/photos`, { url: media.url, published: false })
    photos.push(photo.id)
    await persist({ photo_ids: photos })
  }
}

async function publish(graph: GraphPort, pageId: string, work: PublicationWork): Promise<string> {
  const text = message(work)
  switch (work.kind) {
    case "facebook_photo": {
      const photo = await graph.post<{ id: string; post_id?: string }>(`${pageId}/photos`, {
        url: work.media[0].url,
        ...(text ? { caption: text } : {}),
        published: true,
      })
      return photo.post_id ?? photo.id
    }
    case "facebook_video": {
      const video = await graph.post<{ id: string }>(`${pageId}/videos`, {
        file_url: work.media[0].url,
        ...(text ? { description: text } : {}),
      })
      return video.id
    }
    case "facebook_multi_photo": {
      const post = await graph.post<{ id: string }>(`${pageId}/feed`, {
        ...(text ? { message: text } : {}),
        attached_media: (work.photo_ids ?? []).map((id) => ({ media_fbid: id })),
      })
      return post.id
    }
    default: {
      const post = await graph.post<{ id: string }>(`${pageId}/feed`, {
        ...(text ? { message: text } : {}),
        ...(work.link_url ? { link: work.link_url } : {}),
      })
      return post.id
    }
  }
}

async function lookForPost(graph: GraphPort, pageId: string, work: PublicationWork): Promise<RecentPost | null> {
  const recent = await graph.get<{ data: RecentPost[] }>(`${pageId}/feed`, {
    fields: "id,message,created_time,permalink_url",
    limit: 25,
  })
  return findPublishedPost(recent.data ?? [], { text: message(work) ?? null, requestedAt: work.publish_requested_at as Date | string })
}
