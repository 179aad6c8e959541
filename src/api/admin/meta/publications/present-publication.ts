import type {
  MetaPublication,
  MetaPublicationError,
  MetaPublicationIssue,
  MetaPublicationMedia,
  MetaPublicationProductTag,
} from "../../../../types/http/publishing"

type PublicationRow = Record<string, unknown> & { id: string }

/** What Date#toISOString writes; the calendar's rows arrive so from PostgreSQL and pass as they are. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

const iso = (value: unknown) => {
  if (!value) return null
  if (typeof value === "string" && ISO_UTC.test(value)) return value
  return (value instanceof Date ? value : new Date(value as string)).toISOString()
}

/** A publication as the API answers it: no lease internals, times as ISO strings. */
export function presentPublication(row: PublicationRow): MetaPublication {
  return {
    id: row.id,
    account_id: row.account_id as string,
    kind: row.kind as MetaPublication["kind"],
    status: row.status as MetaPublication["status"],
    caption: (row.caption as string | null) ?? null,
    media: ((row.media as MetaPublicationMedia[] | null) ?? []).map((m) => ({
      url: m.url,
      alt_text: m.alt_text ?? null,
      type: m.type ?? null,
      mime: m.mime ?? null,
      width: m.width ?? null,
      height: m.height ?? null,
      bytes: m.bytes ?? null,
      duration_seconds: m.duration_seconds ?? null,
    })),
    product_ids: (row.product_ids as string[] | null) ?? [],
    product_tags: (row.product_tags as MetaPublicationProductTag[] | null) ?? [],
    publish_warnings: (row.publish_warnings as MetaPublicationIssue[] | null) ?? [],
    link_url: (row.link_url as string | null) ?? null,
    first_comment: (row.first_comment as string | null) ?? null,
    // "" marks a first comment that was tried once and failed (it is never repeated).
    first_comment_id: (row.first_comment_id as string | null) || null,
    scheduled_at: iso(row.scheduled_at),
    published_at: iso(row.published_at),
    container_id: (row.container_id as string | null) ?? null,
    meta_post_id: (row.meta_post_id as string | null) ?? null,
    permalink: (row.permalink as string | null) ?? null,
    attempts: Number(row.attempts ?? 0),
    next_attempt_at: iso(row.next_attempt_at),
    last_error: (row.last_error as MetaPublicationError | null) ?? null,
    created_at: iso(row.created_at) as string,
    updated_at: iso(row.updated_at) as string,
  }
}
