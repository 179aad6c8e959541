import type { MedusaContainer } from "@medusajs/framework/types"
import type { GraphPort } from "../../../lib/publishing/publisher"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"

export type PublishingAccount = {
  id: string
  platform: "instagram" | "facebook"
  meta_id: string
  page_meta_id: string | null
  enabled: boolean
}

/** An account and the Graph port that publishes for it; `graph` is null while Meta needs a reconnect. */
export type AccountGraph = { account: PublishingAccount; graph: GraphPort | null }

function graphPort(meta: MetaModuleService, token: string): GraphPort {
  const graph = meta.getGraphClient()
  return {
    get: (path, params) => graph.get(path, { token, params }),
    // A publish call may take effect before it fails, so the client never repeats a POST on its own.
    post: (path, body) => graph.post(path, { token, body, retry: false }),
    upload: (uploadUrl, headers) => graph.upload(uploadUrl, { token, headers }),
  }
}

/**
 * For one round of the publisher: each account's row and Page token (an Instagram account publishes with
 * its linked Page's token) read once, however many of the round's publications go to it.
 */
export function accountGraphResolver(container: MedusaContainer): (accountId: string) => Promise<AccountGraph> {
  const publishing = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const accounts = new Map<string, Promise<AccountGraph>>()
  const load = async (accountId: string): Promise<AccountGraph> => {
    const account = (await publishing.retrieveMetaPublishingAccount(accountId)) as unknown as PublishingAccount
    const pageId = account.page_meta_id ?? account.meta_id
    const token = (await meta.getPageTokens([pageId])).get(pageId)
    return { account, graph: token ? graphPort(meta, token) : null }
  }
  return (accountId) => {
    let found = accounts.get(accountId)
    if (!found) {
      found = load(accountId)
      // A failed read is not kept: the next publication of the account reads again.
      found.catch(() => accounts.delete(accountId))
      accounts.set(accountId, found)
    }
    return found
  }
}
