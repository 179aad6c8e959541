/**
 * Which alerts hold right now. An alert has a cause — a key that names exactly what is wrong (this token's
 * expiry, this publication's failure, today's spend of this account) — and is sent once per cause: the
 * store records each cause it alerted about and alerts again only for a new cause, or for the same one after
 * it went away and came back. This file only decides the causes that hold, from figures the store read.
 */
import { compareDecimals, divideDecimals, multiplyDecimals, tryParseDecimal } from "../ads/money"
import { formatAmount } from "./amounts"
import { rangeInstants } from "./report-time"

export const ALERT_KINDS = ["token", "publication_failed", "catalog_errors", "capi_failing", "rule_acted", "spend_pacing"] as const
export type AlertKind = (typeof ALERT_KINDS)[number]

export type AlertSettings = {
  token: { enabled: boolean }
  publication_failed: { enabled: boolean }
  /** At least `threshold` catalog items rejected by Meta at once. */
  catalog_errors: { enabled: boolean; threshold: number }
  /** At least `threshold` Conversions API events failed (or still retrying after an error) in the last 24 hours. */
  capi_failing: { enabled: boolean; threshold: number }
  rule_acted: { enabled: boolean }
  /**
   * Today's spend, or its pace projected to the end of the day, above `daily_ceiling` (main unit of the ad
   * account's currency); null = the ceiling set for automated rules on the account.
   */
  spend_pacing: { enabled: boolean; daily_ceiling: string | null }
  /** Also e-mailed to these addresses, through the notification module's "email" channel provider. */
  email_recipients: string[]
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  token: { enabled: true },
  publication_failed: { enabled: true },
  catalog_errors: { enabled: true, threshold: 10 },
  capi_failing: { enabled: true, threshold: 5 },
  rule_acted: { enabled: false },
  spend_pacing: { enabled: true, daily_ceiling: null },
  email_recipients: [],
}

/** Stored settings over the defaults: a kind or field missing (or of the wrong type) keeps its default. */
export function resolveAlertSettings(stored: unknown): AlertSettings {
  const raw = stored && typeof stored === "object" ? (stored as Record<string, any>) : {}
  const out = structuredClone(DEFAULT_ALERT_SETTINGS) as AlertSettings & Record<string, any>
  for (const kind of ALERT_KINDS) {
    const value = raw[kind]
    if (!value || typeof value !== "object") continue
    if (typeof value.enabled === "boolean") out[kind].enabled = value.enabled
    if ((kind === "catalog_errors" || kind === "capi_failing") && Number.isInteger(value.threshold) && value.threshold >= 1) {
      out[kind].threshold = value.threshold
    }
    if (kind === "spend_pacing" && (value.daily_ceiling === null || tryParseDecimal(value.daily_ceiling))) {
      out.spend_pacing.daily_ceiling = value.daily_ceiling
    }
  }
  if (Array.isArray(raw.email_recipients)) out.email_recipients = raw.email_recipients.filter((e: unknown) => typeof e === "string")
  return out
}

/** What the store read for one evaluation. Times are instants; amounts decimal strings. */
export type AlertSignals = {
  connection: {
    id: string
    /** The stored status (active, expiring, expired, revoked, error). */
    status: string
    token_expires_at: Date | null
    data_access_expires_at: Date | null
    last_error: string | null
  } | null
  /** Publications in `failed` (newest first). */
  failedPublications: { id: string; caption: string | null; reason: string | null; attempts: number; failed_at: Date }[]
  catalog: { errors: number }
  capi: { failing: number; last_error: string | null }
  /** Rule evaluations of the last 24 hours that changed something. */
  ruleActions: { evaluation_id: string; rule_id: string; rule_name: string; changes: number; evaluated_at: Date }[]
  spend: {
    account_id: string
    currency: string
    time_zone: string
    /** Account-local day the spend is for. */
    day: string
    spend_today: string
    /** The ceiling from the account's rule guards (main unit), if any. */
    account_ceiling: string | null
  } | null
}

export type AlertCause = {
  kind: AlertKind
  cause_key: string
  title: string
  description: string
  /** Admin path of the screen that explains it. */
  link: string
  numbers: Record<string, string | number | null>
}

const DAY_MS = 24 * 60 * 60 * 1000
/** A user token is renewed and shown as expiring in its last 7 days (src/lib/connection/status.ts). */
export const TOKEN_WARNING_MS = 7 * DAY_MS
/** Projection of today's spend starts after the first hour: earlier, a few cents project to nonsense. */
export const PACING_MIN_ELAPSED_MS = 60 * 60 * 1000

