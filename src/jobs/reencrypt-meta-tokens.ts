import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { META_MODULE } from "../modules/meta"
import type MetaModuleService from "../modules/meta/service"

/**
 * Hourly: after a key rotation (a new key first in `encryptionKeys`), re-seals stored tokens with the
 * newest key. Once it logs that nothing is left, the old key can be removed from the options.
 */
export default async function reencryptMetaTokensJob(container: MedusaContainer) {
  const service = container.resolve<MetaModuleService>(META_MODULE)
  const count = await service.reencryptSecrets()
  if (count > 0) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Meta: re-encrypted ${count} stored token(s) with the current encryption key`)
  }
}

export const config = {
  name: "meta-reencrypt-tokens",
  schedule: "41 * * * *",
}
