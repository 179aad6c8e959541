import type { GraphEmulator } from "../../../src/emulator"
import { http, type Store } from "../store"

const BUSINESS = "20001"
const SEED_IG = "40001"

/**
 * The seeded Instagram account 40001 and `count - 1` more, each with its own Page, in the seeded business
 * (as seed.ts builds 30001/40001). Add them before connecting: the connection discovers them.
 */
export function addInstagramAccounts(emulator: GraphEmulator, count: number): string[] {
  const world = emulator.state
  const tasks = ["ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE"]
  const ids = [SEED_IG]
  for (let k = 1; k < count; k++) {
    const pageId = String(31000 + k)
    const igId = String(41000 + k)
    world.pages[pageId] = { id: pageId, name: `Bench Page ${k}`, category: "Shopping & retail", businessId: BUSINESS, instagramBusinessAccountId: igId, tasks, fanCount: 100 + k }
    world.igAccounts[igId] = { id: igId, username: `bench_shop_${k}`, name: `Bench Shop ${k}`, pageId, followersCount: 1000 + k, mediaCount: 0, biography: "Bench account" }
    ids.push(igId)
  }
  return ids
}

export type PublishingAccount = { id: string; platform: string; meta_id: string }

/**
 * Connects the store to the emulator with a system-user token, lists the publishing accounts (the store
 * creates them from the connection's assets) and turns publishing on for the given Instagram accounts.
 */
export async function connectInstagramAccounts(
  store: Store,
  emulator: GraphEmulator,
  headers: Record<string, string>,
  igIds: string[]
): Promise<PublishingAccount[]> {
  await http(`${store.url}/admin/meta/connection`, { body: { access_token: emulator.createSystemUserToken(), pixel_id: "60001" }, headers })
  const { accounts } = await http<{ accounts: PublishingAccount[] }>(`${store.url}/admin/meta/publishing/accounts`, { headers })
  const instagram = accounts.filter((a) => a.platform === "instagram" && igIds.includes(a.meta_id))
  if (instagram.length !== igIds.length) throw new Error(`expected ${igIds.length} Instagram accounts, the store lists ${instagram.length}`)
  for (const a of instagram) await http(`${store.url}/admin/meta/publishing/accounts/${a.id}`, { body: { enabled: true }, headers })
  return instagram
}
