import { createHash } from "node:crypto"

/**
 * One change of a webhook delivery. Meta batches several entries, each with several changes, into one
 * POST (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications: `{object, entry: [{id, time, changes: [{field, value}]}]}`; Messenger-style
 * objects use `entry[].messaging[]` instead of `changes`).
 */
export type WebhookChange = {
  object: string
  field: string
  entry_id: string
  /** Unix seconds Meta put on the entry. */
  entry_time: number | null
  value: unknown
  /** Same change → same key, whichever delivery (or redelivery) carried it. */
  idempotency_key: string
}

export type FlattenResult =
  | { ok: true; object: string; changes: WebhookChange[] }
  | { ok: false; reason: string }

/** Meta documents up to 1,000 updates per delivery; anything larger is not Meta. */
export const MAX_CHANGES_PER_DELIVERY = 1000

/** JSON with object keys sorted, so the key does not depend on the order Meta serialised them in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    return JSON.stringify(value) ?? "null"
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(",")}]`
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`
}

/**
 * Deliveries can be duplicated or arrive out of order (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications), so a change is identified by
 * what it says: the object, the entry it belongs to, the field and its value. The entry's `time` is left
 * out on purpose: a redelivery may carry a new batch time for the same change.
 */
export function idempotencyKey(object: string, entryId: string, field: string, value: unknown): string {
  return createHash("sha256").update(`${object}\n${entryId}\n${field}\n${canonicalJson(value)}`).digest("hex")
}

function idOf(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "" && value.length <= 64) return value
  if (typeof value === "number" && Number.isFinite(value)) return String(value)
  return null
}

/** Turns a parsed delivery into its changes, or says why it is not a Meta webhook envelope. */
export function flattenWebhookEnvelope(body: unknown): FlattenResult {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, reason: "body must be a JSON object" }
  }
  const { object, entry } = body as { object?: unknown; entry?: unknown }
  if (typeof object !== "string" || object.trim() === "" || object.length > 64) {
    return { ok: false, reason: "object must be a non-empty string" }
  }
  if (!Array.isArray(entry)) {
    return { ok: false, reason: "entry must be an array" }
  }
  const changes: WebhookChange[] = []
  for (const [index, item] of entry.entries()) {
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      return { ok: false, reason: `entry[${index}] must be an object` }
    }
    const e = item as Record<string, unknown>
    const entryId = idOf(e.id)
    if (!entryId) {
      return { ok: false, reason: `entry[${index}].id must be a Meta object id` }
    }
    const entryTime = typeof e.time === "number" && Number.isFinite(e.time) ? e.time : null
    if (e.changes !== undefined) {
      if (!Array.isArray(e.changes)) {
        return { ok: false, reason: `entry[${index}].changes must be an array` }
      }
      for (const [ci, change] of e.changes.entries()) {
        const c = change as Record<string, unknown> | null
        if (!c || typeof c !== "object" || typeof c.field !== "string" || c.field === "" || c.field.length > 64) {
          return { ok: false, reason: `entry[${index}].changes[${ci}].field must be a non-empty string` }
        }
        changes.push({
          object,
          field: c.field,
          entry_id: entryId,
          entry_time: entryTime,
          value: c.value ?? null,
          idempotency_key: idempotencyKey(object, entryId, c.field, c.value ?? null),
        })
      }
    }
    if (e.messaging !== undefined) {
      if (!Array.isArray(e.messaging)) {
        return { ok: false, reason: `entry[${index}].messaging must be an array` }
      }
      for (const message of e.messaging) {
        changes.push({
          object,
          field: "messaging",
          entry_id: entryId,
          entry_time: entryTime,
          value: message ?? null,
          idempotency_key: idempotencyKey(object, entryId, "messaging", message ?? null),
        })
      }
    }
    if (changes.length > MAX_CHANGES_PER_DELIVERY) {
      return { ok: false, reason: `a delivery carries at most ${MAX_CHANGES_PER_DELIVERY} changes` }
    }
  }
  // The same change twice in one delivery is still one change.
  const unique = [...new Map(changes.map((c) => [c.idempotency_key, c])).values()]
  return { ok: true, object, changes: unique }
}
