import { categorizeGraphError } from "../graph/graph-error"

/**
 * Why an event is not (yet) at Meta, in the terms the merchant acts on:
 * - `meta_unavailable`: Meta did not answer (timeout, 5xx, throttling); the outbox retries by itself.
 * - `needs_reconnect`: Meta refused the connection's token (190/102) or a permission (10, 200–299); a
 *   retry cannot help until the merchant reconnects and grants it.
 * - `not_connected`: the store has no live connection; the event waits for one.
 * - `rejected`: Meta refused the event itself; it is not retried (a replay sends it again).
 * - `expired`: older than the Conversions API's 7-day window, never sent.
 * Codes and categories follow https://developers.facebook.com/docs/graph-api/guides/error-handling.
 */
export type CapiDeliveryProblemKind = "meta_unavailable" | "needs_reconnect" | "not_connected" | "rejected" | "expired"

export type CapiDeliveryProblem = { kind: CapiDeliveryProblemKind; message: string }

/** The connection as the outbox sees it now: usable, absent, or refused by Meta. */
export type CapiConnectionState = "connected" | "not_connected" | "needs_reconnect"

export type CapiDeliveryRow = {
  status: "pending" | "sent" | "failed" | "expired"
  attempts: number
  last_error: string | null
  /** Meta's error code of the last failure (null: no answer from Meta, or none recorded). */
  last_error_code: number | null
}

const REFUSED = new Set(["auth", "permission"])

/** Meta's code says the token or a permission was refused (not the event, not an outage). */
export function isConnectionRefusal(code: number | null | undefined): boolean {
  return typeof code === "number" && REFUSED.has(categorizeGraphError({ code }))
}

export function capiDeliveryProblem(row: CapiDeliveryRow, connection: CapiConnectionState): CapiDeliveryProblem | null {
  if (row.status === "sent") return null
  if (row.status === "expired") {
    return {
      kind: "expired",
      message: "Not sent within the Conversions API's 7-day window; Meta no longer accepts it.",
    }
  }
  if (row.status === "failed") {
    return {
      kind: "rejected",
      message: row.last_error
        ? `Meta did not accept this event: ${row.last_error}`
        : "Meta did not accept this event.",
    }
  }
  if (connection === "not_connected") {
    return {
      kind: "not_connected",
      message: "The store is not connected to Meta; the event is sent once you connect (within 7 days of the order).",
    }
  }
  if (connection === "needs_reconnect" || isConnectionRefusal(row.last_error_code)) {
    return {
      kind: "needs_reconnect",
      message: `Meta refused the connection${row.last_error ? ` (${row.last_error})` : ""}; reconnect to Meta and the event is sent again automatically.`,
    }
  }
  if (row.last_error && row.attempts > 0) {
    return {
      kind: "meta_unavailable",
      message: `Meta did not answer (${row.last_error}); the event is retried automatically.`,
    }
  }
  return null
}
