import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"
import { publishingLimit } from "../../../lib/publishing/publisher"
import { readProductTagEligibility } from "./resolve-instagram-product-tags"

type Profile = {
  id: string
  name?: string
  username?: string
  followers_count?: number
  profile_picture_url?: string
  picture?: { data?: { url?: string } }
}

/**
 * Every Page and Instagram account the connection discovered becomes a publishing account (off until the
 * merchant turns it on), with name, username, followers and picture read from each profile. Accounts the connection no
 * longer has are marked missing, not deleted: their publications keep their history.
 */
export const syncMetaPublishingAccountsStep = createStep(
  "sync-meta-publishing-accounts",
  async (_: void, { container }) => {
    const meta = container.resolve<MetaModuleService>(META_MODULE)
    const publishing = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const live = await meta.getConnectionToken()
    const assets = live ? await meta.listMetaAssets({ type: ["page", "instagram_account"] }, { take: null }) : []
    const pages = assets.filter((a) => a.type === "page")
    const instagram = assets.filter((a) => a.type === "instagram_account")
    const graph = meta.getGraphClient()
    const profiles = new Map<string, Profile>()
    const read = async (ids: string[], fields: string) => {
      if (!ids.length || !live) return
      for (const id of ids) {
        try {
          profiles.set(id, await graph.get<Profile>(id, { token: live.token, params: { fields } }))
        } catch {
          // Profiles are decoration: the account is listed from the discovered asset all the same.
        }
      }
    }
    await read(instagram.map((a) => a.meta_id), "id,name,username,followers_count,profile_picture_url")
    await read(pages.map((a) => a.meta_id), "id,name,followers_count,picture")

    // Meta's publishing quota, read per account with its Page's token (never assumed: Meta's pages disagree).
    const quotas = new Map<string, { usage: number; total: number; duration: number }>()
    // Whether the account may tag products (https://developers.facebook.com/docs/instagram-platform/shopping-api/product-tagging).
    const tagEligibility = new Map<string, boolean>()
    const pageTokens = await meta.getPageTokens(instagram.map((a) => a.parent_meta_id ?? ""))
    for (const account of instagram) {
      const token = pageTokens.get(account.parent_meta_id ?? "")
      if (!token) continue
      const port = { get: <T>(path: string, params?: Record<string, unknown>) => graph.get<T>(path, { token, params }), post: () => Promise.reject(new Error("read only")) }
      const quota = await publishingLimit(port, account.meta_id).catch(() => null)
      if (quota) quotas.set(account.meta_id, quota)
      const eligible = await readProductTagEligibility(port, account.meta_id).catch(() => null)
      if (eligible !== null) tagEligibility.set(account.meta_id, eligible)
    }

    const existing = await publishing.listMetaPublishingAccounts({}, { take: null })
    const byKey = new Map(existing.map((row) => [`${row.platform}:${row.meta_id}`, row]))
    const seen = new Set<string>()
    const upserts = [
      ...instagram.map((a) => ({ platform: "instagram" as const, asset: a, page: a.parent_meta_id ?? null })),
      ...pages.map((a) => ({ platform: "facebook" as const, asset: a, page: a.meta_id })),
    ]
    for (const { platform, asset, page } of upserts) {
      const key = `${platform}:${asset.meta_id}`
      seen.add(key)
      const profile = profiles.get(asset.meta_id)
      const fields = {
        name: profile?.name ?? asset.name.replace(/^@/, ""),
        username: platform === "instagram" ? profile?.username ?? asset.name.replace(/^@/, "") : null,
        followers_count: profile?.followers_count ?? null,
        picture_url: profile?.profile_picture_url ?? profile?.picture?.data?.url ?? null,
        page_meta_id: page,
        missing_since: null,
        ...(quotas.has(asset.meta_id)
          ? {
              quota_usage: quotas.get(asset.meta_id)!.usage,
              quota_total: quotas.get(asset.meta_id)!.total,
              quota_duration: quotas.get(asset.meta_id)!.duration,
              quota_checked_at: new Date(),
            }
          : {}),
        ...(tagEligibility.has(asset.meta_id)
          ? { product_tag_eligible: tagEligibility.get(asset.meta_id) as boolean, product_tag_checked_at: new Date() }
          : {}),
      }
      const row = byKey.get(key)
      if (row) await publishing.updateMetaPublishingAccounts({ id: row.id, ...fields })
      else await publishing.createMetaPublishingAccounts({ platform, meta_id: asset.meta_id, enabled: false, ...fields })
    }
    for (const row of existing) {
      if (!seen.has(`${row.platform}:${row.meta_id}`) && !row.missing_since) {
        await publishing.updateMetaPublishingAccounts({ id: row.id, missing_since: new Date() })
      }
    }
    return new StepResponse(seen.size)
  }
)
