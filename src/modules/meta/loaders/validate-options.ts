import type { LoaderOptions } from "@medusajs/framework/types"
import { TokenVault } from "../../../lib/vault"
import { MetaPluginOptions, resolveMetaOptions } from "../options"

/** Fails the store's start-up with a message naming the option when the plugin is misconfigured. */
export default async function validateOptionsLoader({
  options,
}: LoaderOptions<MetaPluginOptions>): Promise<void> {
  const resolved = resolveMetaOptions(options ?? {})
  // A malformed or short key must stop start-up, not the first token save hours later.
  TokenVault.fromKeys(resolved.encryptionKeys, options?.encryptionKeys ? "encryptionKeys" : "encryptionKey")
}
