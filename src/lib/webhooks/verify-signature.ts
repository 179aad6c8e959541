import { createHmac, timingSafeEqual } from "node:crypto"

/** Meta signs every webhook POST: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`. */
export const SIGNATURE_HEADER = "x-hub-signature-256"
const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "malformed" | "mismatch" }

/** The header value Meta would send for these bytes. */
export function signWebhookBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`
}

/**
 * Checks X-Hub-Signature-256 over the raw request bytes — never over re-serialised JSON: Meta escapes
 * non-ASCII as \uXXXX, so JSON.stringify(JSON.parse(body)) differs from what was signed (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications).
 * The comparison is constant-time so the signature cannot be guessed byte by byte.
 */
export function verifyWebhookSignature(
  rawBody: Buffer | string,
  header: string | string[] | undefined,
  appSecret: string
): SignatureCheck {
  const value = Array.isArray(header) ? header[0] : header
  if (value === undefined || value.trim() === "") {
    return { ok: false, reason: "missing" }
  }
  const match = SIGNATURE_FORMAT.exec(value.trim())
  if (!match) {
    return { ok: false, reason: "malformed" }
  }
  const received = Buffer.from(match[1].toLowerCase(), "hex")
  const expected = createHmac("sha256", appSecret).update(rawBody).digest()
  return received.length === expected.length && timingSafeEqual(received, expected)
    ? { ok: true }
    : { ok: false, reason: "mismatch" }
}
