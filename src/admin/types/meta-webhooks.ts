export type MetaWebhookEventStatus = "received" | "processing" | "processed" | "failed"

export type AdminMetaWebhookEvent = {
  id: string
  object: string
  field: string
  entry_id: string
  entry_time: string | null
  payload: unknown
  status: MetaWebhookEventStatus
  outcome: string | null
  attempts: number
  last_error: string | null
  next_attempt_at: string | null
  processed_at: string | null
  created_at: string
}

export type AdminMetaWebhookEventsResponse = {
  webhook_events: AdminMetaWebhookEvent[]
  count: number
  offset: number
  limit: number
  unread_comments: number
}

export type AdminMetaLead = {
  id: string
  leadgen_id: string
  page_id: string | null
  form_id: string | null
  ad_id: string | null
  campaign_id: string | null
  answers: Record<string, string | string[]>
  consents: Record<string, boolean>
  customer_id: string | null
  lead_created_at: string | null
  created_at: string
}

export type AdminMetaLeadsResponse = { leads: AdminMetaLead[]; count: number; offset: number; limit: number }

export type AdminMetaComment = {
  id: string
  comment_id: string
  platform: "facebook" | "instagram"
  kind: "comment" | "mention"
  media_id: string | null
  publication_id: string | null
  author_name: string | null
  text: string | null
  created_time: string | null
  read_at: string | null
}

export type AdminMetaCommentsResponse = { comments: AdminMetaComment[]; count: number; offset: number; limit: number }
