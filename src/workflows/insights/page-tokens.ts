import type MetaModuleService from "../../modules/meta/service"

type Account = { platform: "instagram" | "facebook"; meta_id: string; page_meta_id: string | null }

/** The token each account reads with (an Instagram account reads with its linked Page's), by account id; null when its Page is gone. */
export async function pageTokens(meta: MetaModuleService, accounts: Account[]): Promise<Map<string, string | null>> {
  const pageOf = (a: Account) => a.page_meta_id ?? a.meta_id
  const tokens = await meta.getPageTokens(accounts.map(pageOf))
  return new Map(accounts.map((a) => [a.meta_id, tokens.get(pageOf(a)) ?? null]))
}
