import { createHash, randomBytes } from "node:crypto"
import { VaultError } from "./vault-error"

/** AES-256 takes exactly 32 bytes of key. */
export const KEY_BYTES = 32

const HEX_KEY = /^[0-9a-fA-F]{64}$/
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}={0,1}$/

const HOW_TO_GENERATE =
  `Use 32 random bytes as base64 (44 characters) or hex (64 characters), e.g. ` +
  `node -e "console.log(require('crypto').randomBytes(${KEY_BYTES}).toString('base64'))"`

/**
 * Parses one configured key. Errors name the option the merchant has to fix, and never echo the
 * value (it is a secret even when malformed).
 */
export function parseEncryptionKey(value: string, optionName: string): Buffer {
  if (typeof value !== "string" || value.trim() === "") {
    throw new VaultError(
      "missing_key",
      `The Meta plugin option ${optionName} is not set (or env META_ENCRYPTION_KEY is empty); it encrypts stored Meta tokens. ${HOW_TO_GENERATE}`
    )
  }
  const trimmed = value.trim()
  let key: Buffer | undefined
  if (HEX_KEY.test(trimmed)) {
    key = Buffer.from(trimmed, "hex")
  } else if (BASE64_KEY.test(trimmed)) {
    const decoded = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64")
    // Reject encodings whose spare bits are set: they do not round-trip, so the text is not a real key.
    const canonical = decoded.toString("base64").replace(/=+$/, "")
    if (canonical === trimmed.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "")) key = decoded
  }
  if (!key) {
    const decodedLength = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)
      ? Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64").length
      : undefined
    const hint =
      /^[0-9a-fA-F]+$/.test(trimmed) && trimmed.length % 2 === 0
        ? ` It looks like hex of ${trimmed.length / 2} bytes; ${KEY_BYTES} are required.`
        : decodedLength !== undefined && decodedLength !== KEY_BYTES
          ? ` It decodes to ${decodedLength} bytes; ${KEY_BYTES} are required.`
          : ""
    throw new VaultError("invalid_key", `The Meta plugin option ${optionName} is not a valid encryption key.${hint} ${HOW_TO_GENERATE}`)
  }
  if (key.every((byte) => byte === key![0])) {
    throw new VaultError(
      "invalid_key",
      `The Meta plugin option ${optionName} is a placeholder (every byte is the same), not a random key. ${HOW_TO_GENERATE}`
    )
  }
  return key
}

/** Key id stored in each sealed value: first 8 hex of sha256(key). Identifies the key, reveals nothing usable. */
export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8)
}

/** A fresh key in the form parseEncryptionKey accepts (base64 of 32 random bytes). */
export function generateEncryptionKey(): string {
  return randomBytes(KEY_BYTES).toString("base64")
}
