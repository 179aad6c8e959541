import { createHmac } from "node:crypto"
import type { ServerResponse } from "node:http"
import { authenticate } from "../auth"
import { json, type Reply, type RouteContext } from "../context"
import type { EmulatorState } from "../emulator-state"
import { requestErrors } from "../errors"
import { parseFields } from "../fields"
import { sendJson, stringParam, type ParsedRequest } from "../http"
import { canSee, requireAnyScope } from "../nodes"
import { allocateObjectId, type World } from "../world"
import { recordNotifiedComment } from "./publishing-store"

/**
 * Lead ads and webhook deliveries (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving, https://developers.facebook.com/docs/graph-api/webhooks/getting-started, https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback): the emulator keeps leads and
 * serves `GET /{leadgen_id}` as Graph does, and plays Meta's side of webhooks — signed POSTs to the
 * store (leads, comments, mentions, permission changes), forged or missing signatures, duplicates and
 * bursts — and builds the signed_request of the deauthorize and data-deletion callbacks.
 */

export type LeadRecord = {
  id: string
  pageId: string
  formId: string
  adId: string
  adsetId: string
  campaignId: string
  createdTime: number
  platform: "fb" | "ig"
  isOrganic: boolean
  fieldData: { name: string; values: string[] }[]
  customDisclaimerResponses: { checkbox_key: string; is_checked: string }[]
}

export type WebhookEnvelope = {
  object: string
  entry: { id: string; time: number; changes: { field: string; value: unknown }[] }[]
}

/** How a delivery is signed: as Meta does, with another secret, not at all, or valid for a body that is then altered. */
export type SignatureMode = "valid" | "forged" | "missing" | "tampered"

export type DeliveryResult = { status: number; body: string; durationMs: number }

const leadsByWorld = new WeakMap<World, Map<string, LeadRecord>>()

function leadsOf(world: World): Map<string, LeadRecord> {
  let leads = leadsByWorld.get(world)
  if (!leads) {
    leads = new Map()
    leadsByWorld.set(world, leads)
  }
  return leads
}

export function isLeadId(world: World, id: string | undefined): boolean {
  return id !== undefined && leadsOf(world).has(id)
}

/** A lead form of a Page (https://developers.facebook.com/docs/marketing-api/reference/lead-gen-form/). */
export type LeadFormRecord = { id: string; pageId: string; name: string; status: "ACTIVE" | "ARCHIVED"; locale: string }

const formsByWorld = new WeakMap<World, Map<string, LeadFormRecord>>()

function formsOf(world: World): Map<string, LeadFormRecord> {
  let forms = formsByWorld.get(world)
  if (!forms) {
    forms = new Map()
    formsByWorld.set(world, forms)
  }
  return forms
}

export function isLeadFormId(world: World, id: string | undefined): boolean {
  return id !== undefined && formsOf(world).has(id)
}

const LEAD_FORM_FIELDS: Record<string, (form: LeadFormRecord) => unknown> = {
  id: (f) => f.id,
  name: (f) => f.name,
  status: (f) => f.status,
  locale: (f) => f.locale,
  page: (f) => ({ id: f.pageId }),
}

/**
 * GET /{form_id}: the form's name and status, for a token that can act for the form's Page with
 * leads_retrieval or pages_manage_ads (https://developers.facebook.com/docs/marketing-api/reference/lead-gen-form/).
 */
export function getLeadForm(ctx: RouteContext, formId: string): Reply {
  const caller = authenticate(ctx)
  const form = formsOf(ctx.world).get(formId)
  const page = form ? ctx.world.pages[form.pageId] : undefined
  if (!form || !page || !canSee(ctx.world, caller, { type: "Page", record: page })) {
    throw requestErrors.unsupported("GET", formId)
  }
  requireAnyScope(caller, ["leads_retrieval", "pages_manage_ads"])
  ctx.usage.objectId = form.pageId
  ctx.usage.bucType = "pages"
  const fields = parseFields(stringParam(ctx.request.params, "fields")) ?? [{ name: "id" }, { name: "name" }]
  const body: Record<string, unknown> = {}
  for (const { name } of fields) {
    const resolve = LEAD_FORM_FIELDS[name]
    if (!resolve) throw requestErrors.nonexistingField(name, "LeadgenForm")
    body[name] = resolve(form)
  }
  body.id = form.id
  return json(body)
}

function graphTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "+0000")
}

