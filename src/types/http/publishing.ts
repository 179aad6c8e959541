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
}

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
