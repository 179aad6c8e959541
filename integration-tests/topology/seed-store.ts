import { writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createTestStore } from "../helpers/store-setup"

/**
 * `medusa exec` script for the topology app (run once, after `medusa db:migrate`, before the instances
 * start): the sellable test store built with Medusa's own workflows, and an admin user (what
 * `medusa user -e … -p …` does). Writes the store's ids as JSON to the file named by TOPOLOGY_SEED_OUT.
 */
export default async function seedTopologyStore({ container }: ExecArgs) {
  const out = process.env.TOPOLOGY_SEED_OUT
  const email = process.env.TOPOLOGY_ADMIN_EMAIL
  const password = process.env.TOPOLOGY_ADMIN_PASSWORD
  if (!out || !email || !password) throw new Error("TOPOLOGY_SEED_OUT, TOPOLOGY_ADMIN_EMAIL and TOPOLOGY_ADMIN_PASSWORD are required")

  const store = await createTestStore(container)
  const user = await container.resolve(Modules.USER).createUsers({ email })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } } as never)
  if (error || !authIdentity) throw new Error(error ?? "no auth identity")
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  writeFileSync(out, JSON.stringify(store))
}
