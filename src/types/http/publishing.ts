/**
 * Request and response types of the publishing routes (`/admin/meta/publishing/*`, `/admin/meta/publications/*`).
 * The routes answer with these and the admin imports them type-only, so both sides read one definition.
 */

export type MetaPublishingPlatform = "instagram" | "facebook"

export type MetaPublicationKind =
  | "instagram_image"
  | "instagram_carousel"
  | "instagram_reel"
  | "instagram_story"
  | "facebook_post"
  | "facebook_photo"
  | "facebook_multi_photo"
  | "facebook_video"
  | "facebook_reel"

export type MetaPublicationStatus = "draft" | "scheduled" | "publishing" | "published" | "failed" | "cancelled" | "missed"

export type MetaPublishingQuota = {
  /** Posts published through the API in Meta's moving window. */
  usage: number
  /** Meta's current limit, read from `content_publishing_limit` (never assumed). */
  total: number
  /** Seconds (Meta answers 86400). */
  duration_seconds: number
  checked_at: string
}

export type MetaPublishingAccount = {
  id: string
  platform: MetaPublishingPlatform
  /** The Instagram user id or the Page id. */
  meta_id: string
  /** The Page the account publishes with (an Instagram account's linked Page). */
  page_meta_id: string | null
  name: string
  username: string | null
  followers_count: number | null
  picture_url: string | null
  enabled: boolean
  /** Instagram only; null until read. */
  quota: MetaPublishingQuota | null
  /** Kinds this account can publish. */
  kinds: MetaPublicationKind[]
  /**
   * Instagram only: Meta's `shopping_product_tag_eligibility` as last read (an approved Shop with
   * checkout); null when unknown (not read yet, a Page, or the connection may not read it).
   */
  product_tag_eligible: boolean | null
}

export type MetaPublishingAccountsResponse = { accounts: MetaPublishingAccount[] }
export type MetaPublishingAccountResponse = { account: MetaPublishingAccount }

export type MetaPublicationMediaInput = { url?: string; file_id?: string; alt_text?: string }

export type MetaPublicationMedia = {
  url: string
  alt_text: string | null
  /** What the media headers said, when they could be read. */
  type: "image" | "video" | null
  mime: string | null
  width: number | null
  height: number | null
  bytes: number | null
  /** Videos: the length the movie header (moov/mvhd) states; null when it could not be read. Absent on media saved before lengths were read. */
  duration_seconds?: number | null
}

/**
 * An Instagram product tag the merchant placed: a product shown (Medusa id), the image it is on (index in
 * `media`, default 0) and its spot as fractions of the image (0–1 from the top left; none on videos, and
 * none = placed automatically).
 */
export type MetaPublicationProductTag = { product_id: string; media_index?: number; x?: number; y?: number }

export type MetaPublicationError = {
  message: string
  /** What the merchant can do about it. */
  hint: string | null
  code: number | null
  subcode: number | null
}

export type MetaPublication = {
  id: string
  account_id: string
  kind: MetaPublicationKind
  status: MetaPublicationStatus
  caption: string | null
  media: MetaPublicationMedia[]
  product_ids: string[]
  /** Instagram product tags as placed; products shown without one are tagged at a default spot. */
  product_tags: MetaPublicationProductTag[]
  /** What publishing left out without failing (e.g. product tags Instagram could not take). */
  publish_warnings: MetaPublicationIssue[]
  /** The storefront link with UTM parameters that identify this publication. */
  link_url: string | null
  first_comment: string | null
  first_comment_id: string | null
  scheduled_at: string | null
  published_at: string | null
  /** Instagram container id (the carousel's parent for a carousel). */
  container_id: string | null
  /** Instagram media id or Facebook post id. */
  meta_post_id: string | null
  permalink: string | null
  attempts: number
  next_attempt_at: string | null
  last_error: MetaPublicationError | null
  created_at: string
  updated_at: string
}

export type MetaPublicationResponse = { publication: MetaPublication }
export type MetaPublicationsResponse = { publications: MetaPublication[]; count: number; offset: number; limit: number }
export type MetaPublicationDeleteResponse = { id: string; object: "meta_publication"; deleted: true }

export type MetaPublicationCreateBody = {
  account_id: string
  kind: MetaPublicationKind
  caption?: string
  media: MetaPublicationMediaInput[]
  product_ids?: string[]
  product_tags?: MetaPublicationProductTag[]
  /** ISO time; absent = a draft. */
  scheduled_at?: string | null
  first_comment?: string
}

export type MetaPublicationUpdateBody = Partial<Omit<MetaPublicationCreateBody, "account_id" | "kind">> & {
  kind?: MetaPublicationKind
}

export type MetaPublicationIssue = {
  /** The request field the issue is about, e.g. "caption" or "media.2". */
  field: string
  message: string
  severity: "error" | "warning"
}

export type MetaPublicationValidateResponse = { valid: boolean; issues: MetaPublicationIssue[] }
