import { createHash } from "node:crypto"

/** A SHA-256 (64 hex) or MD5 (32 hex) digest: Meta and its SDKs pass such values through unhashed. */
const DIGEST = /^(?:[a-f0-9]{64}|[a-f0-9]{32})$/i

export function isHashed(value: string): boolean {
  return DIGEST.test(value)
}

/** Meta: "SHA-256 over the UTF-8 bytes of the normalized value, lowercase hex". node:crypto, not pure JS (~2× faster). */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex")
}
