/**
 * Whether Meta's servers can call a URL of the store. Webhooks need a public https address with a valid
 * certificate (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#configure-webhooks-product),
 * and so do the deauthorize and data-deletion callbacks
 * (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback).
 */
export type PublicUrlProblem = "not_https" | "not_public" | "invalid"

const PRIVATE_HOST = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.0\.0\.0$|\[::1?\]$|\[f[cd][0-9a-f]{2}:)/i
const LOCAL_SUFFIX = /\.(local|localhost|internal|lan|home\.arpa)$/i

/** Null when Meta can call the URL; otherwise what stops it (a private host wins over plain http). */
export function publicUrlProblem(url: string): PublicUrlProblem | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return "invalid"
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "invalid"
  const host = parsed.hostname
  if (PRIVATE_HOST.test(host) || LOCAL_SUFFIX.test(host) || (!host.includes(".") && !host.startsWith("["))) {
    return "not_public"
  }
  return parsed.protocol === "https:" ? null : "not_https"
}

/** What the merchant reads about the store's address, or null when Meta can reach it. */
export function backendUrlWarning(backendUrl: string): string | null {
  const problem = publicUrlProblem(backendUrl)
  if (problem === null) return null
  const host = problem === "invalid" ? backendUrl : new URL(backendUrl).host
  const fix = "Set the plugin option backendUrl (or MEDUSA_BACKEND_URL) to the store's public https address, e.g. https://shop.example.com, and restart."
  if (problem === "not_public") {
    return `The store's address is ${host}, which Meta's servers cannot reach: webhooks, deauthorize and data-deletion callbacks will not arrive. ${fix}`
  }
  if (problem === "not_https") {
    return `The store's address ${host} uses http: Meta calls webhooks and callbacks only over https. ${fix}`
  }
  return `The store's address "${backendUrl}" is not a web address. ${fix}`
}
