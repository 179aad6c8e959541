export { TokenVault } from "./token-vault"
export { VaultError, type VaultErrorCode } from "./vault-error"
export { generateEncryptionKey, keyIdOf, parseEncryptionKey, KEY_BYTES } from "./encryption-key"
