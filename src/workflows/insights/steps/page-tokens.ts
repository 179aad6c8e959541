import type MetaModuleService from "../../../modules/meta/service"

type Account = { platform: "instagram" | "facebook"; meta_id: string; page_meta_id: string | null }

/**
 * The Page token each account reads with (an Instagram account reads with its linked Page's token), looked
 * up once per Page; null for an account whose Page the connection no longer has.
 */
export async function pageTokens(meta: MetaModuleService, accounts: Account[]): Promise<Map<string, string | null>> {
  const pageIds = [...new Set(accounts.map((a) => a.page_meta_id ?? a.meta_id))]
  const pages = pageIds.length ? await meta.listMetaAssets({ type: "page", meta_id: pageIds }, { take: null }) : []
  const byPage = new Map(pages.map((p) => [p.meta_id, p.access_token ? meta.openSecret(p.access_token) : null]))
  return new Map(accounts.map((a) => [a.meta_id, byPage.get(a.page_meta_id ?? a.meta_id) ?? null]))
}