const shortDate = (date: Date) => date.toISOString().slice(0, 10)
const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
/** Meta's messages often end without a full stop ("…fetched from this uri: https://…"); the alert adds one. */
const asSentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`)

function tokenCauses(connection: NonNullable<AlertSignals["connection"]>, now: number): AlertCause[] {
  if (["revoked", "expired", "error"].includes(connection.status)) {
    return [
      {
        kind: "token",
        cause_key: `token:${connection.id}:${connection.status}`,
        title: connection.status === "revoked" ? "Meta access was revoked" : "Meta connection needs attention",
        description: `${connection.last_error ?? "Meta no longer accepts the store's token."} Catalog sync, events, publishing and ads wait until you reconnect in Settings → Meta.`,
        link: "/settings/meta",
        numbers: { status: connection.status },
      },
    ]
  }
  const causes: AlertCause[] = []
  for (const [which, expiresAt] of [
    ["token", connection.token_expires_at],
    ["data_access", connection.data_access_expires_at],
  ] as const) {
    if (!expiresAt) continue
    const left = expiresAt.getTime() - now
    if (left > TOKEN_WARNING_MS) continue
    const expired = left <= 0
    causes.push({
      kind: "token",
      cause_key: `token:${connection.id}:${which}:${expiresAt.toISOString()}`,
      title:
        which === "token"
          ? expired
            ? "The Meta token has expired"
            : "The Meta token expires soon"
          : expired
            ? "Meta data access has expired"
            : "Meta data access expires soon",
      description:
        which === "token"
          ? `The store's Meta token ${expired ? "expired" : "expires"} on ${shortDate(expiresAt)}. Reconnect in Settings → Meta if it is not renewed automatically.`
          : `Meta's data access for this connection ${expired ? "ended" : "ends"} on ${shortDate(expiresAt)}; only logging in again renews it. Reconnect in Settings → Meta.`,
      link: "/settings/meta",
      numbers: { expires_at: expiresAt.toISOString(), days_left: Math.max(0, Math.floor(left / DAY_MS)) },
    })
  }
  return causes
}

function spendCause(spend: NonNullable<AlertSignals["spend"]>, ceiling: string, now: number): AlertCause | null {
  if (compareDecimals(ceiling, "0") <= 0) return null
  const over = compareDecimals(spend.spend_today, ceiling) > 0
  // Spend so far × the day's length / the time gone: the day's total if it keeps this pace (integers only).
  const { start, end } = rangeInstants({ from: spend.day, to: spend.day }, spend.time_zone)
  const elapsed = Math.min(now, end.getTime()) - start.getTime()
  const length = end.getTime() - start.getTime()
  const projected =
    elapsed >= PACING_MIN_ELAPSED_MS ? divideDecimals(multiplyDecimals(spend.spend_today, String(length)), String(elapsed), 2) : null
  const paceOver = projected !== null && compareDecimals(projected, ceiling) > 0
  if (!over && !paceOver) return null
  const amount = (v: string) => `${formatAmount(v, spend.currency)} ${spend.currency}`
  return {
    kind: "spend_pacing",
    cause_key: `spend_pacing:${spend.account_id}:${spend.day}`,
    title: over ? "Ad spend is above the daily ceiling" : "Ad spend is pacing above the daily ceiling",
    description: over
      ? `Spend today is ${amount(spend.spend_today)}, above the ceiling of ${amount(ceiling)}.`
      : `Spend today is ${amount(spend.spend_today)}; at this pace the day ends at about ${amount(projected as string)}, above the ceiling of ${amount(ceiling)}.`,
    link: "/meta/campaigns",
    numbers: { spend_today: spend.spend_today, projected, ceiling, day: spend.day },
  }
}

/** The causes that hold now for the enabled kinds. */
export function evaluateAlerts(signals: AlertSignals, settings: AlertSettings, now: number = Date.now()): AlertCause[] {
  const causes: AlertCause[] = []
  if (settings.token.enabled && signals.connection) causes.push(...tokenCauses(signals.connection, now))
  if (settings.publication_failed.enabled) {
    for (const p of signals.failedPublications) {
      causes.push({
        kind: "publication_failed",
        // Attempts name the failure: an edit of a failed post is no new failure, a retry that fails again is.
        cause_key: `publication_failed:${p.id}:${p.attempts}`,
        title: "A publication failed",
        description: `${p.caption ? `"${clip(p.caption)}": ` : ""}${asSentence(p.reason || "Meta refused it.")} Open it in Publishing to fix and retry.`,
        link: "/meta/publishing?view=list&status=failed",
        numbers: { publication_id: p.id },
      })
    }
  }
  if (settings.catalog_errors.enabled && signals.catalog.errors >= settings.catalog_errors.threshold) {
    causes.push({
      kind: "catalog_errors",
      cause_key: "catalog_errors",
      title: "Meta rejected catalog items",
      description: `${signals.catalog.errors} catalog items are in error (alert from ${settings.catalog_errors.threshold}). Each one says what to fix in Catalog.`,
      link: "/meta/catalog?status=error",
      numbers: { errors: signals.catalog.errors, threshold: settings.catalog_errors.threshold },
    })
  }
  if (settings.capi_failing.enabled && signals.capi.failing >= settings.capi_failing.threshold) {
    causes.push({
      kind: "capi_failing",
      cause_key: "capi_failing",
      title: "Conversions API events are failing",
      description: `${signals.capi.failing} events failed or are retrying after an error in the last 24 hours${signals.capi.last_error ? ` (last: ${clip(signals.capi.last_error)})` : ""}.`,
      link: "/meta/events",
      numbers: { failing: signals.capi.failing, threshold: settings.capi_failing.threshold },
    })
  }
  if (settings.rule_acted.enabled) {
    for (const action of signals.ruleActions) {
      causes.push({
        kind: "rule_acted",
        cause_key: `rule_acted:${action.evaluation_id}`,
        title: "An automated rule changed your ads",
        description: `"${clip(action.rule_name)}" made ${action.changes} change${action.changes === 1 ? "" : "s"}. Each decision and its numbers are in Rules.`,
        link: "/meta/rules",
        numbers: { rule_id: action.rule_id, changes: action.changes },
      })
    }
  }
  if (settings.spend_pacing.enabled && signals.spend) {
    const ceiling = settings.spend_pacing.daily_ceiling ?? signals.spend.account_ceiling
    const cause = ceiling ? spendCause(signals.spend, ceiling, now) : null
    if (cause) causes.push(cause)
  }
  return causes
}
