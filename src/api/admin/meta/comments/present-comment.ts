import { type CommentPublication, commentPost } from "../../../../lib/webhooks"
import type { MetaComment } from "../../../../types/http/webhooks"

type DateLike = Date | string | null

type CommentRow = {
  id: string
  comment_id: string
  platform: MetaComment["platform"]
  kind: MetaComment["kind"]
  media_id: string | null
  parent_id: string | null
  publication_id: string | null
  author_id: string | null
  author_name: string | null
  text: string | null
  created_time: DateLike
  read_at: DateLike
  hidden_at: DateLike
  connection_id: string | null
  created_at: Date | string
  updated_at: Date | string
  deleted_at: DateLike
}

const iso = (value: DateLike) => (value ? new Date(value).toISOString() : null)

/** A comment or mention for the admin: every column of the row, times as ISO strings, and its post. */
export function presentComment(row: CommentRow, publication: CommentPublication | null): MetaComment {
  return {
    id: row.id,
    comment_id: row.comment_id,
    platform: row.platform,
    kind: row.kind,
    media_id: row.media_id,
    parent_id: row.parent_id,
    publication_id: row.publication_id,
    author_id: row.author_id,
    author_name: row.author_name,
    text: row.text,
    created_time: iso(row.created_time),
    read_at: iso(row.read_at),
    hidden_at: iso(row.hidden_at),
    connection_id: row.connection_id,
    post: commentPost(row, publication),
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    deleted_at: iso(row.deleted_at),
  }
}
