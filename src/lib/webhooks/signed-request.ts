import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Meta's `signed_request` (deauthorize and data-deletion callbacks, https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#deauth-callback and https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback): `{sig}.{payload}`,
 * both base64url without padding; sig = HMAC-SHA256(app secret, the payload string as received);
 * the payload is JSON with `algorithm: "HMAC-SHA256"`, `issued_at` and the app-scoped `user_id`.
 */
export type SignedRequestPayload = {
  algorithm: "HMAC-SHA256"
  user_id: string
  issued_at?: number
  expires?: number
  [key: string]: unknown
}

export type SignedRequestCheck =
  | { ok: true; payload: SignedRequestPayload }
  | { ok: false; reason: "malformed" | "bad_signature" | "unsupported_algorithm" | "missing_user" }

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/
/** Generous upper bound; Meta's payloads are a few hundred bytes. */
const MAX_LENGTH = 8192

function decodeBase64Url(value: string): Buffer {
  const base64 = value.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/")
  return Buffer.from(base64 + "=".repeat((4 - (base64.length % 4)) % 4), "base64")
}

export function encodeBase64Url(value: Buffer | string): string {
  return Buffer.from(value).toString("base64url")
}

/** Builds a signed_request as Meta does (used by the emulator and tests). */
export function buildSignedRequest(payload: Record<string, unknown>, appSecret: string): string {
  const encoded = encodeBase64Url(JSON.stringify({ algorithm: "HMAC-SHA256", ...payload }))
  const sig = createHmac("sha256", appSecret).update(encoded).digest()
  return `${encodeBase64Url(sig)}.${encoded}`
}

export function parseSignedRequest(signedRequest: unknown, appSecret: string): SignedRequestCheck {
  if (typeof signedRequest !== "string" || signedRequest.length > MAX_LENGTH) {
    return { ok: false, reason: "malformed" }
  }
  const parts = signedRequest.split(".")
  if (parts.length !== 2 || !BASE64URL.test(parts[0]) || !BASE64URL.test(parts[1])) {
    return { ok: false, reason: "malformed" }
  }
  const [encodedSig, encodedPayload] = parts
  let payload: unknown
  try {
    payload = JSON.parse(decodeBase64Url(encodedPayload).toString("utf8"))
  } catch {
    return { ok: false, reason: "malformed" }
  }
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) {
    return { ok: false, reason: "malformed" }
  }
  const fields = payload as Record<string, unknown>
  // Check the algorithm before trusting the signature scheme it names.
  if (typeof fields.algorithm !== "string" || fields.algorithm.toUpperCase() !== "HMAC-SHA256") {
    return { ok: false, reason: "unsupported_algorithm" }
  }
  const received = decodeBase64Url(encodedSig)
  const expected = createHmac("sha256", appSecret).update(encodedPayload).digest()
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return { ok: false, reason: "bad_signature" }
  }
  const userId = typeof fields.user_id === "number" ? String(fields.user_id) : fields.user_id
  if (typeof userId !== "string" || !/^\d{1,32}$/.test(userId)) {
    return { ok: false, reason: "missing_user" }
  }
  return { ok: true, payload: { ...fields, algorithm: "HMAC-SHA256", user_id: userId } }
}
