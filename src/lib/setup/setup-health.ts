import { FEATURE_NAMES, type FeatureName } from "../connection/features"
import { META_SETTINGS_PATH, REQUIRED_ASSET, featureLabel, type ReadinessConnection } from "../connection/feature-readiness"
import { formatUtc, type SetupCheckStatus } from "./setup-values"

/**
 * The whole-setup health check: from what Meta answered (debug_token, the pixel, the catalog, the Page's
 * subscribed apps) and what the store knows (chosen assets, webhook verification), one verdict per part of
 * the setup, each with what is wrong and the step that fixes it.
 */
export type SetupHealthCheckKey =
  | "token"
  | `feature.${FeatureName}`
  | "pixel_events"
  | "webhook_callback"
  | "webhook_page_subscription"
  | "catalog_reachable"

export type SetupHealthCheck = {
  key: SetupHealthCheckKey
  title: string
  status: SetupCheckStatus
  message: string
  /** The step that fixes it, or null when nothing is wrong or the message says what to change. */
  fix: { label: string; to: string } | null
}

/** What Meta answered for one object, reduced to what the merchant can act on. */
export type GraphRead<T> =
  | ({ state: "ok" } & T)
  | { state: "missing" | "refused" | "unreachable"; error: string }

export type SetupHealthInput = {
  now: Date
  /** debug_token's verdict; `reachable` false when Meta did not answer at all. */
  token: { reachable: boolean; valid: boolean; error: string | null; expiresAt: Date | null }
  /** Every feature's toggle, and the permissions it lacks (from the check's debug_token). */
  features: Record<FeatureName, { enabled: boolean; missingPermissions: string[] }>
  selected: ReadinessConnection["selected"]
  /** Asset names by Meta id, to name what is used. */
  assetNames: Record<string, string>
  /** Null when not read (no pixel chosen, Conversions API off, or the token does not work). */
  pixel: GraphRead<{ lastFiredAt: Date | null }> | null
  /** The newest Conversions API event the store sent successfully. */
  lastSentEventAt: Date | null
  webhook: { verifyTokenConfigured: boolean; verifiedAt: Date | null }
  /** Null when not read (no Page chosen, webhooks off, or the token does not work). */
  pageSubscription: GraphRead<{ subscribed: boolean }> | null
  /** Null when not read (no catalog chosen, catalog sync off, or the token does not work). */
  catalog: GraphRead<{ name: string; productCount: number | null }> | null
}

/** An event within this long counts as "Meta is receiving events". */
export const RECENT_EVENT_DAYS = 7
const DAY_MS = 86_400_000

export const EVENTS_PATH = "/meta/events"
const RECONNECT = { label: "Reconnect", to: META_SETTINGS_PATH }
const CHOOSE = { label: "Choose in settings", to: META_SETTINGS_PATH }

function list(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`
}

function tokenCheck(input: SetupHealthInput): SetupHealthCheck {
  const { token } = input
  const title = "Access to Meta"
  if (!token.reachable) {
    return {
      key: "token",
      title,
      status: "warning",
      message: `Meta did not answer${token.error ? ` (${token.error})` : ""}, so the setup could not be checked: try again in a few minutes.`,
      fix: null,
    }
  }
  if (!token.valid) {
    return {
      key: "token",
      title,
      status: "failed",
      message: `Meta no longer accepts the store's access${token.error ? ` ("${token.error}")` : ""}: reconnect to Meta; until then nothing is sent or read.`,
      fix: RECONNECT,
    }
  }
  return {
    key: "token",
    title,
    status: "ok",
    message: token.expiresAt
      ? `Meta accepts the store's access until ${formatUtc(token.expiresAt)}; the store renews it before then.`
      : "Meta accepts the store's access, with no end date.",
    fix: null,
  }
}

function featureCheck(input: SetupHealthInput, feature: FeatureName): SetupHealthCheck {
  const title = featureLabel(feature)
  const missing = input.token.valid ? input.features[feature].missingPermissions : []
  const asset = REQUIRED_ASSET[feature]
  const chosen = asset ? asset.keys.map((key) => input.selected[key]).filter((id): id is string => Boolean(id)) : []
  const problems: string[] = []
  if (missing.length) {
    problems.push(`Meta did not grant ${list(missing)}: reconnect and allow ${missing.length === 1 ? "it" : "them"}.`)
  }
  if (asset && chosen.length === 0) {
    problems.push(`None is chosen yet: choose ${asset.label} in the Meta settings.`)
  }
  if (problems.length) {
    return { key: `feature.${feature}`, title, status: "failed", message: problems.join(" "), fix: missing.length ? RECONNECT : CHOOSE }
  }
  const names = chosen.map((id) => `“${input.assetNames[id] ?? id}”`)
  return {
    key: `feature.${feature}`,
    title,
    status: "ok",
    message: names.length ? `Permissions granted; uses ${list(names)}.` : "Permissions granted.",
    fix: null,
  }
}

