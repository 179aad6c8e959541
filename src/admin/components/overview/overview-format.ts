import type { MetaAccessOutlook, MetaOverviewConnection } from "../../../types/http/overview"
import { formatDateTime } from "../../lib/format-date"

const day = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(iso))

/** The refresh job renews a user token once it has this little left (src/jobs/refresh-meta-tokens.ts). */
const RENEWAL_WINDOW_MS = 7 * 24 * 60 * 60 * 1000

/**
 * What happens next to the store's access, in one sentence ("Renews automatically on Jun 3, 2026."). A token
 * already in its last 7 days is said to expire soon, with its date: the renewal is due, and if the daily
 * refresh cannot renew it the merchant must reconnect before that date.
 */
export const outlookText = (outlook: MetaAccessOutlook, tokenExpiresAt: string | null = null, now: number = Date.now()): string => {
  switch (outlook.kind) {
    case "renews_automatically": {
      const expiresAt = tokenExpiresAt ? new Date(tokenExpiresAt).getTime() : NaN
      if (expiresAt - now <= RENEWAL_WINDOW_MS) {
        return `The token expires soon, on ${day(tokenExpiresAt as string)}: the daily refresh renews it automatically. If this still shows tomorrow, reconnect in Settings → Meta.`
      }
      return `Renews automatically on ${day(outlook.on)}.`
    }
    case "reconnect_before":
      return `Reconnect before ${day(outlook.before)}: Meta only renews data access when you log in again.`
    case "never_expires":
      return "The token does not expire."
    case "expired":
      return outlook.since ? `The token expired on ${formatDateTime(outlook.since)}: reconnect.` : "The token has expired: reconnect."
    case "needs_reconnect":
      return `Reconnect: ${outlook.reason}`
  }
}

/** The highest share of any of Meta's rate-limit budgets, in percent (Meta throttles at 100). */
export const highestUsage = (usage: MetaOverviewConnection["api_usage"]): { percent: number; label: string } | null => {
  const candidates: { percent: number; label: string }[] = []
  if (usage.app) candidates.push({ percent: Math.max(usage.app.call_count, usage.app.total_cputime, usage.app.total_time), label: "app" })
  for (const o of usage.objects) {
    candidates.push({ percent: Math.max(o.call_count, o.total_cputime, o.total_time), label: `${o.type} ${o.id}` })
  }
  return candidates.sort((a, b) => b.percent - a.percent)[0] ?? null
}

export const count = (n: number) => new Intl.NumberFormat().format(n)
