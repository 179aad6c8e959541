/**
 * What the plugin does with each change (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications and https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving): leads become customers, comments and
 * mentions are kept, permission changes can pause the connection; everything else is logged and ignored.
 */
export type ChangeKind = "leadgen" | "page_comment" | "instagram_comment" | "instagram_mention" | "permissions" | "ignored"

export function classifyChange(object: string, field: string, value: unknown): ChangeKind {
  const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>
  if (object === "page" && field === "leadgen") return "leadgen"
  // Page `feed` carries posts, reactions, shares… as well; only `item: "comment"` is a comment.
  if (object === "page" && field === "feed" && v.item === "comment") return "page_comment"
  if (object === "instagram" && field === "comments") return "instagram_comment"
  if (object === "instagram" && field === "mentions") return "instagram_mention"
  if (object === "permissions") return "permissions"
  return "ignored"
}

export type LeadgenNotice = {
  leadgen_id: string
  page_id: string | null
  form_id: string | null
  ad_id: string | null
  adgroup_id: string | null
  created_time: number | null
}

const ID = /^\d{1,32}$/

function optionalId(value: unknown): string | null {
  const id = typeof value === "number" ? String(value) : value
  return typeof id === "string" && ID.test(id) ? id : null
}

/** The `leadgen` change value: `{leadgen_id, page_id, form_id, ad_id, adgroup_id, created_time}`. */
export function readLeadgenNotice(value: unknown, entryId: string): LeadgenNotice | null {
  const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>
  const leadgenId = optionalId(v.leadgen_id)
  if (!leadgenId) return null
  return {
    leadgen_id: leadgenId,
    page_id: optionalId(v.page_id) ?? optionalId(entryId),
    form_id: optionalId(v.form_id),
    ad_id: optionalId(v.ad_id),
    adgroup_id: optionalId(v.adgroup_id),
    created_time: typeof v.created_time === "number" ? v.created_time : null,
  }
}

export type CommentNotice = {
  comment_id: string
  platform: "facebook" | "instagram"
  kind: "comment" | "mention"
  /** add / edited / remove (Page feed); Instagram sends new comments only. */
  verb: "add" | "edited" | "remove"
  /** Post id (Page) or media id (Instagram) the comment is on. */
  media_id: string | null
  parent_id: string | null
  author_id: string | null
  author_name: string | null
  text: string | null
  created_at: Date | null
}

const MAX_TEXT = 8000

function text(value: unknown, max = MAX_TEXT): string | null {
  return typeof value === "string" ? value.slice(0, max) : null
}

function stringId(value: unknown): string | null {
  const id = typeof value === "number" ? String(value) : value
  return typeof id === "string" && /^[\w.:-]{1,128}$/.test(id) ? id : null
}

function fromUnix(seconds: unknown): Date | null {
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : null
}

/**
 * The comment a change describes. Page feed: `{item: "comment", verb, post_id, comment_id, parent_id,
 * from: {id, name}, message, created_time}`. Instagram comments: `{id, text, from: {id, username},
 * media: {id}, parent_id}`. Instagram mentions: `{media_id, comment_id}` (the text must be fetched).
 */
export function readCommentNotice(kind: ChangeKind, value: unknown, entryTime: number | null): CommentNotice | null {
  const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>
  const from = (v.from && typeof v.from === "object" ? v.from : {}) as Record<string, unknown>
  if (kind === "page_comment") {
    const commentId = stringId(v.comment_id)
    if (!commentId) return null
    const verb = v.verb === "edited" || v.verb === "remove" ? v.verb : "add"
    return {
      comment_id: commentId,
      platform: "facebook",
      kind: "comment",
      verb,
      media_id: stringId(v.post_id),
      parent_id: stringId(v.parent_id),
      author_id: stringId(from.id),
      author_name: text(from.name, 256),
      text: text(v.message),
      created_at: fromUnix(v.created_time) ?? fromUnix(entryTime),
    }
  }
  if (kind === "instagram_comment") {
    const commentId = stringId(v.id)
    if (!commentId) return null
    const media = (v.media && typeof v.media === "object" ? v.media : {}) as Record<string, unknown>
    return {
      comment_id: commentId,
      platform: "instagram",
      kind: "comment",
      verb: "add",
      media_id: stringId(media.id),
      parent_id: stringId(v.parent_id),
      author_id: stringId(from.id),
      author_name: text(from.username, 256),
      text: text(v.text),
      created_at: fromUnix(entryTime),
    }
  }
  if (kind === "instagram_mention") {
    const mediaId = stringId(v.media_id)
    // A mention in a caption has no comment id; the media id then identifies it.
    const commentId = stringId(v.comment_id) ?? (mediaId ? `media:${mediaId}` : null)
    if (!commentId) return null
    return {
      comment_id: commentId,
      platform: "instagram",
      kind: "mention",
      verb: "add",
      media_id: mediaId,
      parent_id: null,
      author_id: null,
      author_name: null,
      text: null,
      created_at: fromUnix(entryTime),
    }
  }
  return null
}