const LEAD_FIELDS: Record<string, (lead: LeadRecord) => unknown> = {
  id: (l) => l.id,
  created_time: (l) => graphTime(l.createdTime),
  field_data: (l) => l.fieldData,
  ad_id: (l) => l.adId,
  adset_id: (l) => l.adsetId,
  campaign_id: (l) => l.campaignId,
  form_id: (l) => l.formId,
  platform: (l) => l.platform,
  is_organic: (l) => l.isOrganic,
  custom_disclaimer_responses: (l) => l.customDisclaimerResponses,
}

/**
 * GET /{leadgen_id}: needs leads_retrieval and a token that can act for the lead's Page (its page
 * token, or a user/system-user token with a role on the Page).
 */
export function getLead(ctx: RouteContext, leadId: string): Reply {
  const caller = authenticate(ctx)
  const lead = leadsOf(ctx.world).get(leadId)
  const page = lead ? ctx.world.pages[lead.pageId] : undefined
  if (!lead || !page || !canSee(ctx.world, caller, { type: "Page", record: page })) {
    throw requestErrors.unsupported("GET", leadId)
  }
  requireAnyScope(caller, ["leads_retrieval"])
  ctx.usage.objectId = lead.pageId
  ctx.usage.bucType = "pages"
  const fields = parseFields(stringParam(ctx.request.params, "fields")) ?? [{ name: "created_time" }, { name: "id" }]
  const body: Record<string, unknown> = {}
  for (const { name } of fields) {
    const resolve = LEAD_FIELDS[name]
    if (!resolve) throw requestErrors.nonexistingField(name, "Lead")
    body[name] = resolve(lead)
  }
  body.id = lead.id
  return json(body)
}

export type LeadInput = {
  pageId?: string
  formId?: string
  /** The form's name (default: "Lead form <id>"); a form keeps the name it was first given. */
  formName?: string
  adId?: string
  adsetId?: string
  campaignId?: string
  /** Answers by question name, e.g. { email: "a@b.co", full_name: "Ada Lovelace" }. */
  answers: Record<string, string | string[]>
  /** Custom disclaimer checkboxes: { terms: true }. */
  consents?: Record<string, boolean>
  platform?: "fb" | "ig"
}

export type CommentInput = {
  platform: "facebook" | "instagram"
  /** Page post id (facebook) or media id (instagram). */
  mediaId: string
  commentId?: string
  text: string
  authorId?: string
  authorName?: string
  verb?: "add" | "edited" | "remove"
}

/** Meta's side of webhooks: builds notifications and POSTs them, signed with the app secret. */
export class EmulatorWebhooks {
  constructor(private readonly state: EmulatorState) {}

  private get appSecret(): string {
    return this.state.apps.defaultApp.appSecret
  }

  private nowSeconds(): number {
    return Math.floor(this.state.now() / 1000)
  }

  /** A lead-ad submission on a Page (default: the first seeded Page). */
  createLead(input: LeadInput): LeadRecord {
    const world = this.state.world
    const pageId = input.pageId ?? Object.keys(world.pages)[0]
    if (!world.pages[pageId]) throw new Error(`No page "${pageId}" in the emulator world`)
    const lead: LeadRecord = {
      id: allocateObjectId(world),
      pageId,
      formId: input.formId ?? "81001",
      adId: input.adId ?? "82001",
      adsetId: input.adsetId ?? "83001",
      campaignId: input.campaignId ?? "84001",
      createdTime: this.nowSeconds(),
      platform: input.platform ?? "fb",
      isOrganic: false,
      fieldData: Object.entries(input.answers).map(([name, value]) => ({
        name,
        values: Array.isArray(value) ? value : [value],
      })),
      customDisclaimerResponses: Object.entries(input.consents ?? {}).map(([key, checked]) => ({
        checkbox_key: key,
        is_checked: checked ? "1" : "",
      })),
    }
    leadsOf(world).set(lead.id, lead)
    const forms = formsOf(world)
    if (!forms.has(lead.formId)) {
      forms.set(lead.formId, { id: lead.formId, pageId, name: input.formName ?? `Lead form ${lead.formId}`, status: "ACTIVE", locale: "en_US" })
    }
    return lead
  }

  /** The `page`/`leadgen` notification Meta sends for a lead (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving). */
  leadNotification(lead: LeadRecord): WebhookEnvelope {
    return this.envelope("page", lead.pageId, "leadgen", {
      ad_id: lead.adId,
      adgroup_id: lead.adsetId,
      form_id: lead.formId,
      leadgen_id: lead.id,
      created_time: lead.createdTime,
      page_id: lead.pageId,
    })
  }

