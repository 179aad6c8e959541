import { isIP } from "node:net"
import { authenticate } from "../auth"
import { json, type Reply, type RouteContext } from "../context"
import { GraphApiError, newTraceId, requestErrors } from "../errors"
import { stringParam } from "../http"
import { canSee, requireAnyScope } from "../nodes"
import type { World } from "../world"

/**
 * POST /{pixel_id}/events — the Conversions API (https://developers.facebook.com/docs/marketing-api/conversions-api/using-the-api). Validates like Meta: ≤1,000
 * events, required fields per action_source, event_time within the last 7 days and not in the future,
 * hashed user_data keys must be SHA-256 (or MD5) digests, and one bad event rejects the whole request.
 * Accepted events are kept per pixel: the emulator's "Test Events" view.
 */

export const MAX_EVENTS_PER_REQUEST = 1000
const MAX_AGE_SECONDS = 7 * 24 * 60 * 60
/** Clock skew Meta tolerates for event_time ahead of its own clock. */
const FUTURE_TOLERANCE_SECONDS = 60
const ACTION_SOURCES = ["website", "app", "email", "phone_call", "chat", "physical_store", "system_generated", "business_messaging", "other"]
const HASHED_KEYS = ["em", "ph", "fn", "ln", "ge", "db", "ct", "st", "zp", "country"]
const DIGEST = /^(?:[a-f0-9]{64}|[a-f0-9]{32})$/
const FB_COOKIE = /^fb\.[0-2]\.\d{10,13}\.[^\s.]+(\.[A-Za-z0-9_-]{1,16})?$/

export type ReceivedPixelEvent = {
  pixelId: string
  receivedAt: number
  testEventCode?: string
  partnerAgent?: string
  event: Record<string, unknown>
}

const received = new WeakMap<World, Map<string, ReceivedPixelEvent[]>>()

/** Events the pixel accepted since the last reset, oldest first (Events Manager's "Test Events" view). */
export function receivedPixelEvents(world: World, pixelId?: string): ReceivedPixelEvent[] {
  const byPixel = received.get(world)
  if (!byPixel) return []
  if (pixelId !== undefined) return [...(byPixel.get(pixelId) ?? [])]
  return [...byPixel.values()].flat().sort((a, b) => a.receivedAt - b.receivedAt)
}