export type PermissionNotice = { user_id: string; permission: string; verb: "granted" | "revoked" }

/** `permissions` object: the change field is the permission, the value `{verb, target_ids}`. */
export function readPermissionNotice(field: string, value: unknown, entryId: string): PermissionNotice | null {
  const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>
  if (v.verb !== "granted" && v.verb !== "revoked") return null
  if (!/^[a-z_]{1,64}$/.test(field) || !ID.test(entryId)) return null
  return { user_id: entryId, permission: field, verb: v.verb }
}

/**
 * What a permission change does to the connection: the scope list follows Meta, and the connection is
 * revoked (work pauses until the merchant reconnects) when a permission the enabled features need is gone.
 */
export function permissionChangeEffect(input: {
  granted: string[]
  required: string[]
  notice: PermissionNotice
}): { granted_scopes: string[]; revoke: boolean } {
  const { granted, required, notice } = input
  if (notice.verb === "granted") {
    return {
      granted_scopes: granted.includes(notice.permission) ? granted : [...granted, notice.permission],
      revoke: false,
    }
  }
  return {
    granted_scopes: granted.filter((scope) => scope !== notice.permission),
    revoke: required.includes(notice.permission),
  }
}

/**
 * What to do with one stored change: its kind and the notice its workflow branch takes, or why it is
 * ignored. Exactly one of `lead`, `comment`, `permission` and `ignored` is set.
 */
export type WebhookChangePlan = {
  kind: ChangeKind
  lead: LeadgenNotice | null
  /** `created_at` as ISO text: the plan crosses the workflow engine as JSON. */
  comment: (Omit<CommentNotice, "created_at"> & { created_at: string | null }) | null
  permission: { meta_user_id: string; permission: PermissionNotice } | null
  ignored: string | null
}

export function planWebhookChange(change: {
  object: string
  field: string
  entry_id: string
  /** Meta's `entry.time` (seconds), as stored. */
  entry_time: Date | string | null
  payload: unknown
}): WebhookChangePlan {
  const kind = classifyChange(change.object, change.field, change.payload)
  const plan: WebhookChangePlan = { kind, lead: null, comment: null, permission: null, ignored: null }
  const entryMs = change.entry_time === null ? NaN : new Date(change.entry_time).getTime()
  const entryTime = Number.isFinite(entryMs) ? Math.floor(entryMs / 1000) : null
  switch (kind) {
    case "leadgen":
      plan.lead = readLeadgenNotice(change.payload, change.entry_id)
      if (!plan.lead) plan.ignored = "ignored: leadgen change without a leadgen_id"
      break
    case "page_comment":
    case "instagram_comment":
    case "instagram_mention": {
      const notice = readCommentNotice(kind, change.payload, entryTime)
      if (notice) plan.comment = { ...notice, created_at: notice.created_at?.toISOString() ?? null }
      else plan.ignored = `ignored: ${kind.replace("_", " ")} without an id`
      break
    }
    case "permissions": {
      const notice = readPermissionNotice(change.field, change.payload, change.entry_id)
      if (notice) plan.permission = { meta_user_id: notice.user_id, permission: notice }
      else plan.ignored = "ignored: permissions change without a verb"
      break
    }
    case "ignored":
      plan.ignored = `ignored: ${change.object}/${change.field} is not acted on`
  }
  return plan
}