  /**
   * A Page `feed` comment or an Instagram `comments` notification (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications). The comment is also kept in the
   * emulator's publishing store, so GET /{comment-id}, replies and hiding work on it.
   */
  commentNotification(input: CommentInput): WebhookEnvelope {
    const commentId = input.commentId ?? allocateObjectId(this.state.world)
    const authorId = input.authorId ?? "91001"
    const igId = Object.keys(this.state.world.igAccounts)[0] ?? "0"
    recordNotifiedComment(this.state.world, {
      platform: input.platform,
      ownerId: input.platform === "facebook" ? input.mediaId.split("_")[0] : igId,
      objectId: input.mediaId,
      commentId,
      message: input.text,
      from: { id: authorId, name: input.authorName ?? (input.platform === "facebook" ? "Sam Shopper" : "sam.shopper") },
      verb: input.verb ?? "add",
      nowMs: this.state.now(),
    })
    if (input.platform === "facebook") {
      const pageId = input.mediaId.split("_")[0]
      return this.envelope("page", pageId, "feed", {
        item: "comment",
        verb: input.verb ?? "add",
        post_id: input.mediaId,
        comment_id: commentId,
        parent_id: input.mediaId,
        from: { id: authorId, name: input.authorName ?? "Sam Shopper" },
        message: input.text,
        created_time: this.nowSeconds(),
      })
    }
    return this.envelope("instagram", igId, "comments", {
      id: commentId,
      text: input.text,
      from: { id: authorId, username: input.authorName ?? "sam.shopper" },
      media: { id: input.mediaId, media_product_type: "FEED" },
    })
  }

  /** An Instagram `mentions` notification: the store's account was @-mentioned in a comment. */
  mentionNotification(input: { mediaId: string; commentId?: string }): WebhookEnvelope {
    const igId = Object.keys(this.state.world.igAccounts)[0] ?? "0"
    return this.envelope("instagram", igId, "mentions", {
      media_id: input.mediaId,
      comment_id: input.commentId ?? allocateObjectId(this.state.world),
    })
  }

  /** A `permissions` notification: the person granted or revoked one permission of the app. */
  permissionNotification(input: { userId: string; permission: string; verb: "granted" | "revoked" }): WebhookEnvelope {
    return this.envelope("permissions", input.userId, input.permission, { verb: input.verb, target_ids: [] })
  }

  envelope(object: string, entryId: string, field: string, value: unknown): WebhookEnvelope {
    return { object, entry: [{ id: entryId, time: this.nowSeconds(), changes: [{ field, value }] }] }
  }

