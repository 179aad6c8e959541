export type ConnectionStatus = "active" | "expiring" | "expired" | "revoked" | "error"

/** A user token is refreshed (and shown as expiring) once it has less than this left. */
export const EXPIRING_WINDOW_MS = 7 * 24 * 60 * 60 * 1000

/**
 * The status a merchant sees. Stored problems (revoked, error, expired) win; otherwise the token's
 * expiry decides, so a connection turns "expiring" and then "expired" without waiting for a job.
 */
export function connectionStatus(
  stored: ConnectionStatus,
  tokenExpiresAt: Date | string | null | undefined,
  now: number = Date.now()
): ConnectionStatus {
  if (stored === "revoked" || stored === "error" || stored === "expired") {
    return stored
  }
  if (!tokenExpiresAt) {
    return "active"
  }
  const expiresAt = new Date(tokenExpiresAt).getTime()
  if (Number.isNaN(expiresAt)) {
    return stored
  }
  if (expiresAt <= now) {
    return "expired"
  }
  return expiresAt - now <= EXPIRING_WINDOW_MS ? "expiring" : "active"
}

/** Meta reports expiry as unix seconds where 0 means "never". */
export function dateFromUnixSeconds(seconds: number | null | undefined): Date | null {
  return typeof seconds === "number" && seconds > 0 ? new Date(seconds * 1000) : null
}
