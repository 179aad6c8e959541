import { backendUrlWarning, publicUrlProblem } from "./public-url"

/**
 * What the merchant pastes into Meta's dashboards, each with where it goes and whether it will work. Every
 * URL is built from the plugin's `backendUrl` option, the same way the routes that serve them are reached.
 */
export type SetupCheckStatus = "ok" | "warning" | "failed"

export type SetupValueKey =
  | "oauth_redirect_uri"
  | "webhook_callback_url"
  | "webhook_verify_token"
  | "deauthorize_url"
  | "data_deletion_url"
  | "checkout_url"

export type SetupValue = {
  key: SetupValueKey
  label: string
  /** What to paste; null when there is nothing to paste yet (the check says what to do). */
  value: string | null
  /** Where it goes in Meta's dashboards. */
  where: string
  docs_url: string
  check: { status: SetupCheckStatus; message: string }
}

export type SetupSheet = {
  backend_url: string
  /** Why Meta cannot reach the store at backend_url, or null. */
  backend_url_warning: string | null
  /** When Meta last verified the webhook callback URL (ISO), or null. */
  webhook_verified_at: string | null
  values: SetupValue[]
}

export type SetupSheetInput = {
  backendUrl: string
  webhookVerifyToken?: string | null
  storefrontUrl?: string | null
  webhookVerifiedAt?: Date | null
}

export const SETUP_DOCS = {
  login: "https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#confirm",
  webhooks: "https://developers.facebook.com/docs/graph-api/webhooks/getting-started#configure-webhooks-product",
  data_deletion: "https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback",
  deauthorize: "https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#deauth-callback",
  checkout: "https://developers.facebook.com/docs/commerce-platform/setup-checkout-url",
} as const

/** "4 Dec 2026, 18:51 UTC": the same for every reader, whatever the server's locale. */
export function formatUtc(at: Date): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${at.getUTCDate()} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC`
}

const UNREACHABLE = "Meta cannot reach this address: set the store's public https address first (see the warning above)."

/** A callback Meta's servers call: it works only at a public https address. */
function callbackCheck(url: string, okMessage: string): SetupValue["check"] {
  return publicUrlProblem(url) === null ? { status: "ok", message: okMessage } : { status: "failed", message: UNREACHABLE }
}

export function buildSetupSheet(input: SetupSheetInput): SetupSheet {
  const backend = input.backendUrl.replace(/\/+$/, "")
  const reachable = publicUrlProblem(backend) === null
  const verifiedAt = input.webhookVerifiedAt ?? null
  const verifyToken = input.webhookVerifyToken || null

  const redirectUri = `${backend}/meta/oauth/callback`
  const redirectProblem = publicUrlProblem(redirectUri)
  const webhookUrl = `${backend}/meta/webhooks`

  const values: SetupValue[] = [
    {
      key: "oauth_redirect_uri",
      label: "Valid OAuth redirect URI",
      value: redirectUri,
      where: "Meta App Dashboard → Facebook Login for Business → Settings → Valid OAuth Redirect URIs",
      docs_url: SETUP_DOCS.login,
      // The browser follows this redirect, so a private address works for the admin who connects; Meta only
      // enforces https (it lets http://localhost through while the app is in development mode).
      check:
        redirectProblem === null
          ? { status: "ok", message: "Paste it exactly: Meta refuses the connection if one character differs." }
          : redirectProblem === "not_https" || redirectProblem === "invalid"
            ? { status: "warning", message: "Meta accepts an http redirect only for localhost while the app is in development mode: use the store's https address." }
            : { status: "warning", message: "Works only from this network: connecting from elsewhere needs the store's public https address." },
    },
    {
      key: "webhook_callback_url",
      label: "Webhooks callback URL",
      value: webhookUrl,
      where: "Meta App Dashboard → Webhooks → Page and Instagram → Callback URL",
      docs_url: SETUP_DOCS.webhooks,
      // A verification proves Meta reached the URL, whatever the address looks like from here.
      check: verifiedAt
        ? { status: "ok", message: `Meta verified this URL on ${formatUtc(verifiedAt)}.` }
        : !reachable
          ? { status: "failed", message: UNREACHABLE }
          : {
              status: "warning",
              message: "Not verified yet: paste this URL and the verify token in the App Dashboard → Webhooks, then press \"Verify and save\".",
            },
    },
    {
      key: "webhook_verify_token",
      label: "Webhooks verify token",
      value: verifyToken,
      where: "Meta App Dashboard → Webhooks → Page and Instagram → Verify token",
      docs_url: SETUP_DOCS.webhooks,
      check: verifyToken
        ? { status: "ok", message: "Type the same token in Meta's Verify token field: Meta sends it back when it verifies the URL." }
        : {
            status: "failed",
            message: "No verify token is set, so Meta cannot verify the webhooks URL: set the plugin option webhookVerifyToken (or META_WEBHOOK_VERIFY_TOKEN) to a random text of at least 8 characters, restart, then paste it in Meta.",
          },
    },
    {
      key: "deauthorize_url",
      label: "Deauthorize callback URL",
      value: `${backend}/meta/deauthorize`,
      where: "Meta App Dashboard → Facebook Login for Business → Settings → Deauthorize callback URL",
      docs_url: SETUP_DOCS.deauthorize,
      check: callbackCheck(`${backend}/meta/deauthorize`, "Meta calls it when someone removes the app; the store then stops using that connection."),
    },
    {
      key: "data_deletion_url",
      label: "Data deletion request URL",
      value: `${backend}/meta/data-deletion`,
      where: "Meta App Dashboard → App settings → Basic → Data deletion → Data deletion callback URL",
      docs_url: SETUP_DOCS.data_deletion,
      check: callbackCheck(`${backend}/meta/data-deletion`, "Meta calls it when someone asks for their data to be deleted; App Review requires it."),
    },
    {
      key: "checkout_url",
      label: "Shops checkout URL",
      value: `${backend}/meta/checkout`,
      where: "Commerce Manager → Shops → Checkout method \"Checkout on another website\" → Checkout URL",
      docs_url: SETUP_DOCS.checkout,
      check: !input.storefrontUrl
        ? {
            status: "failed",
            message: "Shoppers would land nowhere: set the plugin option storefrontUrl (or META_STOREFRONT_URL) to the storefront's address and restart.",
          }
        : callbackCheck(`${backend}/meta/checkout`, `Meta sends shoppers here; they continue to checkout on ${input.storefrontUrl}.`),
    },
  ]
  return {
    backend_url: backend,
    backend_url_warning: backendUrlWarning(backend),
    webhook_verified_at: verifiedAt ? verifiedAt.toISOString() : null,
    values,
  }
}
