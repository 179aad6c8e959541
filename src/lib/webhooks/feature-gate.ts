import type { ChangeKind } from "./classify-change"

/**
 * The changes the Webhooks feature switch governs: leads and comments wait while it is off. Permission
 * changes are still acted on (they protect the connection), and deauthorize / data-deletion callbacks are
 * separate endpoints Meta requires to work at all times
 * (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback).
 */
const GOVERNED: ReadonlySet<ChangeKind> = new Set(["leadgen", "page_comment", "instagram_comment", "instagram_mention"])

export function isGovernedByWebhooksFeature(kind: ChangeKind): boolean {
  return GOVERNED.has(kind)
}

/** Recorded on a change that waits because the feature is off; failed-lead explains it to the merchant. */
export const WEBHOOKS_OFF_ERROR =
  "Webhooks is switched off in Settings → Meta; this change waits and is processed once Webhooks is turned on"

/**
 * How often a waiting change looks again whether Webhooks is back on. Waiting is not a failed attempt: it
 * spends none of the change's retries, so a lead kept back for days is still processed once it is on.
 */
export const WEBHOOKS_OFF_RECHECK_MS = 10 * 60_000
