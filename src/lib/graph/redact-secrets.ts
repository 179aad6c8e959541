/**
 * Tokens and the app secret must never reach an error message or a log line. Meta echoes malformed
 * tokens back in its messages, and network errors can quote the request URL, so every text that
 * leaves the client goes through here.
 */

export const REDACTED = "[redacted]"

/** Query/body parameters whose value is a credential in Meta's OAuth and Graph calls. */
const SECRET_PARAMS = [
  "access_token",
  "appsecret_proof",
  "client_secret",
  "fb_exchange_token",
  "input_token",
  "code",
]

const SECRET_PARAM_PATTERN = new RegExp(`([?&;]|\\b)(${SECRET_PARAMS.join("|")})=[^&\\s"'<>]+`, "gi")

/** Meta user/page/system-user tokens start with "EAA" followed by a long alphanumeric run. */
const META_TOKEN_PATTERN = /\bEAA[A-Za-z0-9]{16,}/g

/** Secrets shorter than this are not searched for literally (they would match ordinary text). */
const MIN_LITERAL_SECRET_LENGTH = 6

export function isSecretParam(name: string): boolean {
  return SECRET_PARAMS.includes(name.toLowerCase())
}

export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text
  const literals = new Set<string>()
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_LITERAL_SECRET_LENGTH) continue
    literals.add(secret)
    literals.add(encodeURIComponent(secret))
  }
  // Longest first so a token containing another secret (the app token contains the app secret) goes whole.
  for (const literal of [...literals].sort((a, b) => b.length - a.length)) {
    result = result.split(literal).join(REDACTED)
  }
  return result
    .replace(SECRET_PARAM_PATTERN, (_match, prefix: string, name: string) => `${prefix}${name}=${REDACTED}`)
    .replace(META_TOKEN_PATTERN, REDACTED)
}
