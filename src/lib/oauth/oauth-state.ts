import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * The OAuth `state` parameter (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow: "opaque CSRF value echoed back unchanged"). It is
 * `<payload>.<signature>`, both base64url: payload = JSON {nonce, userId, exp}, signature =
 * HMAC-SHA256(secret, payload). The signature binds the flow to the admin user who started it and to
 * a deadline; single use is enforced by the module's stored nonce, not here.
 */

export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000

/** Far larger than any state we sign; bounds the work an attacker-supplied value can cause. */
const MAX_STATE_LENGTH = 2048

const BASE64URL = /^[A-Za-z0-9_-]+$/

export type OAuthStateInput = { nonce: string; userId: string; expiresAt: number }

export type OAuthStateVerification =
  | { ok: true; nonce: string; userId: string; expiresAt: number }
  | { ok: false; reason: "malformed" | "bad_signature" | "expired" }

function sign(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(payload).digest()
}

function requireSecret(secret: string): void {
  if (typeof secret !== "string" || secret.length === 0) throw new Error("OAuth state secret must be a non-empty string")
}

export function signOAuthState(input: OAuthStateInput, secret: string): string {
  requireSecret(secret)
  if (!input.nonce || !input.userId) throw new Error("OAuth state needs a nonce and a userId")
  if (!Number.isFinite(input.expiresAt)) throw new Error("OAuth state expiresAt must be a finite number of milliseconds")
  const payload = Buffer.from(
    JSON.stringify({ nonce: input.nonce, userId: input.userId, exp: input.expiresAt }),
    "utf8"
  ).toString("base64url")
  return `${payload}.${sign(payload, secret).toString("base64url")}`
}

/** Checks the signature (in constant time) before looking at the payload, then the deadline. */
export function verifyOAuthState(state: string, secret: string, now: number = Date.now()): OAuthStateVerification {
  requireSecret(secret)
  if (typeof state !== "string" || state.length === 0 || state.length > MAX_STATE_LENGTH) {
    return { ok: false, reason: "malformed" }
  }
  const parts = state.split(".")
  if (parts.length !== 2 || !BASE64URL.test(parts[0]) || !BASE64URL.test(parts[1])) {
    return { ok: false, reason: "malformed" }
  }
  const [payload, signature] = parts
  const given = Buffer.from(signature, "base64url")
  const expected = sign(payload, secret)
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || given.toString("base64url") !== signature) {
    return { ok: false, reason: "bad_signature" }
  }
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))
  } catch {
    return { ok: false, reason: "malformed" }
  }
  if (typeof decoded !== "object" || decoded === null) return { ok: false, reason: "malformed" }
  const { nonce, userId, exp } = decoded as Record<string, unknown>
  if (typeof nonce !== "string" || nonce === "" || typeof userId !== "string" || userId === "") {
    return { ok: false, reason: "malformed" }
  }
  if (typeof exp !== "number" || !Number.isFinite(exp)) return { ok: false, reason: "malformed" }
  if (now >= exp) return { ok: false, reason: "expired" }
  return { ok: true, nonce, userId, expiresAt: exp }
}
