export type VaultErrorCode =
  /** No key configured at all. */
  | "missing_key"
  /** A configured key is not 32 bytes of base64 or hex. */
  | "invalid_key"
  /** Sealed with a key that is not configured (removed too early, or another environment's key). */
  | "unknown_key"
  /** Authentication failed: the sealed value or its header was changed. */
  | "tampered"
  /** Not a sealed value at all, or an unsupported format version. */
  | "malformed"

export class VaultError extends Error {
  name = "VaultError"
  readonly code: VaultErrorCode

  constructor(code: VaultErrorCode, message: string) {
    super(message)
    this.code = code
  }
}
