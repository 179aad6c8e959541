import type { ConnectionStatus } from "./status"

type BadgeColor = "green" | "orange" | "red"

export type ConnectionBadgeInput = {
  status: ConnectionStatus
  features: Record<string, { enabled: boolean; missing_permissions: string[] }>
}

export type ConnectionBadge = {
  label: string
  color: BadgeColor
  /** Why, in the merchant's words, when the badge is not a plain "Active". */
  hint: string | null
}

const REFUSED: Partial<Record<ConnectionStatus, string>> = {
  expired: "Expired",
  revoked: "Revoked",
  error: "Error",
}

/**
 * The connection's badge in Settings → Meta. A token Meta refuses wins (red); then permissions a switched-on
 * feature needs and Meta did not grant (orange "Permissions missing" — never a green "Active" beside a
 * permission error); then an expiring token; else "Active". Features that are off do not count: they
 * need nothing from Meta.
 */
export function connectionBadge(connection: ConnectionBadgeInput): ConnectionBadge {
  const refused = REFUSED[connection.status]
  if (refused) return { label: refused, color: "red", hint: "Meta no longer accepts this connection: reconnect." }
  const missing = [
    ...new Set(
      Object.values(connection.features)
        .filter((feature) => feature.enabled)
        .flatMap((feature) => feature.missing_permissions)
    ),
  ]
  if (missing.length) {
    return {
      label: "Permissions missing",
      color: "orange",
      hint: `Meta did not grant ${missing.join(", ")}: reconnect and allow ${missing.length === 1 ? "it" : "them"}, or turn off the features that need ${missing.length === 1 ? "it" : "them"}.`,
    }
  }
  if (connection.status === "expiring") {
    return { label: "Expiring", color: "orange", hint: "The access to Meta expires soon: reconnect to renew it." }
  }
  return { label: "Active", color: "green", hint: null }
}
