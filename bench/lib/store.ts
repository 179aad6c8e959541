import { spawn, type ChildProcess } from "node:child_process"
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import type { GraphEmulator } from "../../src/emulator"
import { sleep } from "./harness"

/** A `medusa start` process a benchmark boots (its output's tail kept for the failure message). */
export type Store = { name: string; port: number; url: string; child?: ChildProcess; log: string }

const root = path.join(__dirname, "../..")
const cli = require.resolve("@medusajs/cli/cli.js", { paths: [root] })

/** Bench only (temp copy): what "medusa user -e -p" does, without booting another Medusa process. */
export const ADMIN_USER_ROUTE = `import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { createUsersWorkflow } from "@medusajs/medusa/core-flows"

/** Bench only (temp copy): what "medusa user -e -p" does. */
export const POST = async (req: MedusaRequest<{ email: string; password: string }>, res: MedusaResponse) => {
  const { email, password } = req.body
  const { result } = await createUsersWorkflow(req.scope).run({ input: { users: [{ email }] } })
  const auth = req.scope.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } } as never)
  if (error || !authIdentity) throw new Error(error ?? "no auth identity")
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: result[0].id } })
  res.json({ user_id: result[0].id })
}
`

/**
 * The development app (medusa-config.ts, src) copied to a temp directory on the repository's
 * node_modules — edits to the repository meanwhile cannot restart the store — plus bench-only routes
 * that exist in that copy only, at /bench/<bench>/<name> (`routes`: name → route.ts source). The caller
 * removes the directory.
 */
export function snapshotAppDir(prefix: string, bench: string, routes: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  for (const entry of ["package.json", "tsconfig.json", "medusa-config.ts", "src", "integration-tests/helpers"]) {
    cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true })
  }
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"))
  for (const [name, source] of Object.entries(routes)) {
    const routeDir = path.join(dir, "src/api/bench", bench, name)
    mkdirSync(routeDir, { recursive: true })
    writeFileSync(path.join(routeDir, "route.ts"), source)
  }
  return dir
}

/**
 * The environment of a bench store on `databaseUrl`, talking to the emulator: development mode, admin
 * off, and MEDUSA_WORKER_MODE=server so its own scheduler runs no job (every job run is the bench's).
 */
export function storeEnv(emulator: GraphEmulator, databaseUrl: string, port: number): NodeJS.ProcessEnv {
  const { TS_NODE_PROJECT: _benchProject, ...inherited } = process.env
  return {
    ...inherited,
    NODE_ENV: "development",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    MEDUSA_BACKEND_URL: `http://localhost:${port}`,
    MEDUSA_DISABLE_TELEMETRY: "true",
    DISABLE_MEDUSA_ADMIN: "true",
    MEDUSA_WORKER_MODE: "server",
    JWT_SECRET: "bench-jwt-secret",
    COOKIE_SECRET: "bench-cookie-secret",
    META_APP_ID: "1234567890",
    META_APP_SECRET: "sandbox-app-secret",
    META_ENCRYPTION_KEY: "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=",
    META_GRAPH_API_URL: emulator.url,
    META_OAUTH_DIALOG_URL: emulator.url,
    MEDUSA_PLUGIN_META_ENV_LOADED: "1",
    LOG_LEVEL: "error",
  }
}

/** `medusa start` in its own process group (stop it with stopGroup). */
export function boot(store: Store, cwd: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): void {
  store.child = spawn(process.execPath, [...nodeArgs, cli, "start", "--port", String(store.port)], { cwd, env, detached: true })
  const keep = (c: Buffer) => (store.log = (store.log + c).slice(-20_000))
  store.child.stdout?.on("data", keep)
  store.child.stderr?.on("data", keep)
}

export async function waitForHealth(store: Store, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (store.child?.exitCode !== null && store.child?.exitCode !== undefined) throw new Error(`${store.name} exited (${store.child.exitCode}):\n${store.log.slice(-3000)}`)
    try {
      if ((await fetch(`${store.url}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await sleep(500)
  }
  throw new Error(`${store.name} was not healthy within ${timeoutMs / 1000} s:\n${store.log.slice(-3000)}`)
}

/** JSON over HTTP; a non-2xx answer throws with its status and the start of its body. */
export async function http<T = any>(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<T> {
  const method = init.method ?? (init.body ? "POST" : "GET")
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
    signal: AbortSignal.timeout(init.timeoutMs ?? 60_000),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text.slice(0, 500)}`)
  return (text ? JSON.parse(text) : {}) as T
}

/**
 * An admin user created through the copy's bench-only route (ADMIN_USER_ROUTE at /bench/<bench>/admin-user),
 * logged in: the bearer header for admin calls.
 */
export async function adminHeaders(store: Store, bench: string): Promise<Record<string, string>> {
  const credentials = { email: "bench@example.com", password: "bench-password" }
  await http(`${store.url}/bench/${bench}/admin-user`, { body: credentials })
  const { token } = await http<{ token: string }>(`${store.url}/auth/user/emailpass`, { body: credentials })
  return { authorization: `Bearer ${token}` }
}
