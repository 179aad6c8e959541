import type { MetaCommentPost } from "../../types/http/webhooks"

/** What the admin needs of the publication a comment's post is (when the store published it). */
export type CommentPublication = { id: string; caption: string | null; permalink: string | null; account_id: string | null }

/** Long enough to recognise a post by its caption, short enough for a table cell. */
const TITLE_LENGTH = 60

function titleOf(caption: string | null): string | null {
  const text = caption?.replace(/\s+/g, " ").trim()
  if (!text) return null
  return text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : text
}

/**
 * The post a comment is on. A Page post id reads "<page-id>_<post-id>", which facebook.com opens
 * (https://developers.facebook.com/docs/graph-api/reference/post/); an Instagram media's permalink is only
 * known for the store's own publications (Meta gives it with the media, not with the comment).
 */
export function commentPost(
  row: { platform: "facebook" | "instagram"; media_id: string | null },
  publication: CommentPublication | null
): MetaCommentPost {
  const facebookPost = row.platform === "facebook" && row.media_id && /^\d+_\d+$/.test(row.media_id) ? row.media_id : null
  return {
    publication_id: publication?.id ?? null,
    title: titleOf(publication?.caption ?? null),
    account_id: publication?.account_id ?? null,
    permalink: publication?.permalink ?? (facebookPost ? `https://www.facebook.com/${facebookPost}` : null),
  }
}