/** Meta's CAPI validation error: code 100 with a title and a message that names the event. */
function invalidEvent(index: number, title: string, detail: string): GraphApiError {
  const error = new GraphApiError({ code: 100, subcode: 2804003, message: "(#100) Invalid parameter" })
  const body = error.toBody()
  Object.assign(error, {
    toBody: () => ({
      error: { ...body.error, fbtrace_id: newTraceId(), error_user_title: title, error_user_msg: `data[${index}]: ${detail}` },
    }),
  })
  return error
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function parseData(raw: unknown): unknown[] {
  let data = raw
  if (typeof raw === "string") {
    try {
      data = JSON.parse(raw)
    } catch {
      throw requestErrors.invalidParam("Param data must be an array.")
    }
  }
  if (!Array.isArray(data)) throw requestErrors.invalidParam("Param data must be an array.")
  if (data.length === 0) throw requestErrors.invalidParam("Param data must contain at least one event.")
  if (data.length > MAX_EVENTS_PER_REQUEST) {
    throw requestErrors.invalidParam(`Param data may contain at most ${MAX_EVENTS_PER_REQUEST} events; got ${data.length}.`)
  }
  return data
}

function checkUserData(index: number, userData: unknown, actionSource: string): void {
  if (!isObject(userData)) throw invalidEvent(index, "Missing user_data", "user_data is required and must be an object")
  for (const key of HASHED_KEYS) {
    const value = userData[key]
    if (value === undefined) continue
    const values = Array.isArray(value) ? value : [value]
    for (const item of values) {
      if (typeof item !== "string" || !DIGEST.test(item)) {
        throw invalidEvent(
          index,
          "Unhashed PII",
          `user_data.${key} must be hashed with SHA-256 after normalization (got a value that is not a lowercase hex digest)`
        )
      }
    }
  }
  const ip = userData.client_ip_address
  if (ip !== undefined && (typeof ip !== "string" || isIP(ip) === 0)) {
    throw invalidEvent(index, "Invalid IP address", "user_data.client_ip_address must be an IPv4 or IPv6 address and is never hashed")
  }
  for (const key of ["fbc", "fbp"]) {
    const value = userData[key]
    if (value !== undefined && (typeof value !== "string" || !FB_COOKIE.test(value))) {
      throw invalidEvent(index, `Invalid ${key}`, `user_data.${key} must be the _${key} cookie value fb.<n>.<ms>.<id>, unhashed`)
    }
  }
  const ua = userData.client_user_agent
  if (actionSource === "website" && (typeof ua !== "string" || ua.trim() === "")) {
    throw invalidEvent(index, "Missing client_user_agent", "user_data.client_user_agent is required for website events")
  }
  const has = (key: string) => {
    const value = userData[key]
    return Array.isArray(value) ? value.length > 0 : typeof value === "string" && value !== ""
  }
  const enough =
    ["em", "ph", "external_id", "fbc", "fbp", "madid", "lead_id", "anon_id"].some(has) ||
    (has("client_ip_address") && has("client_user_agent")) ||
    (has("fn") && has("ln") && (has("zp") || has("ct") || has("db")))
  if (!enough) {
    throw invalidEvent(
      index,
      "Not enough customer information",
      "user_data needs at least one of em, ph, external_id, fbc, fbp, or client_ip_address with client_user_agent"
    )
  }
}

function checkEvent(index: number, event: unknown, nowSeconds: number): void {
  if (!isObject(event)) throw invalidEvent(index, "Invalid event", "each event must be an object")
  const name = event.event_name
  if (typeof name !== "string" || name.trim() === "") throw invalidEvent(index, "Missing event_name", "event_name is required")
  const time = event.event_time
  if (typeof time !== "number" || !Number.isInteger(time)) {
    throw invalidEvent(index, "Invalid event_time", "event_time is required, as a unix timestamp in seconds")
  }
  if (time < nowSeconds - MAX_AGE_SECONDS) {
    throw invalidEvent(
      index,
      "Event Timestamp Too Old",
      "The timestamp for this event is too far in the past. Events need to be logged within 7 days of their occurrence."
    )
  }
  if (time > nowSeconds + FUTURE_TOLERANCE_SECONDS) {
    throw invalidEvent(index, "Event Timestamp In The Future", "event_time must not be in the future")
  }
  const source = event.action_source
  if (typeof source !== "string" || !ACTION_SOURCES.includes(source)) {
    throw invalidEvent(index, "Invalid action_source", `action_source is required, one of ${ACTION_SOURCES.join(", ")}`)
  }
  if (source === "website") {
    const url = event.event_source_url
    if (typeof url !== "string" || !/^https?:\/\/\S+$/i.test(url)) {
      throw invalidEvent(index, "Missing event_source_url", "event_source_url (http:// or https://) is required for website events")
    }
  }
  if (event.event_id !== undefined && (typeof event.event_id !== "string" || event.event_id === "")) {
    throw invalidEvent(index, "Invalid event_id", "event_id must be a non-empty string")
  }
  checkUserData(index, event.user_data, source)
  const custom = event.custom_data
  if (custom !== undefined && !isObject(custom)) throw invalidEvent(index, "Invalid custom_data", "custom_data must be an object")
  if (name === "Purchase") {
    if (!isObject(custom) || typeof custom.value !== "number" || !Number.isFinite(custom.value)) {
      throw invalidEvent(index, "Missing value", "custom_data.value (a number) is required for Purchase events")
    }
    if (typeof custom.currency !== "string" || !/^[A-Za-z]{3}$/.test(custom.currency)) {
      throw invalidEvent(index, "Missing currency", "custom_data.currency (ISO 4217) is required for Purchase events")
    }
  }
}

export function handlePixelEvents(ctx: RouteContext, pixelId: string): Reply {
  const caller = authenticate(ctx)
  const pixel = ctx.world.pixels[pixelId]
  if (!pixel || !canSee(ctx.world, caller, { type: "AdsPixel", record: pixel })) {
    throw requestErrors.unsupported("POST", `${pixelId}/events`)
  }
  requireAnyScope(caller, ["ads_management", "business_management"])
  ctx.usage.objectId = pixelId
  ctx.usage.bucType = "ads_management"
  if (ctx.request.params.data === undefined) throw requestErrors.missingParam("data")
  const data = parseData(ctx.request.params.data)
  const nowMs = ctx.now()
  data.forEach((event, index) => checkEvent(index, event, Math.floor(nowMs / 1000)))

  const testEventCode = stringParam(ctx.request.params, "test_event_code")
  const partnerAgent = stringParam(ctx.request.params, "partner_agent")
  let byPixel = received.get(ctx.world)
  if (!byPixel) received.set(ctx.world, (byPixel = new Map()))
  const list = byPixel.get(pixelId) ?? []
  byPixel.set(pixelId, list)
  for (const event of data as Record<string, unknown>[]) {
    list.push({ pixelId, receivedAt: nowMs, ...(testEventCode ? { testEventCode } : {}), ...(partnerAgent ? { partnerAgent } : {}), event })
  }
  return json({ events_received: data.length, messages: [], fbtrace_id: newTraceId() })
}
