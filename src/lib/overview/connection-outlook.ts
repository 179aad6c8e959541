/**
 * What happens next to the store's access: a long-lived user token is renewed by the plugin's daily job in its
 * last 7 days (src/jobs/refresh-meta-tokens.ts), but Meta's data access — 90 days from the person's last use of
 * the app — only renews when they log in again (https://developers.facebook.com/docs/facebook-login/auth-vs-data/).
 * System-user tokens usually never expire.
 */
import type { GraphUsageSnapshot } from "../graph/usage-headers"
import { TOKEN_WARNING_MS } from "./alerts"

export type AccessOutlook =
  | { kind: "renews_automatically"; on: string }
  | { kind: "reconnect_before"; before: string }
  | { kind: "never_expires" }
  | { kind: "expired"; since: string | null }
  | { kind: "needs_reconnect"; reason: string }

export type OutlookInput = {
  /** The status the merchant sees (active, expiring, expired, revoked, error). */
  status: string
  method: "oauth" | "system_user"
  token_expires_at: Date | null
  data_access_expires_at: Date | null
  last_error: string | null
}

export function accessOutlook(input: OutlookInput, now: number = Date.now()): AccessOutlook {
  if (input.status === "revoked" || input.status === "error") {
    return { kind: "needs_reconnect", reason: input.last_error ?? (input.status === "revoked" ? "Access was revoked at Meta." : "Meta refused the token.") }
  }
  if (input.status === "expired" || (input.token_expires_at && input.token_expires_at.getTime() <= now)) {
    return { kind: "expired", since: input.token_expires_at?.toISOString() ?? null }
  }
  const dataAccess = input.data_access_expires_at && input.data_access_expires_at.getTime() > now ? input.data_access_expires_at : null
  if (!input.token_expires_at) {
    // A token without expiry still loses data access at its date, and only a new login restores it.
    return dataAccess && input.method === "oauth" ? { kind: "reconnect_before", before: dataAccess.toISOString() } : { kind: "never_expires" }
  }
  // The renewal job runs daily once the token has 7 days left; Meta cannot renew past the data access date.
  const renewsOn = new Date(Math.max(now, input.token_expires_at.getTime() - TOKEN_WARNING_MS))
  if (input.method === "oauth" && (!dataAccess || dataAccess.getTime() > input.token_expires_at.getTime())) {
    return { kind: "renews_automatically", on: renewsOn.toISOString() }
  }
  return { kind: "reconnect_before", before: (dataAccess ?? input.token_expires_at).toISOString() }
}

/**
 * Meta's rate-limit figures as the freshest reading of each budget among all the store's processes. Every
 * process records what Meta's headers said on its own calls; Meta counts per app (and per business use case
 * and ad account), not per process, so the newest reading of a budget is the current one.
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting
 */
export function mergeUsageSnapshots(snapshots: readonly GraphUsageSnapshot[]): GraphUsageSnapshot {
  const merged: GraphUsageSnapshot = { app: null, businessUseCase: {}, adAccounts: {} }
  for (const snapshot of snapshots) {
    if (snapshot.app && (!merged.app || snapshot.app.updatedAt > merged.app.updatedAt)) merged.app = snapshot.app
    for (const [id, usage] of Object.entries(snapshot.businessUseCase ?? {})) {
      const current = merged.businessUseCase[id]
      if (!current || usage.updatedAt > current.updatedAt) merged.businessUseCase[id] = usage
    }
    for (const [id, usage] of Object.entries(snapshot.adAccounts ?? {})) {
      const current = merged.adAccounts[id]
      if (!current || usage.updatedAt > current.updatedAt) merged.adAccounts[id] = usage
    }
  }
  return merged
}
