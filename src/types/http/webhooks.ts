/**
 * Response types of the inbox routes — the webhook log (`/admin/meta/webhooks*`), the leads
 * (`/admin/meta/leads`) and the comments (`/admin/meta/comments*`) that webhooks bring in. The routes
 * answer with these and the admin imports them type-only, so both sides read one definition.
 *
 * Each record carries every column of its row (`created_at`, `updated_at` and `deleted_at` included),
 * as these routes have always answered; times are ISO strings.
 */

export type MetaWebhookEventStatus = "received" | "processing" | "processed" | "failed"

/** One change of a verified webhook delivery and what processing it did. */
export type MetaWebhookEvent = {
  id: string
  /** Meta's `object` (`page`, `instagram`, `permissions`, …). */
  object: string
  /** The change's `field` (`leadgen`, `feed`, `comments`, `mentions`, …). */
  field: string
  entry_id: string
  entry_time: string | null
  /** What makes a redelivery of the same change store nothing new. */
  idempotency_key: string
  /** The change's value as Meta sent it (lead ids, comment text, permission verbs — no tokens). */
  payload: unknown
  status: MetaWebhookEventStatus
  /** What processing did: "customer created from lead", "ignored: …". */
  outcome: string | null
  attempts: number
  last_error: string | null
  next_attempt_at: string | null
  processed_at: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** A lead-ad submission fetched from Meta and the Medusa customer it became. */
export type MetaLead = {
  id: string
  leadgen_id: string
  page_id: string | null
  form_id: string | null
  /** The lead form's name as Meta had it when the lead was fetched (null when Meta did not give it). */
  form_name: string | null
  ad_id: string | null
  adset_id: string | null
  campaign_id: string | null
  platform: string | null
  is_organic: boolean | null
  /** Every question and its answer(s), custom ones included (one answer → a string). */
  answers: Record<string, string | string[]>
  /** Disclaimer checkboxes and opt-in questions: key → accepted. */
  consents: Record<string, boolean>
  customer_id: string | null
  /** The customer the lead became, by name (null when the customer was deleted since). */
  customer: MetaLeadCustomer | null
  /** The connection the lead was retrieved through. */
  connection_id: string | null
  lead_created_at: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** The Medusa customer a lead became, as the admin labels and links it (`/customers/<id>`). */
export type MetaLeadCustomer = {
  id: string
  /** First and last name, else null. */
  name: string | null
  email: string | null
  phone: string | null
}

/**
 * A lead Meta announced that could not become a customer: the webhook change behind it (retried with
 * `POST /admin/meta/webhooks/:webhook_event_id/retry`) and why, in the merchant's words.
 */
export type MetaFailedLead = {
  webhook_event_id: string
  leadgen_id: string | null
  form_id: string | null
  /** The form's name when another lead of the same form has it. */
  form_name: string | null
  page_id: string | null
  /** When the person submitted the form, as Meta announced it. */
  submitted_at: string | null
  received_at: string
  attempts: number
  /** The next automatic attempt; null when there will be none (retry by hand). */
  next_attempt_at: string | null
  reason: string
  next_step: string
  /** False when retrying cannot succeed as things stand (e.g. the form collected no email or phone). */
  retry_can_help: boolean
  /** The error as recorded, for support. */
  last_error: string | null
}

/** The post a comment is on: the store's publication when it published it, and the post on Meta. */
export type MetaCommentPost = {
  /** The plugin's publication of the post, when the store published it. */
  publication_id: string | null
  /** The publication's caption, shortened, to label the link. */
  title: string | null
  /** The publishing account of the publication (its Insights page opens the publication). */
  account_id: string | null
  /** The post on Facebook or Instagram, when known. */
  permalink: string | null
}

/** A comment on (or mention of) the store's Page or Instagram account. */
export type MetaComment = {
  id: string
  /** Meta's comment id. */
  comment_id: string
  platform: "facebook" | "instagram"
  kind: "comment" | "mention"
  media_id: string | null
  parent_id: string | null
  /** The plugin's publication of the post or media, when there is one. */
  publication_id: string | null
  author_id: string | null
  author_name: string | null
  text: string | null
  created_time: string | null
  /** When the merchant saw it in the admin (null: new). */
  read_at: string | null
  /** When the merchant hid it on Meta from the admin. */
  hidden_at: string | null
  connection_id: string | null
  post: MetaCommentPost
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** `GET /admin/meta/webhooks`: a page of the log, and how many comments are unread. */
export type MetaWebhookEventsResponse = {
  webhook_events: MetaWebhookEvent[]
  count: number
  offset: number
  limit: number
  unread_comments: number
}

/** `POST /admin/meta/webhooks/:id/retry`: the change after processing it again. */
export type MetaWebhookEventResponse = { webhook_event: MetaWebhookEvent }

/**
 * `GET /admin/meta/leads`: a page of leads, and the leads that failed (newest first, at most 50; all
 * of them counted in `failed_count`) with the reason and a retry.
 */
export type MetaLeadsResponse = {
  leads: MetaLead[]
  count: number
  offset: number
  limit: number
  failed_leads: MetaFailedLead[]
  failed_count: number
}

/** `GET /admin/meta/comments`: a page of comments, and how many comments are unread in all. */
export type MetaCommentsResponse = {
  comments: MetaComment[]
  count: number
  offset: number
  limit: number
  unread_count: number
}

/** `POST /admin/meta/comments/read`: how many comments were unread and are now marked read. */
export type MetaCommentsReadResponse = { marked_read: number }

/** `POST /admin/meta/comments/:id/reply` (201): the reply, stored as a comment (`id`) with Meta's id. */
export type MetaCommentReplyResponse = { reply: { id: string; meta_id: string } }

/** `POST /admin/meta/comments/:id/hide`. */
export type MetaCommentHideResponse = { comment: { id: string; hidden: boolean } }

/** `POST /admin/meta/comments/read`: the comments to mark (all unread ones when absent). */
export type MetaCommentsReadBody = { ids?: string[] }

/** `POST /admin/meta/comments/:id/reply`. */
export type MetaCommentReplyBody = { message: string }

/** `POST /admin/meta/comments/:id/hide` (`hidden` defaults to true). */
export type MetaCommentHideBody = { hidden?: boolean }
