import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto"
import { keyIdOf, parseEncryptionKey } from "./encryption-key"
import { VaultError } from "./vault-error"

/**
 * Meta tokens at rest: AES-256-GCM with a random 96-bit IV per value (NIST SP 800-38D's recommended IV
 * size), sealed as "v1.<kid>.<iv>.<tag>.<ciphertext>" (base64url segments). "v1.<kid>" is authenticated
 * as associated data, so swapping the key id or version is detected like any other change.
 * Rotation: the first key encrypts, every configured key decrypts; reencrypt() moves values forward.
 */

const FORMAT_VERSION = "v1"
const IV_BYTES = 12
const TAG_BYTES = 16
const KEY_ID = /^[0-9a-f]{8}$/
const BASE64URL = /^[A-Za-z0-9_-]*$/

type SealedParts = { kid: string; iv: Buffer; tag: Buffer; ciphertext: Buffer; header: string }

function decodeSegment(segment: string, name: string, expectedBytes?: number): Buffer {
  const bytes = BASE64URL.test(segment) ? Buffer.from(segment, "base64url") : undefined
  // Buffer decoding is lenient; insist on the canonical encoding so each sealed value has one spelling.
  if (!bytes || bytes.toString("base64url") !== segment || (expectedBytes !== undefined && bytes.length !== expectedBytes)) {
    throw new VaultError("malformed", `Sealed value has an invalid ${name} segment`)
  }
  return bytes
}

function parseSealed(sealed: string): SealedParts {
  if (typeof sealed !== "string") throw new VaultError("malformed", "Sealed value must be a string")
  const parts = sealed.split(".")
  if (parts.length !== 5) {
    throw new VaultError("malformed", `Sealed value must have 5 dot-separated segments, got ${parts.length}`)
  }
  const [version, kid, iv, tag, ciphertext] = parts
  if (version !== FORMAT_VERSION) {
    throw new VaultError("malformed", `Sealed value has unsupported format "${version.slice(0, 8)}" (expected ${FORMAT_VERSION})`)
  }
  if (!KEY_ID.test(kid)) throw new VaultError("malformed", "Sealed value has an invalid key id")
  return {
    kid,
    iv: decodeSegment(iv, "IV", IV_BYTES),
    tag: decodeSegment(tag, "auth tag", TAG_BYTES),
    ciphertext: decodeSegment(ciphertext, "ciphertext"),
    header: `${version}.${kid}`,
  }
}

export class TokenVault {
  readonly currentKeyId: string
  readonly #keys: { id: string; key: Buffer }[]

  private constructor(keys: { id: string; key: Buffer }[]) {
    this.#keys = keys
    this.currentKeyId = keys[0].id
  }

  /**
   * `keys[0]` encrypts; all decrypt. `optionName` is the plugin option the keys came from, used in
   * error messages ("encryptionKeys" by default; pass "encryptionKey" for the single-key option).
   */
  static fromKeys(keys: readonly string[], optionName = "encryptionKeys"): TokenVault {
    if (!Array.isArray(keys) || keys.length === 0) {
      throw new VaultError(
        "missing_key",
        `The Meta plugin needs an encryption key for stored tokens: set the option encryptionKey (or encryptionKeys, or env META_ENCRYPTION_KEY).`
      )
    }
    const parsed: { id: string; key: Buffer }[] = []
    keys.forEach((value, index) => {
      const key = parseEncryptionKey(value, keys.length > 1 ? `${optionName}[${index}]` : optionName)
      const id = keyIdOf(key)
      if (!parsed.some((k) => k.id === id)) parsed.push({ id, key })
    })
    return new TokenVault(parsed)
  }

  /** Sealed with the current key; a fresh IV each time, so equal inputs never give equal outputs. */
  encrypt(plain: string): string {
    if (typeof plain !== "string") throw new TypeError("TokenVault.encrypt takes a string")
    const { id, key } = this.#keys[0]
    const iv = randomBytes(IV_BYTES)
    const header = `${FORMAT_VERSION}.${id}`
    const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES })
    cipher.setAAD(Buffer.from(header, "utf8"))
    const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
    const tag = cipher.getAuthTag()
    return [header, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".")
  }

  decrypt(sealed: string): string {
    const parts = parseSealed(sealed)
    const entry = this.#keys.find((k) => k.id === parts.kid)
    if (!entry) {
      throw new VaultError(
        "unknown_key",
        `Sealed value was encrypted with key ${parts.kid}, which is not among the configured encryptionKeys ` +
          `(current ${this.currentKeyId}). Keep old keys after the first one in encryptionKeys until every value is re-encrypted.`
      )
    }
    const decipher = createDecipheriv("aes-256-gcm", entry.key, parts.iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(parts.header, "utf8"))
    decipher.setAuthTag(parts.tag)
    try {
      return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString("utf8")
    } catch {
      throw new VaultError("tampered", `Sealed value failed authentication with key ${parts.kid}: it was altered or corrupted`)
    }
  }

  /** True when the value was sealed with an older (or unknown) key and should be rewritten. */
  needsReencrypt(sealed: string): boolean {
    return parseSealed(sealed).kid !== this.currentKeyId
  }

  /** Re-seals with the current key; returns the input unchanged when it already uses it. */
  reencrypt(sealed: string): string {
    if (!this.needsReencrypt(sealed)) return sealed
    return this.encrypt(this.decrypt(sealed))
  }
}
