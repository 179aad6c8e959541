import type { LoaderOptions } from "@medusajs/framework/types"
import { MetaPluginOptions, resolveMetaOptions } from "../options"

/** Fails the store's start-up with a message naming the option when the plugin is misconfigured. */
export default async function validateOptionsLoader({
  options,
}: LoaderOptions<MetaPluginOptions>): Promise<void> {
  resolveMetaOptions(options ?? {})
}
