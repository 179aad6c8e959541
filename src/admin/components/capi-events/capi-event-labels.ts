import type { MetaCapiEvent, MetaCapiEventProblemKind, MetaCapiEventStatus, MetaMatchQuality } from "../../../types/http/events"

type BadgeColor = "green" | "red" | "orange" | "blue" | "grey"

export const CAPI_STATUS: Record<MetaCapiEventStatus, { label: string; color: BadgeColor }> = {
  sent: { label: "Sent", color: "green" },
  pending: { label: "Pending", color: "orange" },
  failed: { label: "Failed", color: "red" },
  expired: { label: "Expired", color: "grey" },
}

export const CAPI_STATUSES = Object.keys(CAPI_STATUS) as MetaCapiEventStatus[]

/** What the plugin sends: Purchase and CompleteRegistration itself, the rest mirrored from the browser. */
export const CAPI_EVENT_NAMES = [
  "Purchase",
  "CompleteRegistration",
  "ViewContent",
  "AddToCart",
  "InitiateCheckout",
  "AddPaymentInfo",
  "Search",
  "Lead",
]

export const MATCH_RATING: Record<MetaMatchQuality["rating"], { label: string; color: BadgeColor }> = {
  great: { label: "Great", color: "green" },
  good: { label: "Good", color: "blue" },
  ok: { label: "OK", color: "orange" },
  poor: { label: "Poor", color: "red" },
}

/** Meta's user_data keys in words, for the per-event and aggregate match hints. */
export const USER_DATA_KEY_LABEL: Record<string, string> = {
  em: "Email",
  ph: "Phone",
  fn: "First name",
  ln: "Last name",
  ge: "Gender",
  db: "Birth date",
  ct: "City",
  st: "State",
  zp: "Postal code",
  country: "Country",
  external_id: "Customer id",
  client_ip_address: "IP address",
  client_user_agent: "User agent",
  fbc: "Click id (fbc)",
  fbp: "Browser id (fbp)",
}

/** Why an event is not at Meta, in a few words for the list (the event's `problem.message` says more). */
export const PROBLEM_LABEL: Record<MetaCapiEventProblemKind, string> = {
  meta_unavailable: "Meta did not answer; retrying",
  needs_reconnect: "Reconnect to Meta to send",
  not_connected: "Waiting for a Meta connection",
  rejected: "Rejected by Meta",
  expired: "Too old to send",
}

/** The order number the merchant knows, "#1042", else the order id (never blank). */
export const orderLabel = (order: NonNullable<MetaCapiEvent["order"]>) =>
  order.display_id !== null ? `#${order.display_id}` : order.id
