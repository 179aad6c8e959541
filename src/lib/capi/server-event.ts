import { retailerIdOf as catalogRetailerIdOf } from "../catalog/retailer-id"
import type { ActionSource } from "./limits"
import { isCurrencyCode, toMetaValue, type AmountLike } from "./money"
import { buildUserData, type AddressLike, type UserData } from "./user-data"

/** One element of `data` in POST /{pixel_id}/events (https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/server-event). */
export type ServerEvent = {
  event_name: string
  event_time: number
  event_id: string
  action_source: ActionSource
  event_source_url?: string
  user_data: UserData
  custom_data?: Record<string, unknown>
  opt_out?: boolean
}

/** The shopper's browser, handed over by the storefront and kept on the cart (never hashed). */
export type BrowserContext = {
  eventSourceUrl?: string | null
  clientIpAddress?: string | null
  clientUserAgent?: string | null
  fbc?: string | null
  fbp?: string | null
}

export type LineItemLike = {
  quantity: number | string | { value?: unknown; numeric?: unknown }
  unit_price: AmountLike
  variant_id?: string | null
  variant_sku?: string | null
  product_id?: string | null
  title?: string | null
  variant?: { id?: string | null; sku?: string | null } | null
}

export type OrderLike = {
  id: string
  created_at: string | Date
  currency_code: string
  total: AmountLike
  email?: string | null
  customer_id?: string | null
  shipping_address?: AddressLike | null
  billing_address?: AddressLike | null
  items?: Array<LineItemLike | null> | null
}

export type Content = { id: string; quantity: number; item_price: number }

export class EventBuildError extends Error {
  name = "EventBuildError"
}

function unixSeconds(value: string | Date): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value)
  if (!Number.isFinite(ms)) throw new EventBuildError(`not a date: ${String(value)}`)
  return Math.floor(ms / 1000)
}

/** A line item's content id: the catalog's retailer id of its variant, so Meta matches events to catalog items. */
export function retailerIdOf(item: LineItemLike): string | null {
  const sku = item.variant_sku ?? item.variant?.sku
  const variantId = item.variant_id ?? item.variant?.id
  // A line item keeps its SKU after its variant is deleted (variant_id becomes null).
  if (!variantId) return sku?.trim() || null
  return catalogRetailerIdOf({ id: variantId, sku })
}

/** Medusa hands quantities out as numbers or as BigNumber objects (`numeric` getter, `value`, or valueOf). */
function quantityOf(item: LineItemLike): number {
  const q = item.quantity as unknown
  const raw =
    typeof q === "object" && q !== null
      ? ((q as { numeric?: unknown }).numeric ?? (q as { value?: unknown }).value ?? (q as object).valueOf())
      : q
  const quantity = Number(raw)
  return Number.isInteger(quantity) && quantity > 0 ? quantity : 0
}

/**
 * Meta: a website event needs action_source "website", event_source_url and client_user_agent. An order
 * placed without a browser behind it (a draft order, an API script) is sent as "other", which needs neither.
 */
function sourceOf(browser: BrowserContext | undefined): { action_source: ActionSource; event_source_url?: string } {
  const url = browser?.eventSourceUrl?.trim()
  if (url && /^https?:\/\//i.test(url) && browser?.clientUserAgent?.trim()) {
    return { action_source: "website", event_source_url: url }
  }
  return { action_source: "other" }
}

/**
 * Purchase for a placed order. event_id = the order id, so the browser's `fbq('track', 'Purchase', …,
 * { eventID: order.id })` and this event are counted once (same event_name + id within 48 h).
 * value is the order total in the currency's main unit; contents use the catalog retailer id so that
 * catalog ads attribute the sale.
 */
export function buildPurchaseEvent(order: OrderLike, browser?: BrowserContext): ServerEvent {
  const currency = order.currency_code?.trim().toUpperCase()
  if (!currency || !isCurrencyCode(currency)) {
    throw new EventBuildError(`order ${order.id} has no valid currency_code (${String(order.currency_code)})`)
  }
  const value = toMetaValue(order.total, currency)
  if (value === null) throw new EventBuildError(`order ${order.id} has no readable total`)

  // One content per retailer id: quantities add up, the first line's price is kept.
  const byId = new Map<string, Content>()
  for (const item of order.items ?? []) {
    if (!item) continue
    const id = retailerIdOf(item)
    const quantity = quantityOf(item)
    const price = toMetaValue(item.unit_price, currency)
    if (!id || quantity === 0 || price === null) continue
    const existing = byId.get(id)
    if (existing) existing.quantity += quantity
    else byId.set(id, { id, quantity, item_price: price })
  }
  const contents = [...byId.values()]

  return {
    event_name: "Purchase",
    event_time: unixSeconds(order.created_at),
    event_id: order.id,
    ...sourceOf(browser),
    user_data: buildUserData({
      emails: [order.email],
      externalIds: [order.customer_id],
      addresses: [order.billing_address, order.shipping_address],
      clientIpAddress: browser?.clientIpAddress,
      clientUserAgent: browser?.clientUserAgent,
      fbc: browser?.fbc,
      fbp: browser?.fbp,
    }),
    custom_data: {
      value,
      currency,
      content_type: "product",
      content_ids: contents.map((c) => c.id),
      contents,
      num_items: contents.reduce((sum, c) => sum + c.quantity, 0),
      order_id: order.id,
    },
  }
}

export type CustomerLike = {
  id: string
  created_at: string | Date
  email?: string | null
  phone?: string | null
  first_name?: string | null
  last_name?: string | null
  addresses?: Array<AddressLike | null> | null
}

/** CompleteRegistration when a customer account is created; event_id = the customer id. */
export function buildRegistrationEvent(customer: CustomerLike, browser?: BrowserContext): ServerEvent {
  const addresses = customer.addresses?.filter((a): a is AddressLike => !!a) ?? []
  return {
    event_name: "CompleteRegistration",
    event_time: unixSeconds(customer.created_at),
    event_id: customer.id,
    ...sourceOf(browser),
    user_data: buildUserData({
      emails: [customer.email],
      phones: [customer.phone],
      externalIds: [customer.id],
      addresses: [{ first_name: customer.first_name, last_name: customer.last_name }, ...addresses],
      clientIpAddress: browser?.clientIpAddress,
      clientUserAgent: browser?.clientUserAgent,
      fbc: browser?.fbc,
      fbp: browser?.fbp,
    }),
    custom_data: { status: "registered" },
  }
}

/** A browser event the storefront mirrors server-side with the eventID it gave fbq (so Meta dedupes them). */
export type MirroredEventInput = {
  eventName: string
  eventId: string
  eventTimeMs: number
  customData?: Record<string, unknown>
  email?: string | null
  externalId?: string | null
}

export function buildMirroredEvent(input: MirroredEventInput, browser: BrowserContext): ServerEvent {
  return {
    event_name: input.eventName,
    event_time: Math.floor(input.eventTimeMs / 1000),
    event_id: input.eventId,
    ...sourceOf(browser),
    user_data: buildUserData({
      emails: [input.email],
      externalIds: [input.externalId],
      clientIpAddress: browser.clientIpAddress,
      clientUserAgent: browser.clientUserAgent,
      fbc: browser.fbc,
      fbp: browser.fbp,
    }),
    ...(input.customData && Object.keys(input.customData).length ? { custom_data: input.customData } : {}),
  }
}
