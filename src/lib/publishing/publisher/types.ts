import type { MetaProductTag } from "../product-tags"

/** What the publisher needs from the outside world: Meta (through the Graph client) and the row it leases. */

export type GraphPort = {
  get<T>(path: string, params?: Record<string, unknown>): Promise<T>
  post<T>(path: string, body?: Record<string, unknown>): Promise<T>
  /** A POST to an upload URL Meta handed out (a reel's rupload URL), with the upload's headers; read-only ports have none. */
  upload?<T>(uploadUrl: string, headers: Record<string, string>): Promise<T>
}

/** The publication as leased; ids already written are never created again. */
export type PublicationWork = {
  id: string
  kind: string
  caption: string | null
  /** `product_tags`: Instagram product tags resolved to Meta catalog ids for this media (see product-tags.ts). */
  media: { url: string; alt_text?: string | null; type?: string | null; product_tags?: MetaProductTag[] }[]
  link_url: string | null
  first_comment: string | null
  first_comment_id: string | null
  container_id: string | null
  child_container_ids: string[] | null
  photo_ids: string[] | null
  /** The database driver may hand timestamps back as ISO strings. */
  publish_requested_at: Date | string | null
  meta_post_id: string | null
  permalink: string | null
}

export type PublicationPatch = Partial<
  Pick<
    PublicationWork,
    | "container_id"
    | "child_container_ids"
    | "photo_ids"
    | "publish_requested_at"
    | "meta_post_id"
    | "permalink"
    | "first_comment_id"
  >
>

/** Writes progress under the lease; false = the lease is gone or the merchant changed the publication. */
export type SaveProgress = (patch: PublicationPatch) => Promise<boolean>

export type PublishTarget = {
  platform: "instagram" | "facebook"
  /** Instagram user id or Page id. */
  accountId: string
}

export type PublishOutcome =
  | { outcome: "published"; meta_post_id: string | null; permalink: string | null; first_comment_error?: unknown }
  /** Meta is still processing the media: ask again after the delay. */
  | { outcome: "not_ready"; retryInMs: number }
  /** Meta's publishing quota is used up. */
  | { outcome: "quota_used"; usage: number; total: number }
  /** The merchant edited or cancelled it, or another process took the lease: stop without a trace. */
  | { outcome: "aborted" }

/** A container Meta refused to finish (status_code ERROR): not an HTTP error, but as final as one. */
export class ContainerError extends Error {
  name = "ContainerError"
  constructor(
    message: string,
    readonly subcode: number | undefined,
    readonly containerId: string
  ) {
    super(message)
  }
}

export class LostLeaseError extends Error {
  name = "LostLeaseError"
}