function pixelCheck(input: SetupHealthInput, pixel: NonNullable<SetupHealthInput["pixel"]>): SetupHealthCheck {
  const title = "Pixel receiving events"
  const pixelId = input.selected.pixel_id as string
  const name = `“${input.assetNames[pixelId] ?? pixelId}”`
  if (pixel.state !== "ok") {
    return {
      key: "pixel_events",
      title,
      status: pixel.state === "unreachable" ? "warning" : "failed",
      message:
        pixel.state === "unreachable"
          ? `Could not read the pixel ${name} from Meta (${pixel.error}): try again in a few minutes.`
          : `Meta refused to show the pixel ${name} (${pixel.error}): choose a pixel this connection can use.`,
      fix: pixel.state === "unreachable" ? null : CHOOSE,
    }
  }
  const times = [pixel.lastFiredAt, input.lastSentEventAt].filter((t): t is Date => t !== null)
  const latest = times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null
  if (!latest) {
    return {
      key: "pixel_events",
      title,
      status: "warning",
      message: `Meta has not received any event from the pixel ${name} yet: place a test order, then look for its Purchase in the events list.`,
      fix: { label: "Open events", to: EVENTS_PATH },
    }
  }
  if (input.now.getTime() - latest.getTime() > RECENT_EVENT_DAYS * DAY_MS) {
    return {
      key: "pixel_events",
      title,
      status: "warning",
      message: `The last event Meta received from the pixel ${name} was on ${formatUtc(latest)}: check the events list for failures and that the storefront loads the pixel.`,
      fix: { label: "Open events", to: EVENTS_PATH },
    }
  }
  return {
    key: "pixel_events",
    title,
    status: "ok",
    message: `Meta received the latest event from the pixel ${name} on ${formatUtc(latest)}.`,
    fix: null,
  }
}

function webhookCallbackCheck(input: SetupHealthInput): SetupHealthCheck {
  const title = "Webhooks callback"
  if (!input.webhook.verifyTokenConfigured) {
    return {
      key: "webhook_callback",
      title,
      status: "failed",
      message:
        "No verify token is set, so Meta cannot verify the webhooks URL and sends no comments or leads: set the plugin option webhookVerifyToken (or META_WEBHOOK_VERIFY_TOKEN), restart, and paste it in the App Dashboard → Webhooks.",
      fix: null,
    }
  }
  if (!input.webhook.verifiedAt) {
    return {
      key: "webhook_callback",
      title,
      status: "warning",
      message:
        "Meta has not verified the webhooks URL yet: paste the callback URL and verify token shown under “Paste into Meta” in the App Dashboard → Webhooks, then press “Verify and save”.",
      fix: null,
    }
  }
  return {
    key: "webhook_callback",
    title,
    status: "ok",
    message: `Meta verified the webhooks URL on ${formatUtc(input.webhook.verifiedAt)}.`,
    fix: null,
  }
}

function pageSubscriptionCheck(input: SetupHealthInput, read: NonNullable<SetupHealthInput["pageSubscription"]>): SetupHealthCheck {
  const title = "Page sends webhooks"
  const pageId = input.selected.page_id as string
  const name = `“${input.assetNames[pageId] ?? pageId}”`
  if (read.state !== "ok") {
    return {
      key: "webhook_page_subscription",
      title,
      status: read.state === "unreachable" ? "warning" : "failed",
      message:
        read.state === "unreachable"
          ? `Could not read which apps the Page ${name} sends webhooks to (${read.error}): try again in a few minutes.`
          : `Meta refused to show the Page ${name}'s webhook subscriptions (${read.error}): reconnect and allow managing the Page.`,
      fix: read.state === "unreachable" ? null : RECONNECT,
    }
  }
  return read.subscribed
    ? { key: "webhook_page_subscription", title, status: "ok", message: `The Page ${name} sends its comments and leads to this app.`, fix: null }
    : {
        key: "webhook_page_subscription",
        title,
        status: "warning",
        message: `The Page ${name} is not subscribed to this app, so Meta sends none of its comments or leads: subscribe it.`,
        fix: { label: "Subscribe the Page", to: META_SETTINGS_PATH },
      }
}

function catalogCheck(input: SetupHealthInput, read: NonNullable<SetupHealthInput["catalog"]>): SetupHealthCheck {
  const title = "Catalog reachable"
  const catalogId = input.selected.catalog_id as string
  const name = `“${input.assetNames[catalogId] ?? catalogId}”`
  if (read.state === "ok") {
    const count = read.productCount === null ? "" : ` (${read.productCount} ${read.productCount === 1 ? "item" : "items"})`
    return { key: "catalog_reachable", title, status: "ok", message: `Meta's catalog “${read.name}” answers${count}.`, fix: null }
  }
  if (read.state === "unreachable") {
    return {
      key: "catalog_reachable",
      title,
      status: "warning",
      message: `Could not reach the catalog ${name} (${read.error}): try again in a few minutes; product changes wait meanwhile.`,
      fix: null,
    }
  }
  return {
    key: "catalog_reachable",
    title,
    status: "failed",
    message:
      read.state === "missing"
        ? `Meta no longer has the catalog ${name} (deleted, or this connection lost access to it): choose another catalog; product changes wait meanwhile.`
        : `Meta refused access to the catalog ${name} (${read.error}): choose a catalog this connection can manage, or reconnect and allow catalog management.`,
    fix: CHOOSE,
  }
}

/** Every check that applies, in the order a merchant fixes them (access first, then each feature's parts). */
export function setupHealthChecks(input: SetupHealthInput): SetupHealthCheck[] {
  const checks = [tokenCheck(input)]
  const enabled = FEATURE_NAMES.filter((feature) => input.features[feature].enabled)
  for (const feature of enabled) {
    checks.push(featureCheck(input, feature))
  }
  if (input.features.catalog.enabled && input.selected.catalog_id && input.catalog) {
    checks.push(catalogCheck(input, input.catalog))
  }
  if (input.features.capi.enabled && input.selected.pixel_id && input.pixel) {
    checks.push(pixelCheck(input, input.pixel))
  }
  if (input.features.webhooks.enabled) {
    checks.push(webhookCallbackCheck(input))
    if (input.selected.page_id && input.pageSubscription) {
      checks.push(pageSubscriptionCheck(input, input.pageSubscription))
    }
  }
  return checks
}

/** Healthy when nothing failed (warnings are things to look at, not breakage). */
export function setupIsHealthy(checks: SetupHealthCheck[]): boolean {
  return checks.every((check) => check.status !== "failed")
}