  /** The `X-Hub-Signature-256` header for a body, as Meta computes it (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications). */
  signature(body: string | Buffer, secret = this.appSecret): string {
    return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`
  }

  /** POSTs one notification to the store, signed as asked. */
  async deliver(targetUrl: string, envelope: WebhookEnvelope | string, mode: SignatureMode = "valid"): Promise<DeliveryResult> {
    // Meta escapes non-ASCII characters in the body it signs.
    const body = typeof envelope === "string" ? envelope : escapeNonAscii(JSON.stringify(envelope))
    const headers: Record<string, string> = { "Content-Type": "application/json", "User-Agent": "facebookexternalua" }
    if (mode === "valid" || mode === "tampered") headers["X-Hub-Signature-256"] = this.signature(body)
    if (mode === "forged") headers["X-Hub-Signature-256"] = this.signature(body, `${this.appSecret}-forged`)
    const sent = mode === "tampered" ? tamper(body) : body
    const started = performance.now()
    const response = await fetch(targetUrl, { method: "POST", headers, body: sent })
    const text = await response.text()
    return { status: response.status, body: text, durationMs: performance.now() - started }
  }

  /** Sends the same notification several times, as Meta's retries and duplicates do. */
  async deliverDuplicates(targetUrl: string, envelope: WebhookEnvelope, times: number): Promise<DeliveryResult[]> {
    return Promise.all(Array.from({ length: times }, () => this.deliver(targetUrl, envelope)))
  }

  /** Many notifications at once (concurrent POSTs). */
  async burst(targetUrl: string, envelopes: WebhookEnvelope[]): Promise<DeliveryResult[]> {
    return Promise.all(envelopes.map((e) => this.deliver(targetUrl, e)))
  }

  /** The `signed_request` Meta POSTs to the deauthorize and data-deletion callbacks (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#deauth-callback and https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback). */
  signedRequest(payload: { user_id: string; [key: string]: unknown }, secret = this.appSecret): string {
    const issuedAt = this.nowSeconds()
    const encoded = Buffer.from(JSON.stringify({ algorithm: "HMAC-SHA256", issued_at: issuedAt, ...payload })).toString("base64url")
    const sig = createHmac("sha256", secret).update(encoded).digest("base64url")
    return `${sig}.${encoded}`
  }

  /** POSTs a callback (deauthorize or data deletion) form-encoded, as Meta does. */
  async callback(targetUrl: string, payload: { user_id: string }): Promise<DeliveryResult> {
    const started = performance.now()
    const response = await fetch(targetUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ signed_request: this.signedRequest(payload) }),
    })
    return { status: response.status, body: await response.text(), durationMs: performance.now() - started }
  }
}

function escapeNonAscii(body: string): string {
  return body.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
}

/** Alters one character of the body after it was signed. */
function tamper(body: string): string {
  const index = body.search(/\d/)
  if (index < 0) return `${body} `
  return `${body.slice(0, index)}${body[index] === "9" ? "8" : "9"}${body.slice(index + 1)}`
}

/** Control API: POST /_emulator/webhooks/{deliver,signed-request}. */
export const WEBHOOK_CONTROL_PREFIX = "/_emulator/webhooks/"

export async function handleWebhookControl(request: ParsedRequest, res: ServerResponse, webhooks: EmulatorWebhooks): Promise<void> {
  const body = (request.body && typeof request.body === "object" ? request.body : {}) as Record<string, unknown>
  const action = `${request.method} ${request.pathname.slice(WEBHOOK_CONTROL_PREFIX.length).replace(/\/$/, "")}`
  try {
    if (action === "POST signed-request") {
      const userId = stringParam(body, "user_id")
      if (!userId) return sendJson(res, 400, { error: { message: "user_id is required" } })
      return sendJson(res, 200, { signed_request: webhooks.signedRequest({ user_id: userId }) })
    }
    if (action === "POST deliver") {
      const target = stringParam(body, "target_url")
      if (!target) return sendJson(res, 400, { error: { message: "target_url is required" } })
      const mode = (stringParam(body, "signature") ?? "valid") as SignatureMode
      if (!["valid", "forged", "missing", "tampered"].includes(mode)) {
        return sendJson(res, 400, { error: { message: "signature must be valid, forged, missing or tampered" } })
      }
      const times = Math.min(1000, Math.max(1, Number(body.times ?? 1)))
      const envelope = controlEnvelope(webhooks, body)
      const results: DeliveryResult[] = []
      for (let i = 0; i < times; i++) results.push(await webhooks.deliver(target, envelope, mode))
      return sendJson(res, 200, { envelope, deliveries: results.map((r) => ({ status: r.status })) })
    }
    sendJson(res, 404, { error: { message: `No emulator control endpoint ${request.method} ${request.pathname}` } })
  } catch (error) {
    sendJson(res, 400, { error: { message: (error as Error).message } })
  }
}

function controlEnvelope(webhooks: EmulatorWebhooks, body: Record<string, unknown>): WebhookEnvelope {
  switch (body.kind) {
    case "lead":
      return webhooks.leadNotification(
        webhooks.createLead({
          pageId: stringParam(body, "page_id"),
          formId: stringParam(body, "form_id"),
          formName: stringParam(body, "form_name"),
          answers: (body.answers ?? {}) as Record<string, string>,
          consents: body.consents as Record<string, boolean> | undefined,
        })
      )
    case "comment":
      return webhooks.commentNotification({
        platform: body.platform === "instagram" ? "instagram" : "facebook",
        mediaId: stringParam(body, "media_id") ?? "30001_1",
        text: stringParam(body, "text") ?? "",
        authorId: stringParam(body, "author_id"),
        authorName: stringParam(body, "author_name"),
      })
    case "mention":
      return webhooks.mentionNotification({ mediaId: stringParam(body, "media_id") ?? "0" })
    case "permission":
      return webhooks.permissionNotification({
        userId: stringParam(body, "user_id") ?? "",
        permission: stringParam(body, "permission") ?? "",
        verb: body.verb === "granted" ? "granted" : "revoked",
      })
    case "raw":
      return body.envelope as WebhookEnvelope
    default:
      throw new Error("kind must be lead, comment, mention, permission or raw")
  }
}
