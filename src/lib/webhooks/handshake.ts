import { createHash, timingSafeEqual } from "node:crypto"

export type HandshakeQuery = Record<string, unknown>

/**
 * Meta's subscription handshake (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests): `hub.mode=subscribe` and `hub.verify_token` equal to
 * the token typed into the App Dashboard → answer `hub.challenge` as the plain-text body; else refuse.
 * Returns the challenge to echo, or null. No configured token means no subscription can be verified.
 */
export function answerHandshake(query: HandshakeQuery, verifyToken: string | undefined): string | null {
  const mode = query["hub.mode"]
  const token = query["hub.verify_token"]
  const challenge = query["hub.challenge"]
  if (!verifyToken || mode !== "subscribe" || typeof token !== "string" || typeof challenge !== "string") {
    return null
  }
  if (challenge === "" || challenge.length > 256) {
    return null
  }
  return sameSecret(token, verifyToken) ? challenge : null
}

/** Constant-time equality for secrets of any length (hashing first equalises the lengths). */
function sameSecret(a: string, b: string): boolean {
  const left = createHash("sha256").update(a).digest()
  const right = createHash("sha256").update(b).digest()
  return timingSafeEqual(left, right)
}
