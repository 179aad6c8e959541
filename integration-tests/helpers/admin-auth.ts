import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** Creates an admin user (as `medusa user` does) and returns bearer headers for it. */
export async function createAdminHeaders(
  container: MedusaContainer,
  api: any,
  email = "admin@medusa-test.com",
  password = "supersecret"
): Promise<{ headers: Record<string, string>; userId: string }> {
  const user = await container.resolve(Modules.USER).createUsers({ email })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", {
    body: { email, password },
  } as any)
  await auth.updateAuthIdentities({ id: authIdentity!.id, app_metadata: { user_id: user.id } })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}` }, userId: user.id }
}
